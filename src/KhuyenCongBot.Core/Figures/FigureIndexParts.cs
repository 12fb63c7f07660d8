using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KhuyenCongBot.Core.Figures;

/// <summary>One record in the index, as compact as the figures need (48 bytes; 1,000,000 records: 48 MB).</summary>
/// <remarks>
/// The parts of the funding by source are not in the entry: most records have at most one part, equal to the support total,
/// which <see cref="Split"/> says; the others' four parts are in their bucket's <see cref="MonthBucket.Splits"/>
/// (<see cref="MonthBucket.FundingUnder"/>, <see cref="MonthBucket.PartsOf"/>). With the four parts in the entry it was 80 bytes.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct IndexEntry
{
    /// <summary><see cref="Split"/> of a record whose parts are all 0 (no split, or one of 0).</summary>
    public const int NoParts = -1;

    public long Id;
    public long Revenue;

    /// <summary>The support total (<see cref="Records.SupportRecord.FundingVnd"/>).</summary>
    public long Funding;
    public int Day;

    /// <summary>Dense facility number, or -1 when the record names no facility.</summary>
    public int Facility;
    public int Booths;

    /// <summary>Trainees of a training record (<see cref="Reports.ReportWorkbook.Trainees"/>), or -1 when the record names no number of them.</summary>
    public int Trainees;

    /// <summary>
    /// The parts by source (<see cref="Records.RecordFunding.SplitOf"/>): <see cref="NoParts"/>; -1 - c when source code c (1..4)
    /// has a part equal to <see cref="Funding"/> and the others none; else (0 and above) the slot of the four parts in the bucket's
    /// <see cref="MonthBucket.Splits"/>.
    /// </summary>
    public int Split;
    public ushort Unit;
    public bool Estimate;

    /// <summary>The sources that funded the record (<see cref="Records.RecordFunding.Mask"/>): bit n for source code n + 1; 0 for none.</summary>
    public byte Sources;

    /// <summary>Whether the record counts under a source code (<see cref="FundingSources.Code(Funding.FundingSource)"/>; 0 = no source).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Under(int code) => code == 0 ? Sources == 0 : (Sources & (1 << (code - 1))) != 0;
}

/// <summary>Sums of the additive measures over a set of records, in total and for estimates only.</summary>
internal struct Sums
{
    public long Count, EstCount, Booths, EstBooths, Revenue, EstRevenue, Funding, EstFunding, Trainees, EstTrainees, NoTrainees, EstNoTrainees;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in IndexEntry e, int sign) => Add(e, sign, e.Funding);

    /// <summary>Adds an entry with the funding it counts for here (a source's part in the sums of that source).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in IndexEntry e, int sign, long funding)
    {
        Count += sign;
        Booths += sign * (long)e.Booths;
        Revenue += sign * e.Revenue;
        Funding += sign * funding;
        var (trainees, none) = e.Trainees < 0 ? (0L, 1L) : (e.Trainees, 0L);
        Trainees += sign * trainees;
        NoTrainees += sign * none;
        if (e.Estimate)
        {
            EstCount += sign;
            EstBooths += sign * (long)e.Booths;
            EstRevenue += sign * e.Revenue;
            EstFunding += sign * funding;
            EstTrainees += sign * trainees;
            EstNoTrainees += sign * none;
        }
    }

    public readonly (long Total, long Estimate) Of(MeasureKind kind) => kind switch
    {
        MeasureKind.Count => (Count, EstCount),
        MeasureKind.Booths => (Booths, EstBooths),
        MeasureKind.Revenue => (Revenue, EstRevenue),
        MeasureKind.Trainees => (Trainees, EstTrainees),
        MeasureKind.NoTrainees => (NoTrainees, EstNoTrainees),
        _ => (Funding, EstFunding),
    };
}

/// <summary>The measures as the index computes them.</summary>
internal enum MeasureKind { Count, Booths, Revenue, Funding, Facilities, Trainees, NoTrainees }

/// <summary>The records of one activity in one calendar month, with their sums per recorded unit.</summary>
internal sealed class MonthBucket
{
    public IndexEntry[] Items = new IndexEntry[8];
    public int Count;
    public Sums Total;
    public Sums[] ByUnit = [];

    /// <summary>Sums per funding source code (0 = no source): a record funded by several sources is in each of them, with that source's part as funding.</summary>
    public readonly Sums[] BySource = new Sums[FundingSources.Codes];

