using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// What looks wrong when a support record is linked to a project, for the officer to confirm or correct (never refused: it may be
/// right): the project's recorded support going above its approved support; a single-facility project given a record of another
/// facility; money from a source the project has no approved budget from; a record added after the project was accepted or settled.
/// </summary>
public static class ProjectLinkCheck
{
    /// <param name="record">The record as it would be saved (its id is ignored).</param>
    /// <param name="editedId">The record being corrected (not counted twice in the project's total); null for a new record.</param>
    /// <param name="newLink">Whether the record was not linked to this project before (a correction of a linked record is not "added").</param>
    public static IReadOnlyList<(string Vi, string En)> Warnings(UserTexts texts, IBotStore store, Project project, SupportRecord record, long? editedId, bool newLink)
    {
        var warnings = new List<(string Vi, string En)>();
        var others = store.Records.ByProject(project.Code).Where(r => r.Id != editedId).ToList();
        var split = RecordFunding.SplitOf(record) ?? FundingSplit.Zero;
        static (string Vi, string En) Both(Func<bool, string> text) => (text(false), text(true));

        var approved = project.Approved.Support;
        var logged = others.Sum(r => RecordFunding.SplitOf(r)?.Support ?? 0);
        var total = logged + split.Support;
        if (split.Support > 0 && approved > 0 && total > approved)
        {
            warnings.Add(Both(e => texts.Text(e, "project.link.above_approved", ("support", NumberText.For(e).MoneyFull(split.Support)), ("code", project.Code),
                ("total", NumberText.For(e).MoneyFull(total)), ("approved", NumberText.For(e).MoneyFull(approved)), ("rate", NumberText.For(e).Percent((decimal)total / approved)))));
        }

        // Per source too (outside tester): KCQG 372 triệu against 95 triệu approved was said only as the total over the total, and a
        // project whose total fits while one source is overdrawn was not flagged at all.
        foreach (var (kcqg, part, partApproved) in new[] { (true, split.Kcqg, project.Approved.Kcqg), (false, split.Kcdp, project.Approved.Kcdp) })
        {
            var partTotal = others.Sum(r => RecordFunding.SplitOf(r) is { } o ? (kcqg ? o.Kcqg : o.Kcdp) : 0) + part;
            if (part > 0 && partApproved > 0 && partTotal > partApproved)
            {
                var source = RecordLayout.FundingSourceName(kcqg ? "kcqg" : "kcdp");
                warnings.Add(Both(e => texts.Text(e, "hfig.link.source_above_approved", ("source", source), ("code", project.Code),
                    ("total", NumberText.For(e).MoneyFull(partTotal)), ("approved", NumberText.For(e).MoneyFull(partApproved)),
                    ("rate", NumberText.For(e).Percent((decimal)partTotal / partApproved)))));
            }
        }

        if (project.Type == ProjectType.Single && OtherFacility(store, project, others, record) is { } listed)
        {
            warnings.Add(Both(e => texts.Text(e, "project.link.other_facility", ("code", project.Code), ("listed", listed), ("facility", record.FacilityName))));
        }

        // Money wholly from a source the project has no approved support from (a KCĐP record on a KCQG project): another programme's
        // record, or the wrong project. A record funded by both, one of them the project's, is a co-funding and passes.
        var sources = new[] { (Kcqg: true, split.Kcqg, project.Approved.Kcqg), (Kcqg: false, split.Kcdp, project.Approved.Kcdp) };
        if (split.Support > 0 && project.Approved.Support > 0 && !sources.Any(x => x.Item2 > 0 && x.Item3 > 0))
        {
            static string Name(bool kcqg) => RecordLayout.FundingSourceName(kcqg ? "kcqg" : "kcdp");
            string RecordSources(bool e) => string.Join(", ", sources.Where(x => x.Item2 > 0).Select(x => $"{Name(x.Kcqg)} {NumberText.For(e).MoneyFull(x.Item2)}"));
            var projectSources = string.Join(", ", sources.Where(x => x.Item3 > 0).Select(x => Name(x.Kcqg)));
            warnings.Add(project.Programme == ProjectProgramme.National
                ? Both(e => texts.Text(e, "project.link.other_source_national", ("sources", RecordSources(e)), ("code", project.Code), ("approved", projectSources)))
                : Both(e => texts.Text(e, "project.link.other_source_local", ("sources", RecordSources(e)), ("code", project.Code), ("approved", projectSources))));
        }

        if (record.Date != default && record.Date < project.DecisionDate)
        {
            warnings.Add(Both(e => texts.Text(e, "project.link.before_decision", ("date", record.Date), ("code", project.Code), ("decided", project.DecisionDate),
                ("decision", project.DecisionNumber))));
        }

        if (newLink && project.Status >= ProjectStatus.Accepted)
        {
            var settled = project.Status == ProjectStatus.Settled;
            var on = (settled ? project.SettledOn : project.AcceptedOn) is { } d ? VnFormat.Date(d) : "?";
            warnings.Add(settled
                ? Both(e => texts.Text(e, "project.link.after_settled", ("code", project.Code), ("on", on)))
                : Both(e => texts.Text(e, "project.link.after_accepted", ("code", project.Code), ("on", on))));
        }
        return warnings;
    }

    /// <summary>The facility a single-facility project already has (registered with it, or of its other linked records) when the
    /// record is for another one; null when the record's facility is it, or the project has none yet.</summary>
    private static string? OtherFacility(IBotStore store, Project project, IReadOnlyList<SupportRecord> others, SupportRecord record)
    {
        var ids = project.FacilityIds.Concat(others.Select(r => r.FacilityId).OfType<long>()).Distinct().ToList();
        if (ids.Count == 0 || (record.FacilityId is { } id && ids.Contains(id)))
        {
            return null;
        }
        return string.Join("; ", ids.Select(i => store.Facilities.Get(i)?.Name).OfType<string>());
    }
}
