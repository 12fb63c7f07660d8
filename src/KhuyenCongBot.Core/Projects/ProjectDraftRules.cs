using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Projects;

/// <summary>The checks of a project before it is registered: code, name, decision, province, activity, programme and type, facilities, budget.</summary>
public sealed class ProjectDraftRules(IBotStore store, BotClock clock, CatalogueIndex catalogue, UserTexts texts)
{
    /// <summary>What is wrong with a draft project, in Vietnamese and English (empty when nothing).</summary>
    public List<(string Vi, string En)> Problems(Project draft)
    {
        var problems = new List<(string, string)>();
        if (ProjectCode.Problem(draft.Code) is { } codeProblem)
        {
            problems.Add(Both(e => ProjectCode.Explain(codeProblem, texts, e)));
        }
        var name = draft.Name?.Trim() ?? "";
        if (name.Length < 3 || name.Length > ProjectLifecycle.MaxNameLength)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.name_length", ("max", ProjectLifecycle.MaxNameLength))));
        }
        if (string.IsNullOrWhiteSpace(draft.DecisionNumber) || draft.DecisionNumber.Trim().Length > 100)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.no_decision_number")));
        }
        var today = clock.Today;
        if (draft.DecisionDate < ProjectLifecycle.MinDate || draft.DecisionDate > today)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.bad_decision_date", ("date", draft.DecisionDate), ("min", ProjectLifecycle.MinDate))));
        }
        if (catalogue.Province(draft.ProvinceId) is null)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.unknown_province", ("province", draft.ProvinceId))));
        }
        if (catalogue.Activity(draft.ActivityId) is null)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.unknown_activity", ("activity", draft.ActivityId))));
        }
        if (!Enum.IsDefined(draft.Programme) || !Enum.IsDefined(draft.Type))
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.bad_programme_or_type")));
        }
        else if (draft.Programme == ProjectProgramme.National && draft.Type == ProjectType.Local)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.national_not_local")));
        }
        else if (draft.Programme == ProjectProgramme.Local && draft.Type != ProjectType.Local)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.local_is_local")));
        }
        if (draft.PlannedStart is { } start && draft.PlannedEnd is { } end && end < start)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.end_before_start", ("end", end), ("start", start))));
        }
        if (draft.Type == ProjectType.Single && draft.FacilityIds.Distinct().Count() > 1)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.single_one_facility")));
        }
        var unknown = draft.FacilityIds.Distinct().Where(id => store.Facilities.Get(id) is null).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.unknown_facilities", ("ids", string.Join(", ", unknown)))));
        }
        if (!FundingSplit.IsValidPart(draft.DisbursedVnd))
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.bad_disbursed")));
        }
        if (draft.Approved.IsZero)
        {
            problems.Add(Both(e => texts.Text(e, "project.rules.no_budget")));
        }
        return problems;
    }

    /// <summary>One text in Vietnamese and in English.</summary>
    internal static (string Vi, string En) Both(Func<bool, string> text) => (text(false), text(true));
}
