using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Turns a scope ("all", "r:bac", "p:phu-tho", "f:bac-giang", "m:phu-tho,bac-ninh") into recorded unit ids and labels, and checks who may see it.</summary>
public sealed class ScopeResolver(CatalogueIndex catalogue, UserTexts texts)
{
    /// <summary>The scope a person gets when the question names none: their province, their region, or everything.</summary>
    public string DefaultScope(BotUser user) => user.ScopeKind switch
    {
        ScopeKind.Province when user.ScopeId is not null => "p:" + (catalogue.CurrentOf(user.ScopeId)?.Id ?? user.ScopeId),
        ScopeKind.Region when user.ScopeId is not null => "r:" + user.ScopeId,
        _ => "all",
    };

    /// <summary>Recorded unit ids in a scope; null for everything.</summary>
    public IReadOnlySet<string>? UnitIds(string scope)
    {
        var (kind, id) = Split(scope);
        return kind switch
        {
            "p" => catalogue.UnitsOf(id).ToHashSet(),
            "f" => new HashSet<string> { id },
            "r" => (catalogue.Region(id)?.Members ?? []).SelectMany(catalogue.UnitsOf).ToHashSet(),
            "m" => Members(scope).SelectMany(m => UnitIds(m)!).ToHashSet(),
            _ => null,
        };
    }

    /// <summary>The scope of several units: "m:phu-tho,bac-ninh" (ids of current or former units, in the order asked).</summary>
    public static string Many(IEnumerable<string> unitIds) => "m:" + string.Join(",", unitIds.Distinct());

    /// <summary>The single-unit scopes of a scope: "m:phu-tho,bac-giang" -> "p:phu-tho", "f:bac-giang"; any other scope -> itself.</summary>
    public IReadOnlyList<string> Members(string scope)
    {
        var (kind, id) = Split(scope);
        if (kind != "m")
        {
            return [scope];
        }
        return id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => (catalogue.Province(u)?.IsCurrent ?? true ? "p:" : "f:") + u)
            .ToList();
    }

    /// <summary>"f:phu-tho": the former province whose name and id the merged one kept ("Phú Thọ cũ"); its id's records after the merger are the merged province's.</summary>
    public bool IsFormerSameName(string scope) => Split(scope) is ("f", var id) && catalogue.Province(id) is { IsCurrent: true };

    /// <summary>Whether a scope covers more than one current unit (so a breakdown by province makes sense).</summary>
    public bool IsMultiProvince(string scope) => Split(scope).Kind is "all" or "r" or "m";

    /// <summary>Whether a scope names several provinces ("Phú Thọ và Bắc Ninh").</summary>
    public static bool IsMany(string scope) => Split(scope).Kind == "m";

    /// <summary>"Khu vực phía Bắc (18 tỉnh, thành)", "Phú Thọ (gồm số liệu ghi dưới tên Vĩnh Phúc, Hòa Bình cũ)", "Bắc Giang (tỉnh cũ, trước 1/7/2025)".</summary>
    public string Label(string scope, bool english = false)
    {
        var (kind, id) = Split(scope);
        switch (kind)
        {
            case "p":
                var unit = catalogue.Province(id);
                var name = unit?.ShortName ?? id;
                var former = catalogue.FormerUnitsOf(id).Select(f => f.ShortName).ToList();
                return former.Count == 0 ? name : texts.Text(english, "figures.scope.with_former", ("name", name), ("former", string.Join(", ", former)));
            case "f" when IsFormerSameName(scope):
                var kept = catalogue.Province(id)!.ShortName;
                return texts.Text(english, "figures.findings.scope_former_same_name", ("name", kept), ("date", VnFormat.Date(ProvinceUnit.MergedOn)),
                    ("others", string.Join(", ", catalogue.FormerUnitsOf(id).Select(f => f.ShortName))));
            case "f":
                var old = catalogue.Province(id);
                var current = old is null ? null : catalogue.CurrentOf(old.Id);
                return texts.Text(english, "figures.scope.former", ("name", old?.Name ?? id), ("current", current?.ShortName));
            case "m":
                var members = Members(scope);
                return texts.Text(english, "figures.scope.many", ("name", ShortName(scope, english)), ("count", members.Count),
                    ("members", string.Join("; ", members.Select(m => Label(m, english)))));
            case "r":
                var region = catalogue.Region(id);
                return texts.Text(english, "figures.scope.region", ("name", region?.Name ?? id), ("count", region?.Members.Count ?? 0));
            default:
                return texts.Text(english, "figures.scope.all_label");
        }
    }

    /// <summary>A short name for sentences: "Phú Thọ", "Phú Thọ và Bắc Ninh", "khu vực phía Bắc", "cả nước" ("all provinces" in English).</summary>
    public string ShortName(string scope, bool english = false)
    {
        var (kind, id) = Split(scope);
        return kind switch
        {
            "f" when IsFormerSameName(scope) => texts.Text(english, "figures.findings.former_short", ("name", catalogue.Province(id)!.ShortName)),
            "p" or "f" => catalogue.Province(id)?.ShortName ?? id,
            "m" => JoinNames(Members(scope).Select(m => ShortName(m, english)).ToList(), english),
            "r" => english ? catalogue.Region(id)?.Name ?? id : LowerFirst(catalogue.Region(id)?.Name ?? id),
            _ => texts.Text(english, "figures.scope.all_short"),
        };
    }

    private string JoinNames(IReadOnlyList<string> names, bool english) => names.Count <= 1
        ? string.Join("", names)
        : string.Join(", ", names.Take(names.Count - 1)) + texts.Text(english, "figures.scope.and") + names[^1];

    /// <summary>Null when <paramref name="user"/> may see <paramref name="scope"/>; otherwise the polite reason.</summary>
    public string? Refusal(BotUser user, string scope, bool english)
    {
        var allowed = UnitIds(DefaultScope(user));
        if (allowed is null)
        {
            return null;
        }
        var wanted = UnitIds(scope);
        if (wanted is not null && wanted.All(allowed.Contains))
        {
            return null;
        }
        var own = Label(DefaultScope(user), english);
        var role = Conversations.Texts.RoleName(texts, english ? "en" : UserTexts.Vietnamese, user.Role);
        // Several provinces: name only those outside the account's scope.
        var asked = IsMany(scope)
            ? JoinNames(Members(scope).Where(m => !UnitIds(m)!.All(allowed.Contains)).Select(m => ShortName(m, english)).ToList(), english)
            : ShortName(scope, english);
        return texts.Text(english, "figures.scope.refusal", ("role", role), ("own", own), ("asked", asked));
    }

    public static (string Kind, string Id) Split(string scope)
    {
        var colon = scope.IndexOf(':');
        return colon < 0 ? (scope, "") : (scope[..colon], scope[(colon + 1)..]);
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
