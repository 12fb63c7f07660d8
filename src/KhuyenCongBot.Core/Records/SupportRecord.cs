using KhuyenCongBot.Core.Funding;

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
    /// <summary>Khuyến công support (KCQG + KCĐP when <see cref="Split"/> is set; the counterpart and other sources are not in it).</summary>
    public long FundingVnd { get; set; }

    /// <summary>"KCQG" (national) or "KCDP" (provincial) when one of them funded it alone; null when none or both (see <see cref="Split"/>).</summary>
    public string? FundingSource { get; set; }

    /// <summary>The money by source (KCQG, KCĐP, counterpart, other); null for a record written before the split, read through <see cref="RecordFunding"/>.</summary>
    public FundingSplit? Split { get; set; }

    public RecordStatus Status { get; set; }
    public string? Note { get; set; }

    /// <summary>Other answers of the form (fair name, product level, trainees...), by field id.</summary>
    public Dictionary<string, string> Extra { get; set; } = [];

    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>"form", "import", "demo".</summary>
    public string Source { get; set; } = "form";

    /// <summary>The import batch that added it (null for records logged through a form).</summary>
    public long? ImportBatchId { get; set; }

    /// <summary>The code of the đề án it is part of, as the project writes it ("KC-2026-07"); null when it belongs to none.</summary>
    public string? ProjectCode { get; set; }

    public SupportRecord Clone()
    {
        var copy = (SupportRecord)MemberwiseClone();
        copy.Extra = new Dictionary<string, string>(Extra);
        return copy;
    }
}

/// <summary>One import of a file (records or plans): what came in, what was skipped, and how to undo it.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }

    /// <summary>"records" or "plans".</summary>
    public string Kind { get; set; } = "records";

    public string FileName { get; set; } = "";

    /// <summary>SHA-256 of the file's text (line ends and a byte-order mark aside), to recognise the same file.</summary>
    public string FileHash { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public long UserId { get; set; }

    /// <summary>Who imported it, for the list ("terminal:local", "telegram:123", "import (dòng lệnh)").</summary>
    public string By { get; set; } = "";

    /// <summary>Data rows read from the file.</summary>
    public int Rows { get; set; }

    /// <summary>Records or plan rows added (or changed, for plans).</summary>
    public int Added { get; set; }

    /// <summary>Rows skipped because the same record was already there (or came earlier in the file).</summary>
    public int Duplicates { get; set; }

    /// <summary>The records it added: ids from <see cref="FirstRecordId"/> to <see cref="LastRecordId"/> carrying this batch's id.</summary>
    public long FirstRecordId { get; set; }

    public long LastRecordId { get; set; }

    /// <summary>The projects it added (from the projects file of an export), removed again by its undo.</summary>
    public List<long> ProjectIds { get; set; } = [];

    /// <summary>Plan targets as they were before the import (null = there was none), to put back on undo.</summary>
    public List<PlanChange> Plans { get; set; } = [];

    /// <summary>Remarks shown after the import (former provinces mapped to current ones).</summary>
    public List<string> Notes { get; set; } = [];

    public DateTimeOffset? UndoneAt { get; set; }

    public long? UndoneByUserId { get; set; }
}

/// <summary>A plan target an import set, and what it was before.</summary>
public sealed class PlanChange
{
    public string PlanId { get; set; } = "";
    public decimal? Before { get; set; }
    public decimal After { get; set; }
}
