using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>Who may log, edit and see what: one place for the rules every module follows.</summary>
/// <remarks>
/// Officers log and edit records of their own province only and see its figures; managers see the figures
/// of their scope (a province, a region or all) and edit nothing; admins do everything. Province ids may be
/// current or former units: a former unit counts as the current unit it was merged into.
/// </remarks>
public sealed class AccessPolicy(CatalogueIndex catalogue, IBotStore store, GroupRoster roster, UserTexts texts)
{
    /// <summary>Whether <paramref name="user"/> may log a record for <paramref name="provinceId"/> (current or former id).</summary>
    public bool CanLog(BotUser user, string provinceId)
    {
        if (!user.Active)
        {
            return false;
        }
        if (user.Role == Role.Admin)
        {
            return true;
        }
        return user.Role == Role.Officer && user.ScopeKind == ScopeKind.Province
            && user.ScopeId is not null && CurrentIdOf(provinceId) == user.ScopeId;
    }

    /// <summary>Whether <paramref name="user"/> may change or delete <paramref name="record"/> (the edit window is the forms' rule).</summary>
    public bool CanEdit(BotUser user, SupportRecord record) => CanLog(user, record.ProvinceId);

    /// <summary>Whether <paramref name="user"/> may see figures of <paramref name="provinceId"/> (current or former id).</summary>
    public bool CanSeeProvince(BotUser user, string provinceId)
    {
        if (!user.Active)
        {
            return false;
        }
        var visible = VisibleProvinces(user);
        return visible is null || visible.Contains(CurrentIdOf(provinceId));
    }

    /// <summary>Whether <paramref name="user"/> may see figures of the whole country (or every unit of a region when a region id is given).</summary>
    public bool CanSeeAll(BotUser user, string? regionId = null)
    {
        var visible = VisibleProvinces(user);
        if (visible is null)
        {
            return user.Active;
        }
        if (regionId is null || catalogue.Region(regionId) is not { } region)
        {
            return false;
        }
        return region.Members.All(visible.Contains);
    }

    /// <summary>Current unit ids whose figures the person may see; null means all of them.</summary>
    public IReadOnlySet<string>? VisibleProvinces(BotUser user)
    {
        if (!user.Active)
        {
            return new HashSet<string>();
        }
        if (user.Role == Role.Admin || user.ScopeKind == ScopeKind.All)
        {
            return null;
        }
        if (user.ScopeKind == ScopeKind.Region)
        {
            return catalogue.Region(user.ScopeId ?? "")?.Members.ToHashSet(StringComparer.Ordinal) ?? [];
        }
        return user.ScopeId is null ? new HashSet<string>() : new HashSet<string>(StringComparer.Ordinal) { CurrentIdOf(user.ScopeId) };
    }

    /// <summary>Like <see cref="VisibleProvinces"/>, with the former units merged into each visible unit (to filter records as stored).</summary>
    public IReadOnlySet<string>? VisibleUnits(BotUser user) =>
        VisibleProvinces(user) is { } current ? current.SelectMany(catalogue.UnitsOf).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>
    /// Current units whose figures may be shown in the chat (null = all). In a private chat: the person's own. In a group:
    /// what every member may see; nothing when anyone the bot has seen there is not an active registered person, or when the
    /// group may hold members the bot cannot know (its member count is unknown, larger than the members it knows, or a known
    /// member's presence cannot be confirmed).
    /// </summary>
    public IReadOnlySet<string>? VisibleInChat(BotContext context)
    {
        if (!context.Message.IsGroupChat)
        {
            return VisibleProvinces(context.User);
        }
        var message = context.Message;
        var members = new HashSet<string>(roster.Members(message.Channel, message.ChatId), StringComparer.Ordinal) { message.UserId };
        var facts = context.GroupFacts;
        if (facts?.MemberCount is not { } count)
        {
            return Nothing;
        }
        members.ExceptWith(facts.Gone);
        members.Add(message.UserId);
        var unconfirmed = members.Where(id => id != message.UserId && !facts.Present.Contains(id)).Any();
        // The platform's count includes the bot itself.
        if (unconfirmed || count - 1 != members.Count)
        {
            return Nothing;
        }
        HashSet<string>? common = null;
        foreach (var id in members)
        {
            if (store.Users.FindByIdentity($"{message.Channel}:{id}") is not { Active: true } member)
            {
                return Nothing;
            }
            var visible = VisibleProvinces(member);
            if (visible is null)
            {
                continue;
            }
            common = common is null ? new HashSet<string>(visible, StringComparer.Ordinal) : [.. common.Intersect(visible)];
        }
        return common;
    }

    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    /// <summary>Null when the figures of <paramref name="provinceIds"/> (null = the whole country) may be shown in this chat; otherwise why not, in the person's language.</summary>
    public string? RefusalInChat(BotContext context, IEnumerable<string>? provinceIds)
    {
        var visible = VisibleInChat(context);
        if (visible is null)
        {
            return null;
        }
        var wanted = provinceIds?.Select(CurrentIdOf).Distinct().ToList();
        var hidden = wanted is null ? null : wanted.Where(id => !visible.Contains(id)).ToList();
        if (hidden is { Count: 0 })
        {
            return null;
        }
        if (context.Message.IsGroupChat && visible.Count == 0)
        {
            return GroupRefusal(context);
        }
        var names = hidden is null
            ? context.Text("people.whole_country")
            : string.Join(", ", hidden.Select(id => catalogue.Province(id)?.ShortName ?? id));
        if (context.Message.IsGroupChat)
        {
            return context.Text("people.group_hides_provinces", ("names", names));
        }
        return context.Text("people.not_allowed_figures", ("names", names), ("scope", ScopeName(context.User, context.Language)));
    }

    /// <summary>The one line a group gets when it may see no figures at all (who is in it is not known for sure).</summary>
    public static string GroupRefusal(BotContext context) => context.Text("people.group_no_figures");

    /// <summary>"Phú Thọ", "Khu vực phía Bắc", "cả nước".</summary>
    public string ScopeName(BotUser user, string language) => ScopeName(user.ScopeKind, user.ScopeId, language);

    /// <summary>Names a scope for people.</summary>
    public string ScopeName(ScopeKind kind, string? scopeId, string language) => kind switch
    {
        ScopeKind.All => texts.Text(language, "people.scope_all"),
        ScopeKind.Region => catalogue.Region(scopeId ?? "")?.Name ?? scopeId ?? "?",
        _ => catalogue.Province(scopeId ?? "")?.ShortName ?? scopeId ?? "?",
    };

    private string CurrentIdOf(string provinceId) => catalogue.CurrentOf(provinceId)?.Id ?? provinceId;
}
