using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Beneficiaries;

/// <summary>A level of the rural industrial product selection, and the dates it existed (cấp huyện until 30/6/2025).</summary>
public sealed class AwardLevel : CatalogueTerm
{
    /// <summary>First day the level exists; null = always.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day the level exists; null = still.</summary>
    public DateOnly? Until { get; set; }
}

/// <summary>The levels of seeds/catalogue/awards.json, read and checked at start, and the check of a level against the award date.</summary>
public sealed class AwardLevels
{
    public const string FileName = "awards.json";

    private readonly TermMatcher<AwardLevel> _matcher;

    public AwardLevels(IEnumerable<AwardLevel> levels)
    {
        Levels = levels.OrderBy(l => l.Order).ToList();
        _matcher = new TermMatcher<AwardLevel>(Levels);
    }

    public IReadOnlyList<AwardLevel> Levels { get; }

    public AwardLevel? Level(string? id) => Levels.FirstOrDefault(l => l.Id == id);

    /// <summary>The level named by a typed answer ("cấp tỉnh", "quoc gia", "khu vực"); null when none or several.</summary>
    public AwardLevel? Find(string? text)
    {
        if (_matcher.Exact(text) is { } exact)
        {
            return exact;
        }
        var found = _matcher.FindAll(text);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>The levels that existed on a date (to offer as choices).</summary>
    public IReadOnlyList<AwardLevel> On(DateOnly date) => Levels.Where(l => Exists(l, date)).ToList();

    /// <summary>Null when the level existed on the award date; otherwise why not, in Vietnamese and English.</summary>
    public (string Vi, string En)? Check(UserTexts texts, string levelId, DateOnly awardDate)
    {
        static (string Vi, string En) Both(Func<bool, string> text) => (text(false), text(true));
        static string NameOf(AwardLevel l, bool english) => english && l.NameEn.Length > 0 ? l.NameEn : l.Name;
        string Names(IEnumerable<AwardLevel> levels, bool english) => string.Join(", ", levels.Select(l => english ? NameOf(l, true) : l.Name.ToLowerInvariant()));
        var level = Level(levelId);
        if (level is null)
        {
            return Both(e => texts.Text(e, "award.unknown_level", ("level", levelId), ("names", Names(Levels, e))));
        }
        if (level.Until is { } until && awardDate > until)
        {
            return Both(e => texts.Text(e, "award.level_until", ("name", NameOf(level, e)), ("until", until), ("date", awardDate), ("others", Names(On(awardDate), e))));
        }
        if (level.From is { } from && awardDate < from)
        {
            return Both(e => texts.Text(e, "award.level_from", ("name", NameOf(level, e)), ("from", from)));
        }
        return null;
    }

    private static bool Exists(AwardLevel l, DateOnly date) => (l.From is null || date >= l.From) && (l.Until is null || date <= l.Until);

    /// <summary>Reads and checks seeds/catalogue/awards.json; throws <see cref="SeedException"/> naming the file.</summary>
    public static AwardLevels Load(string seedsPath)
    {
        var path = Path.Combine(seedsPath, "catalogue", FileName);
        var levels = SeedFiles.Read<AwardsFile>(path).Levels ?? [];
        // The ids the product selection form stores (seeds/forms/product_award.json, field "level").
        BeneficiaryCatalogue.CheckTerms(path, "levels", levels, ["tinh", "khu_vuc", "quoc_gia"]);
        var wrong = levels.FirstOrDefault(l => l.From is { } f && l.Until is { } u && f > u);
        if (wrong is not null)
        {
            throw new SeedException(path, $"levels: \"{wrong.Id}\" có from sau until");
        }
        return new AwardLevels(levels);
    }

    private sealed class AwardsFile
    {
        public List<AwardLevel>? Levels { get; set; }
    }
}
