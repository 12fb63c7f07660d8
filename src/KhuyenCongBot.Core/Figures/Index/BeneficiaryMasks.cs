using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Figures;

/// <summary>Per beneficiary filter (see <see cref="FigureQuery.Beneficiary"/>), the facilities it keeps, from the registry read once per facility.</summary>
/// <remarks>
/// A facility never changes once registered, so what the filters need of it (legal form, priority groups) is read once for all
/// filters and kept across record changes: the masks grow with the facilities new records name, and a facility the registry did
/// not have when it was read is read again when one of its records is saved. (Forgetting the masks at each change made the next
/// filtered question read the whole registry again, once per filter: seconds at 120.000 facilities.) Read under
/// <see cref="FiguresIndex"/>'s read lock by several threads (a mask is replaced, never changed in place, so a reader keeps a
/// consistent array), and under its write lock by the change events.
/// </remarks>
internal sealed class BeneficiaryMasks(IBotStore store, IndexedRecords index)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, bool[]> _masks = new(StringComparer.Ordinal);

    /// <summary>Per dense facility number, what the filters read of the facility; null while the registry does not have it.</summary>
    private readonly List<Registered?> _facilities = [];
    private readonly HashSet<int> _unknown = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private long _read;

    /// <summary>Facilities read from the registry since the index was built (tests).</summary>
    internal long FacilitiesRead => Interlocked.Read(ref _read);

    /// <summary>Per dense facility number, whether the filter keeps it.</summary>
    public bool[] Kept(string beneficiary)
    {
        lock (_gate)
        {
            ReadNew();
            if (!_masks.TryGetValue(beneficiary, out var mask) || mask.Length < _facilities.Count)
            {
                var keep = new bool[_facilities.Count];
                mask?.CopyTo(keep, 0);
                for (var f = mask?.Length ?? 0; f < keep.Length; f++)
                {
                    keep[f] = _facilities[f] is { } r && BeneficiaryFilter.Matches(r.AsFacility(), beneficiary);
                }
                _masks[beneficiary] = mask = keep;
            }
            return mask;
        }
    }

    /// <summary>Whether the filter keeps the facility of this number (-1: none).</summary>
    public bool Keeps(string beneficiary, int facility)
    {
        if (facility < 0)
        {
            return false;
        }
        var keep = Kept(beneficiary);
        return facility < keep.Length && keep[facility];
    }

    /// <summary>
    /// A record of this facility was saved: if the registry lacked it when read, it is read again. True when it has it now (the
    /// masks changed for a facility already numbered: what was built with them must go).
    /// </summary>
    public bool Recheck(long? facilityId)
    {
        if (facilityId is not { } id || !index.TryFacility(id, out var f))
        {
            return false;
        }
        lock (_gate)
        {
            if (!_unknown.Contains(f) || Read(id) is not { } registered)
            {
                return false;
            }
            _unknown.Remove(f);
            _facilities[f] = registered;
            var facility = registered.AsFacility();
            foreach (var (filter, mask) in _masks.ToList())
            {
                var keep = (bool[])mask.Clone();
                keep[f] = BeneficiaryFilter.Matches(facility, filter);
                _masks[filter] = keep;
            }
            return true;
        }
    }

    /// <summary>
    /// Reads what the filters need of every facility numbered so far: called when the index is built, so that the first question
    /// with a filter after a start does not read the registry (11 s at 120.000 facilities read one by one).
    /// </summary>
    public void Prepare()
    {
        lock (_gate)
        {
            ReadNew();
        }
    }

    /// <summary>Facilities numbered and not read beyond which the whole registry is read in chunks rather than one facility at a time.</summary>
    internal const int ReadWhole = 1_000;

    /// <summary>Reads the facilities numbered since the last call.</summary>
    private void ReadNew()
    {
        var (from, to) = (_facilities.Count, index.FacilityIds.Count);
        if (to - from > ReadWhole)
        {
            ReadAll(from, to);
            return;
        }
        for (var f = from; f < to; f++)
        {
            var facility = Read(index.FacilityIds[f]);
            if (facility is null)
            {
                _unknown.Add(f);
            }
            _facilities.Add(facility);
        }
    }

    /// <summary>Facilities numbered <paramref name="from"/> to <paramref name="to"/> (excluded), from one pass over the registry.</summary>
    private void ReadAll(int from, int to)
    {
        var found = new Registered?[to - from];
        foreach (var facility in store.Facilities.All())
        {
            if (index.TryFacility(facility.Id, out var f) && f >= from && f < to)
            {
                found[f - from] = Of(facility);
            }
        }
        Interlocked.Add(ref _read, to - from);
        for (var f = from; f < to; f++)
        {
            if (found[f - from] is null)
            {
                _unknown.Add(f);
            }
            _facilities.Add(found[f - from]);
        }
    }

    /// <summary>The facility's legal form and groups (the strings shared: a few distinct values over the registry), or null.</summary>
    private Registered? Read(long id)
    {
        Interlocked.Increment(ref _read);
        return store.Facilities.Get(id) is { } facility ? Of(facility) : null;
    }

    private Registered Of(Facility facility) => new(Shared(facility.LegalForm), facility.PriorityGroups?.Select(g => Shared(g)!).ToList());

    /// <summary>What a filter reads of a registered facility.</summary>
    private readonly record struct Registered(string? LegalForm, List<string>? PriorityGroups)
    {
        public Facility AsFacility() => new() { LegalForm = LegalForm, PriorityGroups = PriorityGroups };
    }

    private string? Shared(string? s)
    {
        if (s is null)
        {
            return null;
        }
        if (!_strings.TryGetValue(s, out var held))
        {
            _strings[s] = held = s;
        }
        return held;
    }
}
