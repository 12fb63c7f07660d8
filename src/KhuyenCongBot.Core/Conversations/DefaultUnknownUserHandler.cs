using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Tells a person who is not registered what the bot is for and how to get an invitation; keeps only a counter.</summary>
public sealed class DefaultUnknownUserHandler(IBotStore store, UserTexts texts) : IUnknownUserHandler
{
    public Task<(IReadOnlyList<Reply> Replies, BotUser? Registered)> HandleAsync(Incoming message, CancellationToken cancellationToken)
    {
        var count = long.TryParse(store.Meta.Get("unknown-messages"), out var n) ? n : 0;
        store.Meta.Set("unknown-messages", (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        IReadOnlyList<Reply> replies = [Reply.Of(NotRegistered(texts, message.LanguageCode))];
        return Task.FromResult<(IReadOnlyList<Reply>, BotUser?)>((replies, null));
    }

    /// <summary>What a person who is not registered reads.</summary>
    public static string NotRegistered(UserTexts texts, string? languageCode) => texts.Text(languageCode ?? UserTexts.Vietnamese, "engine.not_registered");
}
