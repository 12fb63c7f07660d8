using System.Text.Json;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Projects;

/// <summary>What became of a request about a project.</summary>
public enum ProjectOutcome
{
    Done,
    NotFound,
    NotAllowed,
    Invalid,
    DuplicateCode,
    AlreadyThere,
    SkipsAStep,
    Backwards,
    DateBeforePreviousStep,
    DateInFuture,

    /// <summary>Nothing saved: a warning (amounts) the officer must confirm first; call again with confirmed = true.</summary>
    NeedsConfirmation,
}

/// <summary>The result: the project as saved (Done), or why nothing was saved, in Vietnamese and English.</summary>
public sealed record ProjectResult(ProjectOutcome Outcome, Project? Project, string Vi, string En, IReadOnlyList<FundingWarning> Warnings)
{
    public bool Ok => Outcome == ProjectOutcome.Done;

    public string Text(bool english) => english ? En : Vi;
}

/// <summary>
/// Registers projects and moves them along phê duyệt → đang thực hiện → nghiệm thu → quyết toán, one step at a time, each with
/// its date and who moved it, audited. Only an admin moves a project back (a correction, with a reason). Dates are never
/// before the previous step's, nor after today (the bot's clock). Officers act on their own province's projects only.
/// </summary>
/// <remarks>
/// Each request reads, checks and writes inside one store transaction, so two officers moving the same project at the same
/// moment are served one after the other, the second seeing the first's move.
/// </remarks>
public sealed class ProjectLifecycle(IBotStore store, BotClock clock, CatalogueIndex catalogue, AccessPolicy access, ProjectVocabulary vocabulary)
{
    public const int MaxNameLength = 300;

    /// <summary>Earliest decision date accepted (older projects are not kept by the bot).</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>Registers an approved project. <paramref name="confirmed"/>: the officer confirmed the amount warnings.</summary>
    public ProjectResult Register(BotUser user, Project draft, bool confirmed = false)
    {
        var problems = new ProjectDraftRules(store, clock, catalogue).Problems(draft);
        if (problems.Count > 0)
        {
            return Fail(ProjectOutcome.Invalid, string.Join(" ", problems.Select(p => p.Vi)), string.Join(" ", problems.Select(p => p.En)));
        }
        if (!access.CanLog(user, draft.ProvinceId))
        {
            return Fail(ProjectOutcome.NotAllowed,
                $"Bạn không ghi được đề án của {ProvinceName(draft.ProvinceId)}: cán bộ chỉ ghi đề án của tỉnh mình.",
                $"You may not register projects of {ProvinceName(draft.ProvinceId)}.");
        }
        var warnings = FundingRules.Check(draft.Approved, draft.DisbursedVnd);
        if (warnings.Count > 0 && !confirmed)
        {
            return new ProjectResult(ProjectOutcome.NeedsConfirmation, null, string.Join(" ", warnings.Select(w => w.Vi)), string.Join(" ", warnings.Select(w => w.En)), warnings);
        }
        var now = clock.Now;
        var project = draft.Clone();
        project.Id = 0;
        project.Code = draft.Code.Trim();
        project.NormalizedCode = ProjectCode.Normalize(draft.Code);
        project.Name = draft.Name.Trim();
        project.DecisionNumber = draft.DecisionNumber.Trim();
        project.Status = ProjectStatus.Approved;
        project.StartedOn = project.AcceptedOn = project.SettledOn = null;
        project.FacilityIds = draft.FacilityIds.Distinct().ToList();
        project.History = [new ProjectMove { From = null, To = ProjectStatus.Approved, Date = draft.DecisionDate, UserId = user.Id, At = now }];
        project.Disbursements = draft.DisbursedVnd > 0 ? [new Disbursement { AmountVnd = draft.DisbursedVnd, AsOf = clock.Today, UserId = user.Id, At = now }] : [];
        project.CreatedByUserId = user.Id;
        project.CreatedAt = now;
        project.UpdatedAt = null;
        try
        {
            store.InTransaction(() =>
            {
                if (store.Projects.FindByCode(project.NormalizedCode) is not null)
                {
                    throw new DuplicateProjectCodeException(project.Code);
                }
                store.Projects.Add(project);
                Audit(user, "create", project, null, Summary(project));
                return 0;
            });
        }
        catch (DuplicateProjectCodeException)
        {
            return Fail(ProjectOutcome.DuplicateCode,
                $"Mã đề án {project.Code} đã có. Kiểm tra lại mã (mỗi đề án một mã).",
                $"Project code {project.Code} is already used.");
        }
        return Done(project, $"Đã ghi đề án {project.Code}: {project.Name} ({vocabulary.Name(ProjectStatus.Approved).ToLowerInvariant()} ngày {VnFormat.Date(project.DecisionDate)}).",
            $"Registered project {project.Code}: {project.Name}.", warnings);
    }

