using KhuyenCongBot.Core.Funding;

namespace KhuyenCongBot.Core.Projects;

/// <summary>The steps of a project, in order: phê duyệt → đang thực hiện → nghiệm thu → quyết toán.</summary>
public enum ProjectStatus { Approved = 0, InProgress = 1, Accepted = 2, Settled = 3 }

/// <summary>The programme that funds a project: khuyến công quốc gia (KCQG) or địa phương (KCĐP).</summary>
public enum ProjectProgramme { National = 0, Local = 1 }

/// <summary>A national single-facility project ("điểm"), a group project ("nhóm": one course or one fair delegation for many facilities), or a local project.</summary>
public enum ProjectType { Single = 0, Group = 1, Local = 2 }

/// <summary>A đề án khuyến công: code, approving decision, programme, type, budget by source, facilities, and its lifecycle.</summary>
public sealed class Project
{
    public long Id { get; set; }

    /// <summary>The code as first written ("KC-2026-07", "KCĐP-2026-03").</summary>
    public string Code { get; set; } = "";

    /// <summary>The code folded for lookups and uniqueness (<see cref="ProjectCode.Normalize"/>): "KC-2026-07", "KCDP-2026-03".</summary>
    public string NormalizedCode { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Number of the approving decision ("123/QĐ-SCT").</summary>
    public string DecisionNumber { get; set; } = "";

    /// <summary>Date of the approving decision: the date of the step "phê duyệt".</summary>
    public DateOnly DecisionDate { get; set; }

    public ProjectProgramme Programme { get; set; }
    public ProjectType Type { get; set; }

    /// <summary>The province unit as recorded (a project approved before 1/7/2025 may name a former province).</summary>
    public string ProvinceId { get; set; } = "";

    /// <summary>The activity of the catalogue ("training", "machinery").</summary>
    public string ActivityId { get; set; } = "";

    public DateOnly? PlannedStart { get; set; }

    /// <summary>Planned end: after it, a project not yet accepted is late (chậm tiến độ).</summary>
    public DateOnly? PlannedEnd { get; set; }

    /// <summary>The approved budget by source: KCQG, KCĐP, counterpart (đối ứng), other.</summary>
    public FundingSplit Approved { get; set; }

    /// <summary>Khuyến công money disbursed so far (giải ngân), the latest of <see cref="Disbursements"/>.</summary>
    public long DisbursedVnd { get; set; }

    /// <summary>Every report of the amount disbursed so far, oldest first (the rate at a past date reads them).</summary>
    public List<Disbursement> Disbursements { get; set; } = [];

    /// <summary>The facilities supported (one for a single-facility project, many for a group).</summary>
    public List<long> FacilityIds { get; set; } = [];

    public ProjectStatus Status { get; set; }

    /// <summary>Date the project started (đang thực hiện).</summary>
    public DateOnly? StartedOn { get; set; }

    /// <summary>Date of acceptance (nghiệm thu).</summary>
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>Date of settlement (quyết toán).</summary>
    public DateOnly? SettledOn { get; set; }

    /// <summary>Every move of the status, with who made it and when (corrections included).</summary>
    public List<ProjectMove> History { get; set; } = [];

    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The date of a step: the decision date for "phê duyệt"; null when the step is not reached.</summary>
    public DateOnly? DateOf(ProjectStatus status) => status switch
    {
        ProjectStatus.Approved => DecisionDate,
        ProjectStatus.InProgress => StartedOn,
        ProjectStatus.Accepted => AcceptedOn,
        ProjectStatus.Settled => SettledOn,
        _ => null,
    };

    internal void SetDate(ProjectStatus status, DateOnly? date)
    {
        switch (status)
        {
            case ProjectStatus.InProgress:
                StartedOn = date;
                break;
            case ProjectStatus.Accepted:
                AcceptedOn = date;
                break;
            case ProjectStatus.Settled:
                SettledOn = date;
                break;
            case ProjectStatus.Approved when date is { } d:
                DecisionDate = d;
                break;
        }
    }

    /// <summary>The step reached on a date (by the step dates); null before the decision.</summary>
    public ProjectStatus? StatusOn(DateOnly date)
    {
        if (DecisionDate > date)
        {
            return null;
        }
        var status = ProjectStatus.Approved;
        for (var s = ProjectStatus.InProgress; s <= Status; s++)
        {
            if (DateOf(s) is { } d && d <= date)
            {
                status = s;
            }
        }
        return status;
    }

    /// <summary>The amount disbursed as reported on or before a date.</summary>
    /// <remarks>The latest report by its date, then by when it was entered (a loop: questions read it for thousands of projects).</remarks>
    public long DisbursedOn(DateOnly date)
    {
        Disbursement? latest = null;
        foreach (var d in Disbursements)
        {
            if (d.AsOf <= date && (latest is null || d.AsOf > latest.AsOf || (d.AsOf == latest.AsOf && d.At >= latest.At)))
            {
                latest = d;
            }
        }
        return latest?.AmountVnd ?? 0;
    }

    public Project Clone()
    {
        var copy = (Project)MemberwiseClone();
        copy.FacilityIds = [.. FacilityIds];
        copy.History = History.Select(h => h.Clone()).ToList();
        copy.Disbursements = Disbursements.Select(d => d.Clone()).ToList();
        return copy;
    }
}

/// <summary>One move of a project's status: from, to, the step's date, who and when; a correction is an admin's move backwards.</summary>
public sealed class ProjectMove
{
    /// <summary>Null for the creation of the project.</summary>
    public ProjectStatus? From { get; set; }
    public ProjectStatus To { get; set; }

    /// <summary>The date of the step reached (null for a correction, which clears later steps' dates).</summary>
    public DateOnly? Date { get; set; }

    public long UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public bool Correction { get; set; }

    /// <summary>Why (required for a correction).</summary>
    public string? Note { get; set; }

    public ProjectMove Clone() => (ProjectMove)MemberwiseClone();
}

/// <summary>The amount disbursed so far, as reported on a date.</summary>
public sealed class Disbursement
{
    public long AmountVnd { get; set; }
    public DateOnly AsOf { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset At { get; set; }

    public Disbursement Clone() => (Disbursement)MemberwiseClone();
}
