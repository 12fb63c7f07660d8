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

    /// <summary>The official code of the commune (seeds/catalogue/communes.json) when <see cref="Commune"/> was matched to the 2025 list; null otherwise.</summary>
    public string? CommuneCode { get; set; }

    /// <summary>True when the officer confirmed that <see cref="Commune"/>, as typed, is not in the official list (an old or unlisted address).</summary>
    /// <remarks>Facilities saved before the list existed have neither a code nor this flag: their commune was never checked.</remarks>
    public bool CommuneNotInList { get; set; }

    /// <summary>Legal form (seeds/catalogue/beneficiaries.json: sme, cooperative, cooperative_group, household_business, craft_village); null when not recorded.</summary>
    public string? LegalForm { get; set; }

    /// <summary>Tax or registration number as checked by TaxIds ("0100109106", "0100109106-001"); null when not recorded.</summary>
    public string? TaxId { get; set; }

    /// <summary>Decree 235 priority groups the facility belongs to (women_owned, ethnic_minority_owned); null when not recorded, empty when none.</summary>
    public List<string>? PriorityGroups { get; set; }
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
