using System.Collections.Concurrent;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Figures;

/// <summary>Per beneficiary filter (see <see cref="FigureQuery.Beneficiary"/>), the facilities it keeps, read from the registry once per filter.</summary>
/// <remarks>Read under <see cref="FiguresIndex"/>'s read lock; forgotten at every change of the records (a new facility may be kept).</remarks>
internal sealed class BeneficiaryMasks(IBotStore store, IndexedRecords index)
{
    private readonly ConcurrentDictionary<string, bool[]> _masks = new(StringComparer.Ordinal);

    /// <summary>Per dense facility number, whether the filter keeps it.</summary>
    public bool[] Kept(string beneficiary) =>
        _masks.GetOrAdd(beneficiary, id =>
        {
            var keep = new bool[index.FacilityIds.Count];
            for (var f = 0; f < keep.Length; f++)
            {
                keep[f] = BeneficiaryFilter.Matches(store.Facilities.Get(index.FacilityIds[f]), id);
            }
            return keep;
        });

    public void Clear() => _masks.Clear();
}
