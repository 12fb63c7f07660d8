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

/// <summary>The result: the project as saved (Done), or why nothing was saved; its message is rendered from the texts
/// (seeds/texts, keys "projects.life.*") in the reader's language when asked for (<see cref="Text"/>).</summary>
public sealed record ProjectResult(ProjectOutcome Outcome, Project? Project, Func<bool, string> Message, IReadOnlyList<FundingWarning> Warnings)
{
    public bool Ok => Outcome == ProjectOutcome.Done;

    public string Vi => Message(false);

    public string En => Message(true);

    public string Text(bool english) => Message(english);
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
public sealed class ProjectLifecycle(IBotStore store, BotClock clock, CatalogueIndex catalogue, AccessPolicy access, ProjectVocabulary vocabulary, UserTexts texts)
{
    public const int MaxNameLength = 300;

    /// <summary>Earliest decision date accepted (older projects are not kept by the bot).</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>Registers an approved project. <paramref name="confirmed"/>: the officer confirmed the amount warnings.</summary>
    public ProjectResult Register(BotUser user, Project draft, bool confirmed = false)
    {
        var problems = new ProjectDraftRules(store, clock, catalogue, texts).Problems(draft);
        if (problems.Count > 0)
        {
            return Fail(ProjectOutcome.Invalid, e => string.Join(" ", problems.Select(p => e ? p.En : p.Vi)));
        }
        if (!access.CanLog(user, draft.ProvinceId))
        {
            return Fail(ProjectOutcome.NotAllowed, e => texts.Text(e, "projects.life.register_not_allowed", ("province", ProvinceName(draft.ProvinceId))));
        }
        var warnings = FundingRules.Check(texts, draft.Approved, draft.DisbursedVnd);
        if (warnings.Count > 0 && !confirmed)
        {
            return new ProjectResult(ProjectOutcome.NeedsConfirmation, null, e => string.Join(" ", warnings.Select(w => e ? w.En : w.Vi)), warnings);
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
            return Fail(ProjectOutcome.DuplicateCode, e => texts.Text(e, "projects.life.duplicate_code", ("code", project.Code)));
        }
        return Done(project, e => texts.Text(e, "projects.life.registered", ("code", project.Code), ("name", project.Name),
            ("step", Step(ProjectStatus.Approved, e)), ("date", project.DecisionDate)), warnings);
    }

