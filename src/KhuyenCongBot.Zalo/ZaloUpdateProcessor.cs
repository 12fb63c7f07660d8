using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Zalo;

/// <summary>Handles one Zalo update: maps it, asks the core, sends the replies; failures are logged, never shown as exception text.</summary>
public sealed class ZaloUpdateProcessor(
    IBotEngine engine,
    IUserLanguages people,
    ZaloApiClient api,
    ZaloReplySender sender,
    UserTexts texts,
    ILogger<ZaloUpdateProcessor> logger,
    ZaloOutbox? outbox = null)
{
    /// <summary>Raised after an update has been handled (with its message id, or "" when it had none).</summary>
    public event Action<string>? UpdateHandled;

    /// <summary>The bot's name from getMe, to tell whether a group message mentions it.</summary>
    public string? BotName { get; set; }

    /// <summary>The polite word for a message the bot cannot read (a picture, a sticker, another kind), in the person's language.</summary>
    public string PoliteText(ZaloPoliteReply reply, string? language)
    {
        language ??= UserTexts.Vietnamese;
        return reply switch
        {
            ZaloPoliteReply.Image => texts.Text(language, "zalo.image_reply"),
            ZaloPoliteReply.Sticker => texts.Text(language, "zalo.sticker_reply"),
            _ => texts.Text(language, "zalo.unsupported_reply"),
        };
    }

    public async Task HandleAsync(ZaloUpdate update, CancellationToken ct)
    {
        var messageId = update.Message?.MessageId ?? "";
        try
        {
            var userId = update.Message?.From?.Id;
            var language = userId is null ? null : people.LanguageOf(ZaloUpdateMapper.Channel + ":" + userId);
            var inbound = ZaloUpdateMapper.Map(update, BotName, language, api.DownloadAsync);
            if (inbound.Ignored)
            {
                logger.LogDebug("Zalo update {Event} ignored", update.EventName);
                return;
            }
            var chatId = inbound.ChatId!;
            if (inbound.DirectReply is { } polite)
            {
                await api.SendMessageAsync(chatId, PoliteText(polite, language), ct).ConfigureAwait(false);
                return;
            }
            var incoming = inbound.Incoming!;
            if (incoming.IsGroupChat && !incoming.AddressedToBot)
            {
                // Not for the bot, but its sender is in the group: the core notes them (what a group may see depends on who is in it).
                await engine.HandleAsync(incoming, ct).ConfigureAwait(false);
                return;
            }
            _ = TypingAsync(chatId, ct);
            IReadOnlyList<Reply> replies;
            try
            {
                replies = await engine.HandleAsync(incoming, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The core failed on a Zalo message");
                replies = [Reply.Of(texts.Text(language ?? UserTexts.Vietnamese, "zalo.error"))];
            }
            for (var i = 0; i < replies.Count; i++)
            {
                try
                {
                    await sender.SendAsync(chatId, replies[i], language ?? "vi", ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Cut by the stop's deadline: Zalo will not deliver the message again, so the replies are kept and sent at the next start.
                    outbox?.Keep(chatId, replies.Skip(i).ToList(), language ?? "vi");
                    throw;
                }
            }
        }
        catch (ZaloApiException ex)
        {
            logger.LogWarning("Zalo {Method} failed with {Code}: {Description}", ex.Method, ex.ErrorCode, ex.Description);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError("Handling a Zalo update failed: {Error}", api.Scrub(ex.GetType().Name + ": " + ex.Message));
        }
        finally
        {
            UpdateHandled?.Invoke(messageId);
        }
    }

    private async Task TypingAsync(string chatId, CancellationToken ct)
    {
        try
        {
            await api.SendChatActionAsync(chatId, "typing", ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ZaloApiException or OperationCanceledException)
        {
            logger.LogDebug("Zalo typing indicator not shown");
        }
    }
}
