using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace KhuyenCongBot.Telegram;

/// <summary>The Bot API client and who the bot is (from getMe), shared by the channel's services.</summary>
public sealed class TelegramBot
{
    private readonly TaskCompletionSource<User> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _token;

    public TelegramBot(IOptions<TelegramOptions> options)
    {
        TelegramJson.UseUtf8();
        var o = options.Value;
        _token = o.BotToken!.Trim();
        var clientOptions = string.IsNullOrWhiteSpace(o.ApiBaseUrl)
            ? new TelegramBotClientOptions(_token)
            : new TelegramBotClientOptions(_token, o.ApiBaseUrl.Trim());
        // Short 429 waits are retried by the client; longer ones surface to callers.
        clientOptions.RetryThreshold = 5;
        clientOptions.RetryCount = 2;
        Client = new TelegramBotClient(clientOptions);
        // Broadcasts never retry inside the client: a hidden retry would bypass the broadcast rate limiter and its
        // global pause after a 429; every 429 reaches the BroadcastRunner, which pauses all sends and reschedules.
        var broadcastOptions = string.IsNullOrWhiteSpace(o.ApiBaseUrl)
            ? new TelegramBotClientOptions(_token)
            : new TelegramBotClientOptions(_token, o.ApiBaseUrl.Trim());
        broadcastOptions.RetryThreshold = 0;
        BroadcastClient = new TelegramBotClient(broadcastOptions);
    }

    public ITelegramBotClient Client { get; }

    /// <summary>The client for broadcasts: 429 answers are never retried silently.</summary>
    public ITelegramBotClient BroadcastClient { get; }

    /// <summary>The bot's own user once getMe answered; null before.</summary>
    public User? Me { get; private set; }

    public string? Username => Me?.Username;

    /// <summary>Completes when getMe has answered and the menu is set.</summary>
    public Task<User> Ready => _ready.Task;

    internal void SetReady(User me)
    {
        Me = me;
        _ready.TrySetResult(me);
    }

    /// <summary>Text with the token replaced, for logs.</summary>
    public string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace(_token, "***", StringComparison.Ordinal);

    /// <summary>An exception (with its inner ones and stack) as loggable text without the token.</summary>
    public string Redact(Exception ex) => Redact(ex.ToString());
}
