using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>
/// How a person who recorded or changed something is named to people: their display name, unless it is empty or only a raw
/// identity ("local", "telegram:123", "5551234": what a channel gives when it knows no name); then their role and province
/// ("cán bộ khuyến công Phú Thọ"). Nobody (user 0: the command line, the demo data, an import) is "dòng lệnh / nhập dữ liệu".
/// </summary>
public static class PersonNames
{
    /// <summary>The name of the person with this id in the store (a person no longer there is named by role only: "một người dùng đã xóa").</summary>
    public static string Of(IBotStore store, long userId, UserTexts texts, bool english, CatalogueIndex? catalogue = null) =>
        userId == 0 ? Nobody(texts, english) : Of(store.Users.Get(userId), texts, english, catalogue);

    /// <summary>A person's readable name (see the class).</summary>
    public static string Of(BotUser? user, UserTexts texts, bool english, CatalogueIndex? catalogue = null)
    {
        if (user is null)
        {
            return texts.Text(english, "people.names.removed");
        }
        var name = user.DisplayName?.Trim() ?? "";
        if (!IsRawIdentity(name, user))
        {
            return name;
        }
        var role = user.Role switch
        {
            Role.Admin => texts.Text(english, "people.names.admin"),
            Role.Manager => texts.Text(english, "people.names.manager"),
            _ => texts.Text(english, "people.names.officer"),
        };
        var scope = user.ScopeKind switch
        {
            ScopeKind.Province when user.ScopeId is { } p => catalogue?.Province(p)?.ShortName,
            ScopeKind.Region when user.ScopeId is { } r => catalogue?.Region(r)?.Name,
            _ => null,
        };
        return scope is null ? role : $"{role} {scope}";
    }

    /// <summary>What was done by no person (user 0): the command line, the demo data, an import run on the server.</summary>
    public static string Nobody(UserTexts texts, bool english) => texts.Text(english, "people.names.nobody");

    /// <summary>Empty, one of the person's identities ("telegram:123") or its id part ("123", "local"), or shaped like one.</summary>
    public static bool IsRawIdentity(string name, BotUser? user = null)
    {
        if (name.Length == 0 || name.All(c => char.IsAsciiDigit(c) || c is '-' or '+'))
        {
            return true;
        }
        foreach (var identity in user?.Identities ?? [])
        {
            var colon = identity.IndexOf(':');
            if (string.Equals(name, identity, StringComparison.OrdinalIgnoreCase)
                || (colon >= 0 && string.Equals(name, identity[(colon + 1)..], StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        // "telegram:123", "zalo:abc", "terminal:local": a channel's identity key.
        var at = name.IndexOf(':');
        return at > 0 && !name.Contains(' ') && name[..at] is "telegram" or "zalo" or "terminal";
    }
}
