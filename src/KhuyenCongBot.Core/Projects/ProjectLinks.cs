using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>What the records linked to a project add up to: the records, the facilities supported, and their money by source.</summary>
/// <param name="Records">The linked records, in id order.</param>
/// <param name="Facilities">The project's facilities: those registered with it, then those of its linked records, each once, by name.</param>
/// <param name="Funding">The linked records' money by source (a record without a source counts in no source).</param>
public sealed record ProjectLinks(IReadOnlyList<SupportRecord> Records, IReadOnlyList<string> Facilities, FundingTotals Funding)
{
    /// <summary>The records linked to <paramref name="project"/> and the facilities they and the project name.</summary>
    public static ProjectLinks Of(IBotStore store, Project project)
    {
        var records = store.Records.ByProject(project.Code);
        var names = new List<string>();
        var seenIds = new HashSet<long>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        void Add(long? id, string? name)
        {
            if (name is null || (id is { } i && !seenIds.Add(i)) || !seenNames.Add(VnText.FoldWords(name)))
            {
                return;
            }
            names.Add(name);
        }
        foreach (var id in project.FacilityIds)
        {
            Add(id, store.Facilities.Get(id)?.Name);
        }
        foreach (var r in records)
        {
            Add(r.FacilityId, r.FacilityId is { } id ? store.Facilities.Get(id)?.Name ?? r.FacilityName : r.FacilityName);
        }
        var funding = FundingTotals.Sum(records.Select(RecordFunding.SplitOf).OfType<FundingSplit>());
        return new ProjectLinks(records, names, funding);
    }
}
