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
    public static IReadOnlyList<(string Vi, string En)> Warnings(IBotStore store, Project project, SupportRecord record, long? editedId, bool newLink)
    {
        var warnings = new List<(string Vi, string En)>();
        var others = store.Records.ByProject(project.Code).Where(r => r.Id != editedId).ToList();
        var split = RecordFunding.SplitOf(record) ?? FundingSplit.Zero;

        var approved = project.Approved.Support;
        var logged = others.Sum(r => RecordFunding.SplitOf(r)?.Support ?? 0);
        var total = logged + split.Support;
        if (split.Support > 0 && approved > 0 && total > approved)
        {
            var rate = VnFormat.Percent((decimal)total / approved);
            var en = NumberText.En;
            warnings.Add((
                $"Kinh phí khuyến công của bản ghi này ({VnFormat.MoneyFull(split.Support)}) đưa tổng đã ghi cho đề án {project.Code} lên {VnFormat.MoneyFull(total)}, vượt kinh phí khuyến công được duyệt ({VnFormat.MoneyFull(approved)}): bằng {rate}.",
                $"This record's extension support ({en.MoneyFull(split.Support)}) brings project {project.Code}'s recorded total to {en.MoneyFull(total)}, above the approved support ({en.MoneyFull(approved)}): {en.Percent((decimal)total / approved)}."));
        }

        if (project.Type == ProjectType.Single && OtherFacility(store, project, others, record) is { } listed)
        {
            warnings.Add((
                $"Đề án {project.Code} là đề án điểm, hỗ trợ một cơ sở ({listed}); bản ghi này là của cơ sở khác ({record.FacilityName}).",
                $"Project {project.Code} supports a single facility ({listed}); this record is for another one ({record.FacilityName})."));
        }

        // Money wholly from a source the project has no approved support from (a KCĐP record on a KCQG project): another programme's
        // record, or the wrong project. A record funded by both, one of them the project's, is a co-funding and passes.
        var sources = new[] { ("KCQG", split.Kcqg, project.Approved.Kcqg), ("KCĐP", split.Kcdp, project.Approved.Kcdp) };
        if (split.Support > 0 && project.Approved.Support > 0 && !sources.Any(x => x.Item2 > 0 && x.Item3 > 0))
        {
            var programme = project.Programme == ProjectProgramme.National ? "khuyến công quốc gia" : "khuyến công địa phương";
            var recordSources = string.Join(", ", sources.Where(x => x.Item2 > 0).Select(x => $"{x.Item1} {VnFormat.MoneyFull(x.Item2)}"));
            var recordSourcesEn = string.Join(", ", sources.Where(x => x.Item2 > 0).Select(x => $"{x.Item1} {NumberText.En.MoneyFull(x.Item2)}"));
            var projectSources = string.Join(", ", sources.Where(x => x.Item3 > 0).Select(x => x.Item1));
            warnings.Add((
                $"Kinh phí của bản ghi là {recordSources}, nhưng đề án {project.Code} ({programme}) được duyệt kinh phí {projectSources}: khác nguồn của đề án.",
                $"The record's funding is {recordSourcesEn}, but project {project.Code} is approved {projectSources} funding: another source than the project's."));
        }

        if (record.Date != default && record.Date < project.DecisionDate)
        {
            warnings.Add((
                $"Ngày của bản ghi ({VnFormat.Date(record.Date)}) là trước ngày đề án {project.Code} được phê duyệt ({VnFormat.Date(project.DecisionDate)}, quyết định {project.DecisionNumber}): hỗ trợ trước khi có đề án thường là nhầm ngày hoặc nhầm đề án.",
                $"The record's date ({VnFormat.Date(record.Date)}) is before project {project.Code} was approved ({VnFormat.Date(project.DecisionDate)}): usually a wrong date or the wrong project."));
        }

        if (newLink && project.Status >= ProjectStatus.Accepted)
        {
            var settled = project.Status == ProjectStatus.Settled;
            var step = settled ? "quyết toán" : "nghiệm thu";
            var on = (settled ? project.SettledOn : project.AcceptedOn) is { } d ? VnFormat.Date(d) : "?";
            warnings.Add((
                $"Đề án {project.Code} đã {step} ngày {on}: thêm bản ghi hỗ trợ vào đề án sau khi {step} thường là nhầm đề án.",
                $"Project {project.Code} was {(settled ? "settled" : "accepted")} on {on}: a record added to it after that is usually the wrong project."));
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
