using System.Text;
using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Telegram;

/// <summary>Sends a channel-agnostic reply to a Telegram chat: plain text split at 4096, inline buttons, photo or document, edit in place.</summary>
public sealed class TelegramReplySender(TelegramBot bot, UserTexts texts, ILogger<TelegramReplySender> logger)
{
    public const int MaxMessageLength = 4096;
    public const int MaxCaptionLength = 1024;
    private const int ShortLabel = 18;

    /// <summary>Sends <paramref name="reply"/>; when <paramref name="editMessageId"/> is set, first tries to edit that message; <paramref name="client"/> defaults to the bot's client.</summary>
    public async Task SendAsync(long chatId, Reply reply, int? editMessageId, string language, CancellationToken ct, ITelegramBotClient? client = null)
    {
        client ??= bot.Client;
        var (text, keyboard) = Layout(reply, texts, language);
        if (editMessageId is { } messageId && reply.Attachment is null && text.Length <= MaxMessageLength)
        {
            try
            {
                await client.EditMessageText(chatId, messageId, text, replyMarkup: keyboard, cancellationToken: ct).ConfigureAwait(false);
                return;
            }
            catch (ApiRequestException ex) when (ex.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            catch (ApiRequestException ex)
            {
                logger.LogInformation("Editing message {MessageId} failed ({Code}); sending a new one", messageId, ex.ErrorCode);
            }
        }

        if (reply.Attachment is { } attachment)
        {
            var caption = text.Length <= MaxCaptionLength ? text : null;
            if (caption is null)
            {
                await SendTextAsync(client, chatId, text, null, ct).ConfigureAwait(false);
            }
            using var stream = new MemoryStream(attachment.Content, writable: false);
            var file = InputFile.FromStream(stream, attachment.FileName);
            var captionOrNull = string.IsNullOrEmpty(caption) ? null : caption;
            if (attachment.Kind == AttachmentKind.Photo)
            {
                await client.SendPhoto(chatId, file, captionOrNull, replyMarkup: keyboard, cancellationToken: ct).ConfigureAwait(false);
            }
            else
            {
                await client.SendDocument(chatId, file, captionOrNull, replyMarkup: keyboard, cancellationToken: ct).ConfigureAwait(false);
            }
            return;
        }
        await SendTextAsync(client, chatId, text, keyboard, ct).ConfigureAwait(false);
    }

    private static async Task SendTextAsync(ITelegramBotClient client, long chatId, string text, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        var parts = Split(text, MaxMessageLength);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            // Plain text (no parse mode): "<b>" typed by a person is shown as typed and never breaks a message.
            await client.SendMessage(chatId, parts[i], ParseMode.None, replyMarkup: last ? keyboard : null, cancellationToken: ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>The text to send and the inline keyboard; choices whose data Telegram would refuse are shown as a numbered list instead.</summary>
    public static (string Text, InlineKeyboardMarkup? Keyboard) Layout(Reply reply, UserTexts texts, string language)
    {
        var text = reply.Text;
        if (reply.Choices.Count == 0)
        {
            return (NonEmpty(text, texts, language), null);
        }
        if (reply.Choices.Any(c => Encoding.UTF8.GetByteCount(c.Data) is 0 or > Choice.MaxDataBytes || string.IsNullOrWhiteSpace(c.Label)))
        {
            return (TextRendering.Render(reply, texts, language), null);
        }
        return (NonEmpty(text, texts, language), Keyboard(reply.Choices));
    }

    /// <summary>Numbered choices one per row (two per row when all are short); actions together in a last row.</summary>
    public static InlineKeyboardMarkup Keyboard(IReadOnlyList<Choice> choices)
    {
        var rows = new List<List<InlineKeyboardButton>>();
        var numbered = choices.Where(c => c.Numbered).ToList();
        var perRow = numbered.Count >= 4 && numbered.All(c => c.Label.Length <= ShortLabel) ? 2 : 1;
        for (var i = 0; i < numbered.Count; i += perRow)
        {
            rows.Add(numbered.Skip(i).Take(perRow).Select(Button).ToList());
        }
        var actions = choices.Where(c => !c.Numbered).ToList();
        for (var i = 0; i < actions.Count; i += 3)
        {
            rows.Add(actions.Skip(i).Take(3).Select(Button).ToList());
        }
        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton Button(Choice choice) => InlineKeyboardButton.WithCallbackData(choice.Label, choice.Data);

    private static string NonEmpty(string text, UserTexts texts, string language) =>
        string.IsNullOrWhiteSpace(text) ? texts.Text(language, "telegram.choose") : text;

    /// <summary>Splits text into parts of at most <paramref name="max"/> characters, on line boundaries when possible.</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxMessageLength)
    {
        if (text.Length <= max)
        {
            return [text];
        }
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var piece = line;
            if (current.Length > 0 && current.Length + 1 + piece.Length > max)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            while (piece.Length > max)
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
                var cut = max;
                if (char.IsHighSurrogate(piece[cut - 1]))
                {
                    cut--;
                }
                parts.Add(piece[..cut]);
                piece = piece[cut..];
            }
            if (current.Length > 0)
            {
                current.Append('\n');
            }
            current.Append(piece);
        }
        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }
        return parts.Where(p => p.Trim().Length > 0).ToList();
    }
}
