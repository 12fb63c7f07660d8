namespace KhuyenCongBot.Core.Records;

/// <summary>A rural industrial facility (cơ sở CNNT); keeps its identity across the 2025 merger.</summary>
public sealed class Facility
{
    public long Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Name folded for matching (no diacritics, lower case).</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>The distinct words of the folded name ("lang", "gom", "bat", "trang"); the store indexes them per province for search.</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>The current province unit it belongs to.</summary>
    public string ProvinceId { get; set; } = "";

    public string? Commune { get; set; }
    public string? CraftVillage { get; set; }
    public string? Phone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A year's target for one province and metric ("trade_fair.booths").</summary>
public sealed class Plan
{
    /// <summary>"year|province|metric".</summary>
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public string ProvinceId { get; set; } = "";
    public string Metric { get; set; } = "";
    public decimal Target { get; set; }

    public static string MakeId(int year, string provinceId, string metric) => $"{year}|{provinceId}|{metric}";
}