    /// <summary>Moves a project to the next step on a date. Not <paramref name="confirmed"/>: every check runs and nothing is saved; a move
    /// that would be recorded comes back as <see cref="ProjectOutcome.NeedsConfirmation"/> saying what (project, from → to, date, who).</summary>
    public ProjectResult Move(BotUser user, string code, ProjectStatus target, DateOnly date, bool confirmed = true) =>
        InTransaction(code, user, project =>
        {
            var current = project.Status;
            if (target == current)
            {
                return Fail(ProjectOutcome.AlreadyThere, e => project.DateOf(current) is { } d
                    ? texts.Text(e, "projects.life.already_since", ("code", project.Code), ("step", Step(target, e)), ("since", d))
                    : texts.Text(e, "projects.life.already", ("code", project.Code), ("step", Step(target, e))), project);
            }
            if (target < current)
            {
                return Fail(ProjectOutcome.Backwards,
                    e => texts.Text(e, "projects.life.backwards", ("code", project.Code), ("current", Step(current, e)), ("target", Step(target, e))), project);
            }
            if (target > current + 1)
            {
                return Fail(ProjectOutcome.SkipsAStep, e => texts.Text(e, "projects.life.skips_a_step", ("code", project.Code), ("current", Step(current, e)),
                    ("next", Step(current + 1, e)), ("target", Step(target, e))), project);
            }
            var today = clock.Today;
            if (date > today)
            {
                return Fail(ProjectOutcome.DateInFuture,
                    e => texts.Text(e, "projects.life.move_in_future", ("date", date), ("today", today), ("step", Step(target, e)), ("year", today.Year)), project);
            }
            var previous = project.DateOf(current)!.Value;
            if (date < previous)
            {
                return Fail(ProjectOutcome.DateBeforePreviousStep, e => BeforePrevious(e, target, date, current, previous), project);
            }
            if (!confirmed)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, e => texts.Text(e, "projects.life.move_confirm", ("code", project.Code),
                    ("name", project.Name), ("from", Step(current, e)), ("to", Step(target, e)), ("date", date), ("by", PersonNames.Of(user, texts, e, catalogue))), []);
            }
            var before = Summary(project);
            project.SetDate(target, date);
            project.Status = target;
            project.History.Add(new ProjectMove { From = current, To = target, Date = date, UserId = user.Id, At = clock.Now });
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(user, "move", project, before, Summary(project));
            var late = target == ProjectStatus.Accepted && project.PlannedEnd is { } end && date > end ? end : (DateOnly?)null;
            return Done(project, e => late is { } planned
                ? texts.Text(e, "projects.life.moved_late", ("code", project.Code), ("step", Step(target, e)), ("date", date),
                    ("days", date.DayNumber - planned.DayNumber), ("planned", planned))
                : texts.Text(e, "projects.life.moved", ("code", project.Code), ("step", Step(target, e)), ("date", date)));
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
                return Fail(ProjectOutcome.Invalid, e => texts.Text(e, "projects.life.not_moved_yet", ("code", project.Code)), project);
            }
            var previous = project.DateOf(step - 1)!.Value;
            var today = clock.Today;
            if (date > today)
            {
                return Fail(ProjectOutcome.DateInFuture, e => texts.Text(e, "projects.life.in_future_today", ("date", date), ("today", today)), project);
            }
            if (date < previous)
            {
                return Fail(ProjectOutcome.DateBeforePreviousStep, e => BeforePrevious(e, step, date, step - 1, previous), project);
            }
            if (date == old)
            {
                return Fail(ProjectOutcome.AlreadyThere, e => texts.Text(e, "projects.life.same_date", ("code", project.Code), ("step", Step(step, e)), ("date", old)), project);
            }
            if (!confirmed)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, e => texts.Text(e, "projects.life.redate_confirm", ("code", project.Code),
                    ("name", project.Name), ("step", Step(step, e)), ("old", old), ("date", date), ("by", PersonNames.Of(user, texts, e, catalogue))), []);
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
            return Done(project, e => texts.Text(e, "projects.life.redated", ("code", project.Code), ("step", Step(step, e)), ("date", date), ("old", old)));
        });

    /// <summary>An admin moves a project back to an earlier step (a mistake corrected): later steps' dates are cleared, the reason kept.</summary>
    public ProjectResult Correct(BotUser admin, string code, ProjectStatus backTo, string reason)
    {
        if (admin.Role != Role.Admin || !admin.Active)
        {
            return Fail(ProjectOutcome.NotAllowed, e => texts.Text(e, "projects.life.admin_only"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Fail(ProjectOutcome.Invalid, e => texts.Text(e, "projects.life.reason_needed"));
        }
        return InTransaction(code, admin, project =>
        {
            var current = project.Status;
            if (backTo >= current)
            {
                return Fail(ProjectOutcome.Invalid, e => texts.Text(e, "projects.life.correct_backwards_only", ("code", project.Code), ("step", Step(current, e))), project);
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
            return Done(project, e => texts.Text(e, "projects.life.corrected", ("code", project.Code), ("step", Step(backTo, e)), ("reason", reason.Trim())));
        });
    }

    /// <summary>Records the amount disbursed so far (giải ngân) as of a date; above the approved support it needs <paramref name="confirmed"/>.</summary>
    public ProjectResult SetDisbursed(BotUser user, string code, long amountVnd, DateOnly asOf, bool confirmed = false) =>
        InTransaction(code, user, project =>
        {
            if (!FundingSplit.IsValidPart(amountVnd))
            {
                return Fail(ProjectOutcome.Invalid, e => texts.Text(e, "projects.life.amount_invalid"), project);
            }
            if (asOf > clock.Today)
            {
                return Fail(ProjectOutcome.DateInFuture, e => texts.Text(e, "projects.life.in_future", ("date", asOf)), project);
            }
            if (asOf < project.DecisionDate)
            {
                return Fail(ProjectOutcome.DateBeforePreviousStep,
                    e => texts.Text(e, "projects.life.before_approval", ("date", asOf), ("approved", project.DecisionDate)), project);
            }
            if (project.Status == ProjectStatus.Settled)
            {
                return Fail(ProjectOutcome.Invalid,
                    e => texts.Text(e, "projects.life.settled_closed", ("code", project.Code), ("amount", NumberText.For(e).MoneyFull(project.DisbursedVnd))), project);
            }
            // The amount is the total disbursed up to its date: below an earlier total, or above a later one, it is a correction to confirm.
            var earlier = project.Disbursements.Where(d => d.AsOf <= asOf).OrderBy(d => d.AsOf).ThenBy(d => d.At).LastOrDefault();
            var later = project.Disbursements.Where(d => d.AsOf > asOf).OrderBy(d => d.AsOf).ThenBy(d => d.At).FirstOrDefault();
            if (!confirmed && earlier is not null && amountVnd < earlier.AmountVnd)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, e => texts.Text(e, "projects.life.total_lower",
                    ("recorded", NumberText.For(e).MoneyFull(earlier.AmountVnd)), ("on", earlier.AsOf), ("amount", NumberText.For(e).MoneyFull(amountVnd))), []);
            }
            if (!confirmed && later is not null && amountVnd > later.AmountVnd)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, e => texts.Text(e, "projects.life.total_above_later", ("on", later.AsOf),
                    ("recorded", NumberText.For(e).MoneyFull(later.AmountVnd)), ("amount", NumberText.For(e).MoneyFull(amountVnd)), ("date", asOf)), []);
            }
            if (FundingRules.DisbursedAboveApproved(texts, amountVnd, project.Approved.Support) is { } warning && !confirmed)
            {
                return new ProjectResult(ProjectOutcome.NeedsConfirmation, project, e => e ? warning.En : warning.Vi, [warning]);
            }
            var before = Summary(project);
            project.Disbursements.Add(new Disbursement { AmountVnd = amountVnd, AsOf = asOf, UserId = user.Id, At = clock.Now });
            project.DisbursedVnd = project.DisbursedOn(DateOnly.MaxValue);
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(user, "disburse", project, before, Summary(project));
            var rate = FundingRules.Rate(amountVnd, project.Approved.Support);
            return Done(project, e => rate is { } r
                ? texts.Text(e, "projects.life.disbursed_rate", ("code", project.Code), ("amount", NumberText.For(e).MoneyFull(amountVnd)), ("date", asOf),
                    ("rate", NumberText.For(e).Percent(r)))
                : texts.Text(e, "projects.life.disbursed", ("code", project.Code), ("amount", NumberText.For(e).MoneyFull(amountVnd)), ("date", asOf)));
        });

    /// <summary>Adds facilities to a project (a group project lists many; a single-facility project at most one).</summary>
    public ProjectResult AddFacilities(BotUser user, string code, IEnumerable<long> facilityIds) =>
        InTransaction(code, user, project =>
        {
            var ids = facilityIds.Distinct().Where(id => !project.FacilityIds.Contains(id)).ToList();
            var unknown = ids.Where(id => store.Facilities.Get(id) is null).ToList();
            if (unknown.Count > 0)
            {
                return Fail(ProjectOutcome.Invalid, e => texts.Text(e, "projects.life.no_facility", ("ids", string.Join(", ", unknown))), project);
            }
            if (project.Type == ProjectType.Single && project.FacilityIds.Count + ids.Count > 1)
            {
                return Fail(ProjectOutcome.Invalid, e => texts.Text(e, "projects.life.single_facility", ("code", project.Code)), project);
            }
            var before = Summary(project);
            project.FacilityIds.AddRange(ids);
            project.UpdatedAt = clock.Now;
            store.Projects.Update(project);
            Audit(user, "facilities", project, before, Summary(project));
            return Done(project, e => texts.Text(e, "projects.life.facilities_added", ("count", ids.Count), ("code", project.Code), ("total", project.FacilityIds.Count)));
        });

    private ProjectResult InTransaction(string code, BotUser user, Func<Project, ProjectResult> work) =>
        store.InTransaction(() =>
        {
            var project = store.Projects.FindByCode(code);
            if (project is null)
            {
                return Fail(ProjectOutcome.NotFound, e => string.IsNullOrWhiteSpace(code)
                    ? texts.Text(e, "projects.life.no_code")
                    : texts.Text(e, "projects.life.not_found", ("code", code.Trim())));
            }
            if (user.Role == Role.Manager)
            {
                return Fail(ProjectOutcome.NotAllowed, e => texts.Text(e, "projects.life.manager_not_allowed", ("code", project.Code)));
            }
            if (!access.CanLog(user, project.ProvinceId))
            {
                return Fail(ProjectOutcome.NotAllowed,
                    e => texts.Text(e, "projects.life.other_province", ("code", project.Code), ("province", ProvinceName(project.ProvinceId))));
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

    /// <summary>A step's name as a sentence shows it ("đang thực hiện" / "in progress").</summary>
    private string Step(ProjectStatus status, bool english) => vocabulary.Name(status, english).ToLowerInvariant();

    private string BeforePrevious(bool english, ProjectStatus step, DateOnly date, ProjectStatus previous, DateOnly previousDate) =>
        texts.Text(english, "projects.life.before_previous", ("step", Step(step, english)), ("date", date), ("previous", Step(previous, english)), ("before", previousDate));

    private static ProjectResult Done(Project project, Func<bool, string> message, IReadOnlyList<FundingWarning>? warnings = null) =>
        new(ProjectOutcome.Done, project, message, warnings ?? []);

    private static ProjectResult Fail(ProjectOutcome outcome, Func<bool, string> message, Project? project = null) => new(outcome, project, message, []);
}
