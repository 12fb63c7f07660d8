using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace KhuyenCongBot.Telegram;

/// <summary>Start-up calls of both modes: getMe (the username for groups and invitation links) and the command menus.</summary>
public sealed partial class TelegramInitializer(
    TelegramBot bot,
    IBotEngine engine,
    IOptions<TelegramOptions> options,
    IOptions<BotOptions> botOptions,
    ILogger<TelegramInitializer> logger)
{
    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    /// <summary>Retries with backoff until Telegram answers or <paramref name="ct"/> is cancelled.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        var me = await Retry("getMe", () => bot.Client.GetMe(ct), ct).ConfigureAwait(false);
        botOptions.Value.TelegramBotUsername ??= me.Username;
        logger.LogInformation("Telegram bot @{Username} (id {BotId}) connected", me.Username, me.Id);
        await Retry("setMyCommands", async () =>
        {
            await bot.Client.SetMyCommands(Commands("vi"), cancellationToken: ct).ConfigureAwait(false);
            await bot.Client.SetMyCommands(Commands("en"), languageCode: "en", cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
        bot.SetReady(me);
    }

    /// <summary>The engine's menu as Telegram accepts it: lowercase names of [a-z0-9_], descriptions of 1-256 characters, at most 100.</summary>
    public List<BotCommand> Commands(string language)
    {
        var list = new List<BotCommand>();
        foreach (var (command, description) in engine.MenuCommands(language))
        {
            var name = command.TrimStart('/').ToLowerInvariant();
            if (!CommandName().IsMatch(name) || list.Any(c => c.Command == name))
            {
                logger.LogWarning("Command /{Command} cannot be shown in the Telegram menu", command);
                continue;
            }
            var text = string.IsNullOrWhiteSpace(description) ? name : description.Trim();
            list.Add(new BotCommand { Command = name, Description = text.Length > 256 ? text[..256] : text });
        }
        return list.Take(100).ToList();
    }

    /// <summary>Runs <paramref name="call"/> until it succeeds, waiting 1, 2, 4 ... up to 60 seconds between failures.</summary>
    public async Task<T> Retry<T>(string what, Func<Task<T>> call, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(options.Value.ErrorBackoffMilliseconds);
        while (true)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning("Telegram {Call} failed, retrying in {Delay}: {Error}", what, delay, bot.Redact(ex.Message));
                await Task.Delay(delay, ct).ConfigureAwait(false);
                delay = Next(delay);
            }
        }
    }

    public static TimeSpan Next(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(60).Ticks));
}
