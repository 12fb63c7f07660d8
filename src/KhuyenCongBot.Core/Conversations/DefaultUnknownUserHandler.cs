using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Tells a person who is not registered what the bot is for and how to get an invitation; keeps only a counter.</summary>
public sealed class DefaultUnknownUserHandler(IBotStore store) : IUnknownUserHandler
{
    public Task<(IReadOnlyList<Reply> Replies, BotUser? Registered)> HandleAsync(Incoming message, CancellationToken cancellationToken)
    {
        var count = long.TryParse(store.Meta.Get("unknown-messages"), out var n) ? n : 0;
        store.Meta.Set("unknown-messages", (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        IReadOnlyList<Reply> replies = [Reply.Of(NotRegistered(message.LanguageCode))];
        return Task.FromResult<(IReadOnlyList<Reply>, BotUser?)>((replies, null));
    }

    public static string NotRegistered(string? languageCode) =>
        languageCode is not null && languageCode.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? "This bot is for industrial extension (khuyến công) officers. Ask your centre's administrator for an invitation code, then send /start followed by the code."
            : "Bot này dành cho cán bộ khuyến công. Bạn hãy liên hệ quản trị viên của Trung tâm Khuyến công để được cấp mã mời, rồi gửi /start kèm mã mời (ví dụ: /start ABC123).";
}