    /// <summary>The four parts (KCQG, KCĐP, counterpart, other) of the entries whose <see cref="IndexEntry.Split"/> is a slot: slot s at 4 s.</summary>
    public long[] Splits = [];
    public int SplitCount;

    /// <summary>The funding an entry of this bucket adds under a source code: that source's part (1..4), or the support total for code 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long FundingUnder(in IndexEntry e, int code)
    {
        if ((uint)(code - 1) >= 4)
        {
            return e.Funding;
        }
        var s = e.Split;
        return s >= 0 ? Splits[4 * s + code - 1] : s == -1 - code ? e.Funding : 0;
    }

    /// <summary>The entry's parts (KCQG, KCĐP, counterpart, other).</summary>
    public (long Kcqg, long Kcdp, long Counterpart, long Other) PartsOf(in IndexEntry e) =>
        (FundingUnder(e, 1), FundingUnder(e, 2), FundingUnder(e, 3), FundingUnder(e, 4));

    /// <summary>Adds an entry with its parts by source (sets its <see cref="IndexEntry.Split"/>).</summary>
    public void Add(IndexEntry e, long kcqg, long kcdp, long counterpart, long other)
    {
        var nonZero = (kcqg != 0 ? 1 : 0) + (kcdp != 0 ? 1 : 0) + (counterpart != 0 ? 1 : 0) + (other != 0 ? 1 : 0);
        if (nonZero == 0)
        {
            e.Split = IndexEntry.NoParts;
        }
        else if (nonZero == 1 && (kcqg | kcdp | counterpart | other) == e.Funding)
        {
            e.Split = -1 - (kcqg != 0 ? 1 : kcdp != 0 ? 2 : counterpart != 0 ? 3 : 4);
        }
        else
        {
            if (4 * (SplitCount + 1) > Splits.Length)
            {
                Array.Resize(ref Splits, Math.Max(16, Splits.Length * 2));
            }
            (Splits[4 * SplitCount], Splits[4 * SplitCount + 1], Splits[4 * SplitCount + 2], Splits[4 * SplitCount + 3]) = (kcqg, kcdp, counterpart, other);
            e.Split = SplitCount++;
        }
        Add(e);
    }

    /// <summary>Frees an entry's slot of parts: the last slot moves into it.</summary>
    private void FreeSplit(int slot)
    {
        var last = --SplitCount;
        if (slot != last)
        {
            Array.Copy(Splits, 4 * last, Splits, 4 * slot, 4);
            for (var i = 0; i < Count; i++)
            {
                if (Items[i].Split == last)
                {
                    Items[i].Split = slot;
                    break;
                }
            }
        }
        Array.Clear(Splits, 4 * last, 4);
    }

    private void AddBySource(in IndexEntry e, int sign)
    {
        for (var c = 0; c < FundingSources.Codes; c++)
        {
            if (e.Under(c))
            {
                BySource[c].Add(e, sign, FundingUnder(e, c));
            }
        }
    }

    /// <summary>The distinct facilities of the bucket, built by the first question that needs them and dropped by any change.</summary>
    public FacilitySets? Facilities;

    private void Add(in IndexEntry e)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Math.Max(8, Items.Length * 2));
        }
        Items[Count++] = e;
        Total.Add(e, 1);
        AddBySource(e, 1);
        Facilities = null;
        if (e.Unit >= ByUnit.Length)
        {
            Array.Resize(ref ByUnit, Math.Max(e.Unit + 1, ByUnit.Length * 2));
        }
        ByUnit[e.Unit].Add(e, 1);
    }

    /// <summary>The entry with this record id, or null when it is not here.</summary>
    public IndexEntry? Find(long id)
    {
        foreach (ref readonly var e in Items.AsSpan(0, Count))
        {
            if (e.Id == id)
            {
                return e;
            }
        }
        return null;
    }

    /// <summary>Removes the entry with this record id; false when it is not here.</summary>
    public bool Remove(long id, out IndexEntry removed)
    {
        removed = default;
        for (var i = 0; i < Count; i++)
        {
            if (Items[i].Id == id)
            {
                var e = Items[i];
                removed = e;
                Total.Add(e, -1);
                ByUnit[e.Unit].Add(e, -1);
                AddBySource(e, -1);
                Facilities = null;
                Items[i] = Items[--Count];
                Items[Count] = default;
                if (e.Split >= 0)
                {
                    FreeSplit(e.Split);
                }
                return true;
            }
        }
        return false;
    }
}

