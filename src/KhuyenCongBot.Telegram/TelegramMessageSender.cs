using System.Globalization;
using KhuyenCongBot.Core.Messaging;
using Telegram.Bot.Exceptions;

namespace KhuyenCongBot.Telegram;

/// <summary>Sends broadcasts and reminders to a Telegram chat; refusals become <see cref="SendFailedException"/>.</summary>
public sealed class TelegramMessageSender(TelegramBot bot, TelegramReplySender sender) : IMessageSender
{
    public string Channel => TelegramUpdateHandler.ChannelName;

    public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            throw new SendFailedException($"'{chatId}' is not a Telegram chat id", permanent: true);
        }
        try
        {
            await sender.SendAsync(id, reply, null, "vi", cancellationToken, bot.BroadcastClient).ConfigureAwait(false);
        }
        catch (ApiRequestException ex)
        {
            var reason = bot.Redact(ex.Message);
            throw ex.ErrorCode switch
            {
                403 => new SendFailedException(reason, permanent: true),
                400 when reason.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => new SendFailedException(reason, permanent: true),
                429 => new SendFailedException(reason, permanent: false, TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1)),
                _ => new SendFailedException(reason, permanent: false),
            };
        }
        catch (RequestException ex)
        {
            throw new SendFailedException(bot.Redact(ex.Message), permanent: false);
        }
        catch (HttpRequestException ex)
        {
            throw new SendFailedException(bot.Redact(ex.Message), permanent: false);
        }
    }
}
