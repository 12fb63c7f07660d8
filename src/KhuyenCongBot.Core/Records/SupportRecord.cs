namespace KhuyenCongBot.Core.Records;

/// <summary>Whether a figure is an estimate (ước thực hiện) or the actual, official one (chính thức).</summary>
public enum RecordStatus { Actual = 0, Estimate = 1 }

/// <summary>One support given: a participation in a fair, a machine, a consulting project...</summary>
public sealed class SupportRecord
{
    public long Id { get; set; }
    public string ActivityId { get; set; } = "";
    public DateOnly Date { get; set; }

    /// <summary>The province unit as recorded (a former unit for records before 1/7/2025 is kept as is).</summary>
    public string ProvinceId { get; set; } = "";

    public long? FacilityId { get; set; }
    public string? FacilityName { get; set; }
    public string? Commune { get; set; }
    public int Booths { get; set; }
    public long RevenueVnd { get; set; }
    public long FundingVnd { get; set; }

    /// <summary>"KCQG" (national) or "KCDP" (provincial), when funded.</summary>
    public string? FundingSource { get; set; }

    public RecordStatus Status { get; set; }
    public string? Note { get; set; }

    /// <summary>Other answers of the form (fair name, product level, trainees...), by field id.</summary>
    public Dictionary<string, string> Extra { get; set; } = [];

    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>"form", "import", "demo".</summary>
    public string Source { get; set; } = "form";

    public SupportRecord Clone()
    {
        var copy = (SupportRecord)MemberwiseClone();
        copy.Extra = new Dictionary<string, string>(Extra);
        return copy;
    }
}
