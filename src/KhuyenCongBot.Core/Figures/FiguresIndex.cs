using System.Diagnostics;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Figures;

/// <summary>Figures from an in-memory index of the records, built once from the store and kept current by its change events.</summary>
/// <remarks>
/// Records are bucketed by (activity, calendar month); each bucket keeps compact entries and the sums of the
/// additive measures per recorded unit and per funding source (<see cref="IndexedRecords"/>). A question over whole months
/// adds bucket sums; the months at the edges of the period are scanned (<see cref="IndexQueries"/>, <see cref="BucketWalk"/>);
/// distinct facilities over whole years come from per-year sets (<see cref="YearSets"/>, <see cref="YearFacilityCounts"/>).
/// This class owns the lock and the change events: readers share the lock; a change takes it exclusively.
/// </remarks>
public sealed class FiguresIndex : IFigureSource, IFacilityFigures, IEnteredFigures, IDisposable
{
    private readonly IBotStore _store;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly IndexedRecords _records;
    private readonly EnteredRecords _entered;
    private readonly YearSets _years;
    private readonly BeneficiaryMasks _beneficiaries;
    private readonly IndexQueries _queries;
    private readonly TopFacilityRanking _top;
    private readonly FacilityHistory _history;
    private readonly Func<string, int, bool> _keeps;

    /// <summary>Highest record id read by the first build: a record added later with a higher id cannot be in the index yet.</summary>
    private long _maxBuiltId;

    public FiguresIndex(IBotStore store, CatalogueIndex catalogue)
    {
        _store = store;
        _records = new IndexedRecords(catalogue);
        _entered = new EnteredRecords(_records);
        _years = new YearSets(_records);
        _beneficiaries = new BeneficiaryMasks(store, _records);
        _queries = new IndexQueries(_records, new YearFacilityCounts(_records, _years), new KeptYearSums(_records, _years), _beneficiaries);
        _top = new TopFacilityRanking(_records, _years, _beneficiaries);
        _history = new FacilityHistory(_records);
        _keeps = _beneficiaries.Keeps;
        var watch = Stopwatch.StartNew();
        _lock.EnterWriteLock();
        try
        {
            // Subscribed before reading so no change is lost; a change during the build waits for the lock,
            // and adding a record already read replaces it (adds are idempotent by record id).
            store.Records.Changed += OnChanged;
            var read = 0;
            foreach (var record in store.Records.All())
            {
                Insert(record);
                _maxBuiltId = Math.Max(_maxBuiltId, record.Id);
                if (++read % CollectEvery == 0)
                {
                    // The buckets grow by doubling: the arrays they leave are large objects, kept until a full collection;
                    // left to the GC they reached the size of the index itself by the end of the build (peak memory).
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
                }
            }
            if (read >= CollectEvery)
            {
                // The trimmed copies below then take the space of the arrays the growth left.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            }
            _records.TrimExcess();
            _entered.TrimExcess();
            // What the beneficiary filters need of each facility, read now rather than by the first question with a filter.
            _beneficiaries.Prepare();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        BuildTime = watch.Elapsed;
    }

    /// <summary>Records read by the first build between two full collections (peak memory at start, see the build).</summary>
    internal const int CollectEvery = 200_000;

    /// <summary>How long the first build from the store took (reading the store included).</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Which facilities each beneficiary filter keeps (tests).</summary>
    internal BeneficiaryMasks Beneficiaries => _beneficiaries;

    /// <summary>Number of records in the index.</summary>
    public int Count
    {
        get
        {
            using var _ = Reading();
            return _records.Count;
        }
    }

    public FigureValue Total(FigureQuery query)
    {
        FigureRules.Validate(query);
        using var _ = Reading();
        return _queries.Total(query);
    }

    public IReadOnlyList<KeyValuePair<string, FigureValue>> Breakdown(FigureQuery query, BreakdownBy by)
    {
        FigureRules.Validate(query);
        using var _ = Reading();
        return _queries.Breakdown(query, by);
    }

    public IReadOnlyList<FacilityRecordRow> RecordsOf(long facilityId)
    {
        using var _ = Reading();
        return _history.RecordsOf(facilityId);
    }

    public IReadOnlyList<KeyValuePair<long, FigureValue>> TopFacilities(FigureQuery query, int count)
    {
        FigureRules.Validate(query);
        if (!FigureRules.IsAdditive(query.Measure))
        {
            throw new ArgumentException("Top facilities need an additive measure.", nameof(query));
        }
        using var _ = Reading();
        return _top.TopFacilities(query, count);
    }

    public IReadOnlyList<KeyValuePair<string, int>> EnteredByActivity(long? creatorId, IReadOnlySet<string>? provinceIds, DateTimeOffset from, DateTimeOffset to)
    {
        using var _ = Reading();
        return _entered.ByActivity(creatorId, provinceIds, from, to);
    }

    public void Dispose()
    {
        _store.Records.Changed -= OnChanged;
        _lock.Dispose();
    }

    /// <summary>Takes the read lock until the returned scope is disposed.</summary>
    private ReadScope Reading()
    {
        _lock.EnterReadLock();
        return new ReadScope(_lock);
    }

    private readonly ref struct ReadScope(ReaderWriterLockSlim held)
    {
        public void Dispose() => held.ExitReadLock();
    }

    private void OnChanged(RecordChange change)
    {
        _lock.EnterWriteLock();
        try
        {
            // A record of a facility the registry lacked when a filter's mask was read: read again; if now kept, what was built goes.
            // (Masks grow with new facilities; the kept years take added records in.)
            if (_beneficiaries.Recheck(change.After?.FacilityId))
            {
                _years.ForgetKept();
            }
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

    private void Insert(SupportRecord r)
    {
        var (activity, unit, facility) = _records.Insert(r);
        _entered.Add(r.CreatedByUserId, r.CreatedAt, activity, unit);
        var month = IndexedRecords.MonthOf(r.Date);
        var bucket = _records.Series[activity].Get(month)!;
        _years.Add(month / 12, activity, unit, facility, bucket.Items[bucket.Count - 1], _keeps);
    }

    /// <summary>Removes the record with this id, looking first where <paramref name="r"/> says it is.</summary>
    private void Remove(SupportRecord r)
    {
        if (_records.Remove(r, out var activity, out var removed))
        {
            _entered.Remove(r.CreatedByUserId, r.CreatedAt, activity, removed.Unit);
            _years.Drop(IndexedRecords.MonthOf(r.Date) / 12);
        }
    }
}
