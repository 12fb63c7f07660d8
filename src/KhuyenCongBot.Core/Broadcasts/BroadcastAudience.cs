using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Turns a broadcast's audience into people and the one chat each is reached on.</summary>
public static class BroadcastAudience
{
    /// <summary>Channels tried in this order when a person has chats on several.</summary>
    private static readonly string[] Preference = ["telegram", "zalo"];

    /// <summary>Active people in the audience (whether or not they can be reached).</summary>
    public static IReadOnlyList<BotUser> Members(Broadcast broadcast, IEnumerable<BotUser> users)
    {
        var provinces = broadcast.AudienceProvinces.ToHashSet(StringComparer.Ordinal);
        var ids = broadcast.AudienceUserIds.ToHashSet();
        return users.Where(u => u.Active).Where(u => broadcast.Audience switch
        {
            // A role, in some provinces when provinces are named too ("cán bộ khuyến công của Phú Thọ, Hà Nội").
            AudienceKind.Role => u.Role == broadcast.AudienceRole
                && (provinces.Count == 0 || (u.ScopeKind == ScopeKind.Province && u.ScopeId is not null && provinces.Contains(u.ScopeId))),
            AudienceKind.Provinces => u.ScopeKind == ScopeKind.Province && u.ScopeId is not null && provinces.Contains(u.ScopeId),
            AudienceKind.Users => ids.Contains(u.Id),
            _ => true,
        }).OrderBy(u => u.Id).ToList();
    }

    /// <summary>The chat a person is reached on among <paramref name="channels"/>, or null when none.</summary>
    public static (string Channel, string ChatId)? ChatOf(BotUser user, IReadOnlyCollection<string> channels)
    {
        foreach (var channel in Preference.Concat(user.Chats.Keys.Order(StringComparer.Ordinal)))
        {
            if (channels.Contains(channel) && user.Chats.TryGetValue(channel, out var chat) && !string.IsNullOrEmpty(chat))
            {
                return (channel, chat);
            }
        }
        return null;
    }

    /// <summary>One pending recipient per reachable member.</summary>
    public static List<BroadcastRecipient> Recipients(Broadcast broadcast, IEnumerable<BotUser> users, IReadOnlyCollection<string> channels) =>
        Members(broadcast, users)
            .Select(u => (User: u, Chat: ChatOf(u, channels)))
            .Where(x => x.Chat is not null)
            .Select(x => new BroadcastRecipient
            {
                BroadcastId = broadcast.Id, UserId = x.User.Id, DisplayName = x.User.DisplayName,
                Channel = x.Chat!.Value.Channel, ChatId = x.Chat.Value.ChatId, State = DeliveryState.Pending,
            })
            .ToList();

    /// <summary>Who receives a broadcast, in words ("cán bộ khuyến công của Phú Thọ", "tất cả mọi người").</summary>
    public static string Describe(Broadcast b, UserTexts texts, string language, CatalogueIndex catalogue) => b.Audience switch
    {
        AudienceKind.Role when b.AudienceProvinces.Count > 0 => texts.Text(language, "broadcast.audience_role_of",
            ("role", Texts.RoleName(texts, language, b.AudienceRole ?? Role.Officer)),
            ("provinces", string.Join(", ", b.AudienceProvinces.Select(p => catalogue.Province(p)?.ShortName ?? p)))),
        AudienceKind.Role => Texts.RoleName(texts, language, b.AudienceRole ?? Role.Officer),
        AudienceKind.Provinces => string.Join(", ", b.AudienceProvinces.Select(p => catalogue.Province(p)?.ShortName ?? p)),
        AudienceKind.Users => texts.Text(language, "broadcast.audience_chosen"),
        _ => texts.Text(language, "broadcast.audience_everyone"),
    };
}