/// <summary>The distinct facility numbers of one bucket, sorted: all, estimates only, actuals only.</summary>
internal sealed class FacilitySets
{
    public required int[] All { get; init; }
    public required int[] Estimates { get; init; }
    public required int[] Actuals { get; init; }

    /// <summary>Reads the bucket (under the index's read lock: no writer runs meanwhile).</summary>
    public static FacilitySets Of(MonthBucket bucket)
    {
        var all = new List<int>(bucket.Count);
        var est = new List<int>();
        var act = new List<int>(bucket.Count);
        foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
        {
            if (e.Facility >= 0)
            {
                all.Add(e.Facility);
                (e.Estimate ? est : act).Add(e.Facility);
            }
        }
        return new FacilitySets { All = Distinct(all), Estimates = Distinct(est), Actuals = Distinct(act) };
    }

    /// <summary>Sorts the list in place and returns its distinct values.</summary>
    internal static int[] Distinct(List<int> ids)
    {
        ids.Sort();
        var n = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (n == 0 || ids[i] != ids[n - 1])
            {
                ids[n++] = ids[i];
            }
        }
        return ids.GetRange(0, n).ToArray();
    }
}

/// <summary>The months of one activity: buckets indexed by month number (year * 12 + month - 1) from a base month.</summary>
internal sealed class ActivitySeries
{
    public int BaseMonth;
    public MonthBucket?[] Months = [];

    /// <summary>Drops the spare capacity of every bucket (after the first build; later adds grow it again).</summary>
    public void TrimExcess()
    {
        foreach (var bucket in Months)
        {
            if (bucket is null)
            {
                continue;
            }
            if (bucket.Items.Length > bucket.Count)
            {
                Array.Resize(ref bucket.Items, Math.Max(bucket.Count, 1));
            }
            if (bucket.Splits.Length > 4 * bucket.SplitCount)
            {
                Array.Resize(ref bucket.Splits, 4 * bucket.SplitCount);
            }
            // Units are numbered as the records name them: a bucket's array grew by doubling to the highest unit it holds.
            var units = bucket.ByUnit.Length;
            while (units > 0 && bucket.ByUnit[units - 1].Count == 0)
            {
                units--;
            }
            if (units < bucket.ByUnit.Length)
            {
                Array.Resize(ref bucket.ByUnit, units);
            }
        }
    }

    public MonthBucket? Get(int month)
    {
        var i = month - BaseMonth;
        return i >= 0 && i < Months.Length ? Months[i] : null;
    }

    public MonthBucket GetOrAdd(int month)
    {
        if (Months.Length == 0)
        {
            BaseMonth = month;
            Months = new MonthBucket?[1];
        }
        else if (month < BaseMonth)
        {
            var grown = new MonthBucket?[Months.Length + (BaseMonth - month)];
            Array.Copy(Months, 0, grown, BaseMonth - month, Months.Length);
            Months = grown;
            BaseMonth = month;
        }
        else if (month - BaseMonth >= Months.Length)
        {
            Array.Resize(ref Months, month - BaseMonth + 1);
        }
        return Months[month - BaseMonth] ??= new MonthBucket();
    }
}

/// <summary>Per-thread scratch for counting distinct facilities per group without clearing arrays between questions.</summary>
internal sealed class DistinctMarks
{
    [ThreadStatic] private static DistinctMarks? _all;
    [ThreadStatic] private static DistinctMarks? _estimates;

    private int[] _stamp = [];
    private int[] _group = [];
    private int _generation;
    private readonly HashSet<long> _overflow = [];

    public static DistinctMarks All => _all ??= new DistinctMarks();

    public static DistinctMarks Estimates => _estimates ??= new DistinctMarks();

    /// <summary>Forgets every mark; sized for facility numbers below <paramref name="facilities"/>.</summary>
    public void Reset(int facilities)
    {
        if (_stamp.Length < facilities)
        {
            var size = Math.Max(facilities, _stamp.Length * 2);
            _stamp = new int[size];
            _group = new int[size];
            _generation = 0;
        }
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
        _overflow.Clear();
    }

    /// <summary>Marks a facility as seen in a group; true when it was not seen in that group before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Mark(int facility, int group)
    {
        if (_stamp[facility] != _generation)
        {
            _stamp[facility] = _generation;
            _group[facility] = group;
            return true;
        }
        return _group[facility] != group && _overflow.Add(((long)group << 32) | (uint)facility);
    }
}
