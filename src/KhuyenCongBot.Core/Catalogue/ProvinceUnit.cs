namespace KhuyenCongBot.Core.Catalogue;

/// <summary>A province-level unit: one of the 34 current units (from 1/7/2025) or a former one merged into a current unit.</summary>
public sealed class ProvinceUnit
{
    /// <summary>Slug of the short name ("phu-tho", "vinh-phuc"). A former unit with the current unit's name shares its id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Current code (two digits) for current units; null for former units.</summary>
    public string? Code { get; set; }

    /// <summary>Official name ("Thành phố Hà Nội", "Phú Thọ").</summary>
    public string Name { get; set; } = "";

    /// <summary>Name used in sentences ("Hà Nội").</summary>
    public string ShortName { get; set; } = "";

    public bool IsCurrent { get; set; }

    /// <summary>For a former unit, the id of the current unit it was merged into; for a current unit, its own id.</summary>
    public string CurrentId { get; set; } = "";

    /// <summary>
    /// Whether a year plan of this unit counts in <paramref name="year"/>'s figures: a former unit's plan only up to 2025, the year it
    /// was merged (a plan set for it later would be added silently to its current unit's and the country's plans).
    /// </summary>
    public bool PlansCountIn(int year) => IsCurrent || year <= LastYearOfFormerUnits;

    /// <summary>The day the 2025 merger took effect: records from then on are entered under the current units.</summary>
    public static readonly DateOnly MergedOn = new(2025, 7, 1);

    /// <summary>The year of the 2025 merger: the last year a former unit can carry a plan.</summary>
    public const int LastYearOfFormerUnits = 2025;

    /// <summary>Extra spellings and abbreviations ("hn", "tp hcm").</summary>
    public List<string> Aliases { get; set; } = [];
}

/// <summary>A region (e.g. the Northern region of the yearly conference), as a list of current units.</summary>
public sealed class Region
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public List<string> Members { get; set; } = [];
}
