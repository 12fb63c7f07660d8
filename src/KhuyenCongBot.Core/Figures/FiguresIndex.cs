using System.Diagnostics;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Figures;

/// <summary>Figures from an in-memory index of the records, built once from the store and kept current by its change events.</summary>
/// <remarks>
/// Records are bucketed by (activity, calendar month); each bucket keeps compact entries and the sums of the
/// additive measures per recorded unit and per funding source. A question over whole months adds bucket sums; the
/// months at the edges of the period are scanned; distinct facilities over whole months (no province or source filter)
/// merge each bucket's sorted distinct facility numbers, built on first use and dropped by a change. Readers share a lock; a change takes it exclusively.
/// </remarks>
public sealed partial class FiguresIndex : IFigureSource, IFacilityFigures, IDisposable
{
    private readonly IBotStore _store;
    private readonly CatalogueIndex _catalogue;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    private readonly List<string> _activityIds = [];
    private readonly Dictionary<string, int> _activityIndex = new(StringComparer.Ordinal);
    private readonly List<ActivitySeries> _series = [];
    private readonly List<string> _unitIds = [];
    private readonly Dictionary<string, int> _unitIndex = new(StringComparer.Ordinal);
    private readonly List<int> _unitGroup = [];
    private readonly List<string> _groupIds = [];
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _facilityIndex = [];

    /// <summary>Per dense facility number: its facility id and where its records are (for one facility's history).</summary>
    private readonly List<long> _facilityIds = [];
    private readonly List<FacilityRecords> _facilityRecords = [];
    private int _records;

    /// <summary>Highest record id read by the first build: a record added later with a higher id cannot be in the index yet.</summary>
    private long _maxBuiltId;
    private int _minMonth = int.MaxValue;
    private int _maxMonth = int.MinValue;

    public FiguresIndex(IBotStore store, CatalogueIndex catalogue)
    {
        _store = store;
        _catalogue = catalogue;
        var watch = Stopwatch.StartNew();
        _lock.EnterWriteLock();
        try
        {
            // Subscribed before reading so no change is lost; a change during the build waits for the lock,
            // and adding a record already read replaces it (adds are idempotent by record id).
            store.Records.Changed += OnChanged;
            foreach (var record in store.Records.All())
            {
                Insert(record);
                _maxBuiltId = Math.Max(_maxBuiltId, record.Id);
            }
            foreach (var series in _series)
            {
                series.TrimExcess();
            }
            _facilityRecords.ForEach(f => f.TrimExcess());
            TrimEntered();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        BuildTime = watch.Elapsed;
    }

    /// <summary>How long the first build from the store took (reading the store included).</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Number of records in the index.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _records;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Dispose()
    {
        _store.Records.Changed -= OnChanged;
        _lock.Dispose();
    }

    private void OnChanged(RecordChange change)
    {
        _lock.EnterWriteLock();
        try
        {
            if (change.Before is { } before)
            {
                Remove(before);
            }
            if (change.After is { } after)
            {
                // Adds are idempotent for records the build may already have read; a new record beyond them skips the
                // search (it scans the record's month, which grows with every record saved that month).
                if (change.Before is not null || after.Id <= _maxBuiltId)
                {
                    Remove(after);
                }
                Insert(after);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private static int MonthOf(DateOnly date) => date.Year * 12 + date.Month - 1;

    private static int FirstDay(int month) => new DateOnly(month / 12, month % 12 + 1, 1).DayNumber;

    private static int LastDay(int month) => month >= MonthOf(DateOnly.MaxValue) ? DateOnly.MaxValue.DayNumber : FirstDay(month + 1) - 1;

    private void Insert(SupportRecord r)
    {
        if (!_activityIndex.TryGetValue(r.ActivityId, out var a))
        {
            a = _activityIds.Count;
            _activityIds.Add(r.ActivityId);
            _activityIndex[r.ActivityId] = a;
            _series.Add(new ActivitySeries());
        }
        var facility = -1;
        if (r.FacilityId is { } fid && !_facilityIndex.TryGetValue(fid, out facility))
        {
            facility = _facilityIndex.Count;
            _facilityIndex[fid] = facility;
            _facilityIds.Add(fid);
            _facilityRecords.Add(new FacilityRecords());
        }
        var month = MonthOf(r.Date);
        if (facility >= 0)
        {
            _facilityRecords[facility].Add(FacilityRecords.Pack(a, month));
        }
        _minMonth = Math.Min(_minMonth, month);
        _maxMonth = Math.Max(_maxMonth, month);
        var unit = UnitOf(r.ProvinceId);
        AddEntered(r.CreatedByUserId, r.CreatedAt, a, unit);
        DropYearCaches(month / 12);
        var split = RecordFunding.SplitOf(r) ?? default;
        _series[a].GetOrAdd(month).Add(new IndexEntry
        {
            Id = r.Id, Day = r.Date.DayNumber, Unit = unit, Facility = facility,
            Booths = r.Booths, Revenue = r.RevenueVnd, Funding = r.FundingVnd, Estimate = r.Status == RecordStatus.Estimate,
            Kcqg = split.Kcqg, Kcdp = split.Kcdp, Counterpart = split.Counterpart, Other = split.Other,
            Sources = RecordFunding.Mask(r),
        });
        _records++;
    }

    private ushort UnitOf(string provinceId)
    {
        if (_unitIndex.TryGetValue(provinceId, out var u))
        {
            return (ushort)u;
        }
        if (_unitIds.Count == ushort.MaxValue)
        {
            throw new InvalidOperationException("Too many distinct province units in the records.");
        }
        u = _unitIds.Count;
        _unitIds.Add(provinceId);
        _unitIndex[provinceId] = u;
        var current = _catalogue.CurrentOf(provinceId)?.Id ?? provinceId;
        if (!_groupIndex.TryGetValue(current, out var g))
        {
            g = _groupIds.Count;
            _groupIds.Add(current);
            _groupIndex[current] = g;
        }
        _unitGroup.Add(g);
        return (ushort)u;
    }

    /// <summary>Removes the record with this id, looking first where <paramref name="r"/> says it is.</summary>
    private void Remove(SupportRecord r)
    {
        if (_activityIndex.TryGetValue(r.ActivityId, out var a) && _series[a].Get(MonthOf(r.Date)) is { } bucket && bucket.Remove(r.Id, out var removed))
        {
            _records--;
            RemoveEntered(r.CreatedByUserId, r.CreatedAt, a, removed.Unit);
            DropYearCaches(MonthOf(r.Date) / 12);
            if (removed.Facility >= 0)
            {
                _facilityRecords[removed.Facility].Remove(FacilityRecords.Pack(a, MonthOf(r.Date)));
            }
        }
    }
}
