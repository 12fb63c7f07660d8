using System.Text.Json;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Zalo;

/// <summary>What to do with one Zalo update: hand a message to the core, answer it directly, or ignore it.</summary>
/// <param name="ChatId">Where a reply goes (null when the update names no chat).</param>
/// <param name="MessageId">Zalo's message id (for replay checks), when present.</param>
/// <param name="Incoming">The message for the core, or null.</param>
/// <param name="DirectReply">The polite answer the channel gives itself (pictures, stickers, unsupported kinds), or null; its words are
/// <see cref="ZaloUpdateProcessor"/>'s (seeds/texts, in the person's language).</param>
public sealed record ZaloInbound(string? ChatId, string? MessageId, Incoming? Incoming, ZaloPoliteReply? DirectReply)
{
    public bool Ignored => Incoming is null && DirectReply is null;
}

/// <summary>What a message the bot cannot read was: the channel answers it with a polite word of its own.</summary>
public enum ZaloPoliteReply
{
    Image,
    Sticker,
    Unsupported,
}

/// <summary>Reads Zalo updates (flat or wrapped in {ok, result}) and maps them to the core's <see cref="Incoming"/>.</summary>
public static class ZaloUpdateMapper
{
    public const string Channel = "zalo";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = false };

    /// <summary>
    /// The updates in a getUpdates result or a webhook body: one object (the documented shape), an array of them,
    /// or either wrapped in {"ok": true, "result": ...} as some clients report for webhooks.
    /// </summary>
    public static IReadOnlyList<ZaloUpdate> ParseUpdates(JsonElement element, bool unwrap = true)
    {
        if (unwrap && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("result", out var inner)
            && !element.TryGetProperty("message", out _) && !element.TryGetProperty("event_name", out _))
        {
            element = inner;
        }
        return element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Select(e => ParseUpdates(e, unwrap)).SelectMany(u => u).ToList(),
            JsonValueKind.Object when element.TryGetProperty("message", out _) || element.TryGetProperty("event_name", out _) =>
                [element.Deserialize<ZaloUpdate>(Json)!],
            _ => [],
        };
    }

    /// <summary>Maps an update. In a group only messages that start with "/" or mention the bot are addressed to it.</summary>
    /// <param name="update">The update.</param>
    /// <param name="botName">The bot's name, to tell mentions in groups.</param>
    /// <param name="languageCode">The person's language, when known.</param>
    /// <param name="download">Fetches an image URL (an image with a URL in a private chat goes to the core as a photo; without it the
    /// person gets the polite word).</param>
    public static ZaloInbound Map(ZaloUpdate update, string? botName = null, string? languageCode = null,
        Func<string, CancellationToken, Task<Stream>>? download = null)
    {
        var message = update.Message;
        var chatId = message?.Chat?.Id ?? message?.From?.Id;
        var userId = message?.From?.Id;
        if (message is null || string.IsNullOrEmpty(chatId) || string.IsNullOrEmpty(userId) || message.From?.IsBot == true)
        {
            return new ZaloInbound(chatId, message?.MessageId, null, null);
        }
        var isGroup = string.Equals(message.Chat?.ChatType, "GROUP", StringComparison.OrdinalIgnoreCase);
        var eventName = update.EventName ?? (message.Text is not null ? ZaloUpdate.TextReceived : ZaloUpdate.UnsupportedReceived);
        if (eventName == ZaloUpdate.ImageReceived && !isGroup && download is not null
            && (message.Photo ?? message.PhotoUrl) is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            // An image in a private chat: evidence for a form being logged (the core says what it does with it otherwise).
            return new ZaloInbound(chatId, message.MessageId, new Incoming
            {
                Channel = Channel, ChatId = chatId, UserId = userId, DisplayName = message.From?.DisplayName ?? message.From?.FirstName,
                Text = string.IsNullOrWhiteSpace(message.Caption) ? null : message.Caption, LanguageCode = languageCode,
                UpdateKey = string.IsNullOrEmpty(message.MessageId) ? null : Channel + ":" + message.MessageId,
                Photo = new IncomingDocument($"anh-{message.MessageId}.jpg", 0, ct => download(url, ct)),
            }, null);
        }
        if (eventName != ZaloUpdate.TextReceived)
        {
            // Pictures, stickers and the rest: a polite word in a private chat, silence in a group.
            var polite = eventName switch
            {
                ZaloUpdate.ImageReceived => ZaloPoliteReply.Image,
                ZaloUpdate.StickerReceived => ZaloPoliteReply.Sticker,
                _ => ZaloPoliteReply.Unsupported,
            };
            // In a group the sender is still noted as a member (an unaddressed message without text), and gets no answer.
            return isGroup
                ? new ZaloInbound(chatId, message.MessageId, new Incoming
                {
                    Channel = Channel, ChatId = chatId, UserId = userId, IsGroupChat = true, AddressedToBot = false,
                    DisplayName = message.From?.DisplayName ?? message.From?.FirstName, LanguageCode = languageCode,
                }, null)
                : new ZaloInbound(chatId, message.MessageId, null, polite);
        }
        var text = message.Text ?? "";
        var mention = string.IsNullOrWhiteSpace(botName) ? null : "@" + botName;
        var addressed = !isGroup || text.TrimStart().StartsWith('/')
            || (mention is not null && text.Contains(mention, StringComparison.OrdinalIgnoreCase));
        if (isGroup && mention is not null && !text.TrimStart().StartsWith('/')
            && text.Replace(mention, "", StringComparison.OrdinalIgnoreCase).Trim() is { Length: > 0 } stripped)
        {
            // "@bot bao nhiêu gian hàng": the question is what follows the mention (as on Telegram).
            text = stripped;
        }
        var incoming = new Incoming
        {
            Channel = Channel,
            ChatId = chatId,
            UserId = userId,
            DisplayName = message.From?.DisplayName ?? message.From?.FirstName,
            Text = text,
            LanguageCode = languageCode,
            IsGroupChat = isGroup,
            AddressedToBot = addressed,
            UpdateKey = string.IsNullOrEmpty(message.MessageId) ? null : Channel + ":" + message.MessageId,
        };
        return new ZaloInbound(chatId, message.MessageId, incoming, null);
    }
}