    /// <summary>Moves a project to the next step on a date. Not <paramref name="confirmed"/>: every check runs and nothing is saved; a move
    /// that would be recorded comes back as <see cref="ProjectOutcome.NeedsConfirmation"/> saying what (project, from → to, date, who).</summary>
    public ProjectResult Move(BotUser user, string code, ProjectStatus target, DateOnly date, bool confirmed = true) =>
        InTransaction(code, user, project =>
        {
            var current = project.Status;
            var name = vocabulary.Name(target).ToLowerInvariant();
            if (target == current)
            {
                var on = project.DateOf(current) is { } d ? $" từ ngày {VnFormat.Date(d)}" : "";
                return Fail(ProjectOutcome.AlreadyThere, $"Đề án {project.Code} đã ở bước {name}{on}; không thay đổi gì.",
                    $"Project {project.Code} is already {vocabulary.Name(target, true).ToLowerInvariant()}; nothing changed.", project);
            }
            if (target < current)
            {
                return Fail(ProjectOutcome.Backwards,
                    $"Đề án {project.Code} đang ở bước {vocabulary.Name(current).ToLowerInvariant()}; không chuyển lùi về {name} được. Nếu đã ghi nhầm, nhờ quản trị viên sửa (có ghi lý do).",
                    $"Project {project.Code} is {vocabulary.Name(current, true).ToLowerInvariant()}; it cannot go back to {vocabulary.Name(target, true).ToLowerInvariant()}. If it was recorded by mistake, an admin can correct it.",
                    project);
            }
            if (target > current + 1)
            {
                var next = current + 1;
                return Fail(ProjectOutcome.SkipsAStep,
                    $"Đề án {project.Code} đang ở bước {vocabulary.Name(current).ToLowerInvariant()}; cần ghi bước {vocabulary.Name(next).ToLowerInvariant()} (với ngày) trước khi {name}.",
                    $"Project {project.Code} is {vocabulary.Name(current, true).ToLowerInvariant()}; record {vocabulary.Name(next, true).ToLowerInvariant()} (with its date) first.",
                    project);
            }
            var today = clock.Today;
            if (date > today)
            {
                return Fail(ProjectOutcome.DateInFuture,
                    $"Ngày {VnFormat.Date(date)} chưa tới (hôm nay {VnFormat.Date(today)}). Ghi bước {name} khi đã diễn ra, hoặc gõ ngày có năm (ví dụ 15/11/{today.Year}).",
                    $"{VnFormat.Date(date)} is in the future (today is {VnFormat.Date(today)}).", project);
            }
            var previous = project.DateOf(current)!.Value;
            if (date < previous)
            {
                return Fail(ProjectOutcome.DateBeforePreviousStep,
                    $"Ngày {name} {VnFormat.Date(date)} trước ngày {vocabulary.Name(current).ToLowerInvariant()} {VnFormat.Date(previous)}; kiểm tra lại ngày.",
                    $"{VnFormat.Date(date)} is before the {vocabulary.Name(current, true).ToLowerInvariant()} date {VnFormat.Date(previous)}.", project);
            }
            if (!confirmed)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project,
                    $"Sẽ ghi: đề án {project.Code} – {project.Name}: {vocabulary.Name(current).ToLowerInvariant()} → {name}, ngày {VnFormat.Date(date)}, người ghi: {PersonNames.Of(user, false, catalogue)}. Ghi như vậy?",
                    $"To record: project {project.Code} – {project.Name}: {vocabulary.Name(current, true).ToLowerInvariant()} → {vocabulary.Name(target, true).ToLowerInvariant()} on {VnFormat.Date(date)}, by {PersonNames.Of(user, true, catalogue)}. Record it?", []);
            }
            var before = Summary(project);
            project.SetDate(target, date);
            project.Status = target;
            project.History.Add(new ProjectMove { From = current, To = target, Date = date, UserId = user.Id, At = clock.Now });
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(user, "move", project, before, Summary(project));
            var late = target == ProjectStatus.Accepted && project.PlannedEnd is { } end && date > end
                ? $" (chậm {date.DayNumber - end.DayNumber} ngày so với kế hoạch {VnFormat.Date(end)})" : "";
            return Done(project, $"Đã ghi: đề án {project.Code} {name} ngày {VnFormat.Date(date)}{late}.",
                $"Recorded: project {project.Code} {vocabulary.Name(target, true).ToLowerInvariant()} on {VnFormat.Date(date)}.");
        });

    /// <summary>Corrects the date of the project's last move (a date typed wrong), between the step before's date and today, audited and
    /// kept in its history. Not <paramref name="confirmed"/>: checked only, and <see cref="ProjectOutcome.NeedsConfirmation"/> says what would change.</summary>
    public ProjectResult CorrectDate(BotUser user, string code, DateOnly date, bool confirmed = true) =>
        InTransaction(code, user, project =>
        {
            var step = project.Status;
            var name = vocabulary.Name(step).ToLowerInvariant();
            if (step == ProjectStatus.Approved || project.DateOf(step) is not { } old)
            {
                return Fail(ProjectOutcome.Invalid, $"Đề án {project.Code} chưa chuyển bước nào sau phê duyệt; ngày quyết định sửa cùng quyết định (nhờ quản trị viên).",
                    $"Project {project.Code} has not moved since its approval.", project);
            }
            var previous = project.DateOf(step - 1)!.Value;
            if (date > clock.Today)
            {
                return Fail(ProjectOutcome.DateInFuture, $"Ngày {VnFormat.Date(date)} chưa tới (hôm nay {VnFormat.Date(clock.Today)}).",
                    $"{VnFormat.Date(date)} is in the future.", project);
            }
            if (date < previous)
            {
                return Fail(ProjectOutcome.DateBeforePreviousStep,
                    $"Ngày {name} {VnFormat.Date(date)} trước ngày {vocabulary.Name(step - 1).ToLowerInvariant()} {VnFormat.Date(previous)}; kiểm tra lại ngày.",
                    $"{VnFormat.Date(date)} is before the {vocabulary.Name(step - 1, true).ToLowerInvariant()} date {VnFormat.Date(previous)}.", project);
            }
            if (date == old)
            {
                return Fail(ProjectOutcome.AlreadyThere, $"Đề án {project.Code} đã ghi {name} ngày {VnFormat.Date(old)}; không thay đổi gì.",
                    $"Project {project.Code} is already recorded {vocabulary.Name(step, true).ToLowerInvariant()} on {VnFormat.Date(old)}.", project);
            }
            if (!confirmed)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project,
                    $"Sẽ sửa: đề án {project.Code} – {project.Name}: ngày {name} {VnFormat.Date(old)} → {VnFormat.Date(date)}, người sửa: {PersonNames.Of(user, false, catalogue)}. Sửa như vậy?",
                    $"To correct: project {project.Code} – {project.Name}: {vocabulary.Name(step, true).ToLowerInvariant()} date {VnFormat.Date(old)} → {VnFormat.Date(date)}, by {PersonNames.Of(user, true, catalogue)}. Correct it?", []);
            }
            var before = Summary(project);
            project.SetDate(step, date);
            project.History.Add(new ProjectMove
            {
                From = step, To = step, Date = date, UserId = user.Id, At = clock.Now, Correction = true,
                Note = $"sửa ngày {name}: {VnFormat.Date(old)} → {VnFormat.Date(date)}",
            });
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(user, "redate", project, before, Summary(project));
            return Done(project, $"Đã sửa: đề án {project.Code} {name} ngày {VnFormat.Date(date)} (trước ghi {VnFormat.Date(old)}).",
                $"Corrected: project {project.Code} {vocabulary.Name(step, true).ToLowerInvariant()} on {VnFormat.Date(date)} (was {VnFormat.Date(old)}).");
        });

    /// <summary>An admin moves a project back to an earlier step (a mistake corrected): later steps' dates are cleared, the reason kept.</summary>
    public ProjectResult Correct(BotUser admin, string code, ProjectStatus backTo, string reason)
    {
        if (admin.Role != Role.Admin || !admin.Active)
        {
            return Fail(ProjectOutcome.NotAllowed, "Chỉ quản trị viên được sửa lùi bước của đề án.", "Only an admin can move a project back.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Fail(ProjectOutcome.Invalid, "Cần ghi lý do sửa (ví dụ: ghi nhầm ngày nghiệm thu).", "A correction needs a reason.");
        }
        return InTransaction(code, admin, project =>
        {
            var current = project.Status;
            if (backTo >= current)
            {
                return Fail(ProjectOutcome.Invalid,
                    $"Sửa chỉ dùng để lùi bước: đề án {project.Code} đang ở bước {vocabulary.Name(current).ToLowerInvariant()}.",
                    $"A correction moves a project back; {project.Code} is {vocabulary.Name(current, true).ToLowerInvariant()}.", project);
            }
            var before = Summary(project);
            for (var s = backTo + 1; s <= current; s++)
            {
                project.SetDate(s, null);
            }
            project.Status = backTo;
            project.History.Add(new ProjectMove { From = current, To = backTo, UserId = admin.Id, At = clock.Now, Correction = true, Note = reason.Trim() });
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(admin, "correct", project, before, Summary(project));
            return Done(project, $"Đã sửa: đề án {project.Code} trở về bước {vocabulary.Name(backTo).ToLowerInvariant()} (lý do: {reason.Trim()}).",
                $"Corrected: project {project.Code} is back to {vocabulary.Name(backTo, true).ToLowerInvariant()}.");
        });
    }

    /// <summary>Records the amount disbursed so far (giải ngân) as of a date; above the approved support it needs <paramref name="confirmed"/>.</summary>
    public ProjectResult SetDisbursed(BotUser user, string code, long amountVnd, DateOnly asOf, bool confirmed = false) =>
        InTransaction(code, user, project =>
        {
            if (!FundingSplit.IsValidPart(amountVnd))
            {
                return Fail(ProjectOutcome.Invalid, "Số tiền giải ngân không hợp lệ.", "The amount disbursed is not valid.", project);
            }
            if (asOf > clock.Today)
            {
                return Fail(ProjectOutcome.DateInFuture, $"Ngày {VnFormat.Date(asOf)} chưa tới.", $"{VnFormat.Date(asOf)} is in the future.", project);
            }
            if (asOf < project.DecisionDate)
            {
                return Fail(ProjectOutcome.DateBeforePreviousStep,
                    $"Ngày {VnFormat.Date(asOf)} trước ngày phê duyệt {VnFormat.Date(project.DecisionDate)}.",
                    $"{VnFormat.Date(asOf)} is before the approval {VnFormat.Date(project.DecisionDate)}.", project);
            }
            if (project.Status == ProjectStatus.Settled)
            {
                return Fail(ProjectOutcome.Invalid,
                    $"Đề án {project.Code} đã quyết toán: số giải ngân đã chốt ({VnFormat.MoneyFull(project.DisbursedVnd)}), không ghi thêm.",
                    $"Project {project.Code} is settled: its disbursement ({NumberText.En.MoneyFull(project.DisbursedVnd)}) is closed.", project);
            }
            // The amount is the total disbursed up to its date: below an earlier total, or above a later one, it is a correction to confirm.
            var earlier = project.Disbursements.Where(d => d.AsOf <= asOf).OrderBy(d => d.AsOf).ThenBy(d => d.At).LastOrDefault();
            var later = project.Disbursements.Where(d => d.AsOf > asOf).OrderBy(d => d.AsOf).ThenBy(d => d.At).FirstOrDefault();
            if (!confirmed && earlier is not null && amountVnd < earlier.AmountVnd)
            {
                var vi = $"Số giải ngân là tổng lũy kế: đã ghi {VnFormat.MoneyFull(earlier.AmountVnd)} đến ngày {VnFormat.Date(earlier.AsOf)}, số mới {VnFormat.MoneyFull(amountVnd)} nhỏ hơn. Đây là sửa số đã ghi nhầm? (Số giải ngân thêm thì cộng vào tổng rồi ghi tổng mới.)";
                var en = $"The amount is the running total: {NumberText.En.MoneyFull(earlier.AmountVnd)} was recorded up to {VnFormat.Date(earlier.AsOf)}; the new {NumberText.En.MoneyFull(amountVnd)} is lower. Is it a correction?";
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, vi, en, []);
            }
            if (!confirmed && later is not null && amountVnd > later.AmountVnd)
            {
                var vi = $"Số giải ngân là tổng lũy kế: đến ngày {VnFormat.Date(later.AsOf)} đã ghi {VnFormat.MoneyFull(later.AmountVnd)}, nhỏ hơn số mới {VnFormat.MoneyFull(amountVnd)} đến ngày {VnFormat.Date(asOf)} (trước đó). Vẫn ghi?";
                var en = $"The amount is the running total: {NumberText.En.MoneyFull(later.AmountVnd)} was recorded up to the later {VnFormat.Date(later.AsOf)}, below the new {NumberText.En.MoneyFull(amountVnd)}. Record anyway?";
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, vi, en, []);
            }
            if (FundingRules.DisbursedAboveApproved(amountVnd, project.Approved.Support) is { } warning && !confirmed)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, warning.Vi, warning.En, [warning]);
            }
            var before = Summary(project);
            project.Disbursements.Add(new Disbursement { AmountVnd = amountVnd, AsOf = asOf, UserId = user.Id, At = clock.Now });
            project.DisbursedVnd = project.DisbursedOn(DateOnly.MaxValue);
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(user, "disburse", project, before, Summary(project));
            var rate = FundingRules.Rate(amountVnd, project.Approved.Support) is { } r ? $", đạt {VnFormat.Percent(r)} kinh phí khuyến công được duyệt" : "";
            return Done(project, $"Đã ghi: đề án {project.Code} giải ngân {VnFormat.MoneyFull(amountVnd)} đến ngày {VnFormat.Date(asOf)}{rate}.",
                $"Recorded: project {project.Code} disbursed {NumberText.En.MoneyFull(amountVnd)} as of {VnFormat.Date(asOf)}{EnglishRate(amountVnd, project)}.");
        });

    /// <summary>Adds facilities to a project (a group project lists many; a single-facility project at most one).</summary>
    public ProjectResult AddFacilities(BotUser user, string code, IEnumerable<long> facilityIds) =>
        InTransaction(code, user, project =>
        {
            var ids = facilityIds.Distinct().Where(id => !project.FacilityIds.Contains(id)).ToList();
            var unknown = ids.Where(id => store.Facilities.Get(id) is null).ToList();
            if (unknown.Count > 0)
            {
                return Fail(ProjectOutcome.Invalid, $"Không có cơ sở số {string.Join(", ", unknown)}.", $"No facility {string.Join(", ", unknown)}.", project);
            }
            if (project.Type == ProjectType.Single && project.FacilityIds.Count + ids.Count > 1)
            {
                return Fail(ProjectOutcome.Invalid,
                    $"Đề án {project.Code} là đề án điểm: hỗ trợ một cơ sở. Đề án hỗ trợ nhiều cơ sở là đề án nhóm.",
                    $"Project {project.Code} supports a single facility.", project);
            }
            var before = Summary(project);
            project.FacilityIds.AddRange(ids);
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(user, "facilities", project, before, Summary(project));
            return Done(project, $"Đã thêm {ids.Count} cơ sở vào đề án {project.Code} (tổng {project.FacilityIds.Count} cơ sở).",
                $"Added {ids.Count} facilities to project {project.Code}.");
        });

    private ProjectResult InTransaction(string code, BotUser user, Func<Project, ProjectResult> work) =>
        store.InTransaction(() =>
        {
            var project = store.Projects.FindByCode(code);
            if (project is null)
            {
                var shown = string.IsNullOrWhiteSpace(code) ? "(trống)" : code.Trim();
                return Fail(ProjectOutcome.NotFound, $"Không tìm thấy đề án mã {shown}. Kiểm tra lại mã (ví dụ KC-2026-07).", $"No project with code {shown}.");
            }
            if (user.Role == Role.Manager)
            {
                return Fail(ProjectOutcome.NotAllowed,
                    $"Bạn không cập nhật được đề án {project.Code}: lãnh đạo, quản lý chỉ xem đề án và số liệu; cán bộ khuyến công của tỉnh cập nhật đề án.",
                    $"You may not update project {project.Code}: managers see projects and figures; the province's officers update them.");
            }
            if (!access.CanLog(user, project.ProvinceId))
            {
                return Fail(ProjectOutcome.NotAllowed,
                    $"Bạn không cập nhật được đề án {project.Code} của {ProvinceName(project.ProvinceId)}: cán bộ chỉ cập nhật đề án của tỉnh mình.",
                    $"You may not update project {project.Code} of {ProvinceName(project.ProvinceId)}.");
            }
            return work(project);
        });

    private void Audit(BotUser user, string action, Project project, object? before, object? after) =>
        store.Audit.Add(new AuditEntry
        {
            At = clock.Now,
            UserId = user.Id,
            Action = action,
            Entity = "project",
            EntityId = project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });

    /// <summary>What the audit keeps of a project: its code, step, step dates, budget, disbursed, facilities.</summary>
    private static object Summary(Project p) => new
    {
        p.Code,
        Status = p.Status.ToString(),
        Decision = VnFormat.Date(p.DecisionDate),
        Started = p.StartedOn is { } s ? VnFormat.Date(s) : null,
        Accepted = p.AcceptedOn is { } a ? VnFormat.Date(a) : null,
        Settled = p.SettledOn is { } t ? VnFormat.Date(t) : null,
        p.Approved.Kcqg,
        p.Approved.Kcdp,
        p.Approved.Counterpart,
        p.Approved.Other,
        p.DisbursedVnd,
        Facilities = p.FacilityIds.Count,
    };

    private string ProvinceName(string provinceId) => catalogue.Province(provinceId)?.ShortName ?? provinceId;

    private static string EnglishRate(long amountVnd, Project project) =>
        FundingRules.Rate(amountVnd, project.Approved.Support) is { } r ? $", {NumberText.En.Percent(r)} of the approved support" : "";

    private static ProjectResult Done(Project project, string vi, string en, IReadOnlyList<FundingWarning>? warnings = null) =>
        new(ProjectOutcome.Done, project, vi, en, warnings ?? []);

    private static ProjectResult Fail(ProjectOutcome outcome, string vi, string en, Project? project = null) => new(outcome, project, vi, en, []);
}
