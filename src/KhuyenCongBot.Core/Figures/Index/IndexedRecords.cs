using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// The records as <see cref="FiguresIndex"/> keeps them: compact entries bucketed by (activity, calendar month), and dense
/// numbers for activities, recorded units, current provinces (groups) and facilities.
/// </summary>
/// <remarks>Not thread-safe: the index's lock guards every call (readers share it, a change takes it exclusively).</remarks>
internal sealed class IndexedRecords(CatalogueIndex catalogue)
{
    private readonly Dictionary<string, int> _activityIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unitIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _facilityIndex = [];

    /// <summary>The unit → province group map as an array (rebuilt when a unit is added).</summary>
    private int[]? _unitGroupArray;

    /// <summary>The catalogue the records are read with (which activities support facilities).</summary>
    public CatalogueIndex Catalogue => catalogue;

    /// <summary>Activity ids by activity number, and each activity's months.</summary>
    public List<string> ActivityIds { get; } = [];

    public List<ActivitySeries> Series { get; } = [];

    /// <summary>Recorded unit ids by unit number, and the current province (group number) of each.</summary>
    public List<string> UnitIds { get; } = [];

    public List<int> UnitGroup { get; } = [];

    /// <summary>Current province ids by group number.</summary>
    public List<string> GroupIds { get; } = [];

    /// <summary>Per dense facility number: its facility id and where its records are (for one facility's history).</summary>
    public List<long> FacilityIds { get; } = [];

    public List<int[]> FacilityPlaces { get; } = [];

    /// <summary>How many distinct facilities the records name (dense numbers run below it).</summary>
    public int Facilities => _facilityIndex.Count;

    /// <summary>Number of records in the index.</summary>
    public int Count { get; private set; }

    /// <summary>The first and last months holding a record (int.MaxValue and int.MinValue while there is none).</summary>
    public int MinMonth { get; private set; } = int.MaxValue;

    public int MaxMonth { get; private set; } = int.MinValue;

    public int[] UnitGroups => _unitGroupArray ??= [.. UnitGroup];

    public static int MonthOf(DateOnly date) => date.Year * 12 + date.Month - 1;

    public static int FirstDay(int month) => new DateOnly(month / 12, month % 12 + 1, 1).DayNumber;

    public static int LastDay(int month) => month >= MonthOf(DateOnly.MaxValue) ? DateOnly.MaxValue.DayNumber : FirstDay(month + 1) - 1;

    public bool TryActivity(string activityId, out int activity) => _activityIndex.TryGetValue(activityId, out activity);

    public bool TryFacility(long facilityId, out int facility) => _facilityIndex.TryGetValue(facilityId, out facility);

    /// <summary>Per recorded unit, whether it is one of the ids.</summary>
    public bool[] UnitMask(IReadOnlySet<string> unitIds) => UnitIds.Select(unitIds.Contains).ToArray();

    /// <summary>Adds a record; returns its activity number, unit number and facility number (-1: none).</summary>
    public (int Activity, ushort Unit, int Facility) Insert(SupportRecord r)
    {
        if (!_activityIndex.TryGetValue(r.ActivityId, out var a))
        {
            a = ActivityIds.Count;
            ActivityIds.Add(r.ActivityId);
            _activityIndex[r.ActivityId] = a;
            Series.Add(new ActivitySeries());
        }
        var facility = -1;
        if (r.FacilityId is { } fid && !_facilityIndex.TryGetValue(fid, out facility))
        {
            facility = _facilityIndex.Count;
            _facilityIndex[fid] = facility;
            FacilityIds.Add(fid);
            FacilityPlaces.Add([]);
        }
        var month = MonthOf(r.Date);
        if (facility >= 0)
        {
            FacilityPlaces[facility] = FacilityRecords.With(FacilityPlaces[facility], FacilityRecords.Pack(a, month));
        }
        MinMonth = Math.Min(MinMonth, month);
        MaxMonth = Math.Max(MaxMonth, month);
        var unit = UnitOf(r.ProvinceId);
        var split = RecordFunding.SplitOf(r) ?? default;
        Series[a].GetOrAdd(month).Add(new IndexEntry
        {
            Id = r.Id, Day = r.Date.DayNumber, Unit = unit, Facility = facility,
            Booths = r.Booths, Trainees = Reports.ReportWorkbook.Trainees(r) is { } t ? (int)Math.Min(t, int.MaxValue) : -1,
            Revenue = r.RevenueVnd, Funding = r.FundingVnd, Estimate = r.Status == RecordStatus.Estimate,
            Sources = RecordFunding.Mask(r),
        }, split.Kcqg, split.Kcdp, split.Counterpart, split.Other);
        Count++;
        return (a, unit, facility);
    }

    /// <summary>Removes the record with this id, looking where <paramref name="r"/> says it is; false when it is not there.</summary>
    public bool Remove(SupportRecord r, out int activity, out IndexEntry removed)
    {
        removed = default;
        if (!_activityIndex.TryGetValue(r.ActivityId, out activity) || Series[activity].Get(MonthOf(r.Date)) is not { } bucket || !bucket.Remove(r.Id, out removed))
        {
            return false;
        }
        Count--;
        if (removed.Facility >= 0)
        {
            FacilityPlaces[removed.Facility] = FacilityRecords.Without(FacilityPlaces[removed.Facility], FacilityRecords.Pack(activity, MonthOf(r.Date)));
        }
        return true;
    }

    /// <summary>Drops the spare capacity of the buckets after the first build.</summary>
    public void TrimExcess()
    {
        foreach (var series in Series)
        {
            series.TrimExcess();
        }
    }

    private ushort UnitOf(string provinceId)
    {
        if (_unitIndex.TryGetValue(provinceId, out var u))
        {
            return (ushort)u;
        }
        if (UnitIds.Count == ushort.MaxValue)
        {
            throw new InvalidOperationException("Too many distinct province units in the records.");
        }
        u = UnitIds.Count;
        UnitIds.Add(provinceId);
        _unitIndex[provinceId] = u;
        var current = catalogue.CurrentOf(provinceId)?.Id ?? provinceId;
        if (!_groupIndex.TryGetValue(current, out var g))
        {
            g = GroupIds.Count;
            GroupIds.Add(current);
            _groupIndex[current] = g;
        }
        UnitGroup.Add(g);
        _unitGroupArray = null;
        return (ushort)u;
    }
}
