namespace KhuyenCongBot.Core.Figures;

/// <summary>One record as entered: its UTC day and second of that day, activity number and recorded unit (12 bytes; the day is not kept in a day's list).</summary>
internal struct EnteredEntry
{
    public int Day;
    public int Second;
    public ushort Activity;
    public ushort Unit;
}

/// <summary>An unsorted list of entered records (per officer, or per UTC day).</summary>
internal sealed class EnteredList
{
    public EnteredEntry[] Items = new EnteredEntry[4];
    public int Count;

    public void Add(in EnteredEntry e)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Items.Length * 2);
        }
        Items[Count++] = e;
    }

    public void TrimExcess()
    {
        if (Items.Length > Count)
        {
            Array.Resize(ref Items, Math.Max(Count, 1));
        }
    }

    public void Remove(in EnteredEntry e)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Items[i].Day == e.Day && Items[i].Second == e.Second && Items[i].Activity == e.Activity && Items[i].Unit == e.Unit)
            {
                Items[i] = Items[--Count];
                return;
            }
        }
    }
}

/// <summary>
/// The index's records by when they were entered: a list per officer (one's own records) and a list per UTC day (new records), so
/// that neither question reads the store. Times are UTC seconds: the question's local days become instants, whatever the zone.
/// </summary>
/// <remarks>Called under <see cref="FiguresIndex"/>'s lock, like <see cref="IndexedRecords"/> whose activity and unit numbers it keeps.</remarks>
internal sealed class EnteredRecords(IndexedRecords records)
{
    private const int SecondsPerDay = 86_400;
    private readonly Dictionary<long, EnteredList> _enteredBy = [];
    private readonly Dictionary<int, EnteredList> _enteredOn = [];

    /// <summary>See <see cref="IEnteredFigures.EnteredByActivity"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByActivity(long? creatorId, IReadOnlySet<string>? provinceIds, DateTimeOffset from, DateTimeOffset to)
    {
        var first = Seconds(from);
        var end = Seconds(to);
        var counts = new int[records.ActivityIds.Count];
        bool[]? mask = provinceIds is null ? null : records.UnitMask(provinceIds);
        if (creatorId is { } creator)
        {
            if (_enteredBy.TryGetValue(creator, out var own))
            {
                CountEntered(own, first, end, mask, counts);
            }
        }
        else if (end > first)
        {
            for (var day = DayOf(first); day <= DayOf(end - 1); day++)
            {
                if (_enteredOn.TryGetValue(day, out var list))
                {
                    CountEntered(list, first, end, mask, counts);
                }
            }
        }
        var result = new List<KeyValuePair<string, int>>();
        for (var a = 0; a < counts.Length; a++)
        {
            if (counts[a] > 0)
            {
                result.Add(new(records.ActivityIds[a], counts[a]));
            }
        }
        result.Sort((x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : string.CompareOrdinal(x.Key, y.Key));
        return result;
    }

    private static void CountEntered(EnteredList list, long first, long end, bool[]? mask, int[] counts)
    {
        foreach (ref readonly var e in list.Items.AsSpan(0, list.Count))
        {
            var at = (long)e.Day * SecondsPerDay + e.Second;
            if (at >= first && at < end && (mask is null || mask[e.Unit]))
            {
                counts[e.Activity]++;
            }
        }
    }

    /// <summary>Whole UTC seconds since the Unix epoch (the question's bounds are whole seconds: comparing floors is exact).</summary>
    private static long Seconds(DateTimeOffset t) => FloorDiv(t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.TicksPerSecond);

    private static int DayOf(long seconds) => (int)FloorDiv(seconds, SecondsPerDay);

    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);

    private static EnteredEntry Entered(DateTimeOffset createdAt, int activity, ushort unit)
    {
        var s = Seconds(createdAt);
        var day = DayOf(s);
        return new EnteredEntry { Day = day, Second = (int)(s - (long)day * SecondsPerDay), Activity = (ushort)activity, Unit = unit };
    }

    public void Add(long creator, DateTimeOffset createdAt, int activity, ushort unit)
    {
        var e = Entered(createdAt, activity, unit);
        if (!_enteredBy.TryGetValue(creator, out var own))
        {
            _enteredBy[creator] = own = new EnteredList();
        }
        own.Add(e);
        if (!_enteredOn.TryGetValue(e.Day, out var day))
        {
            _enteredOn[e.Day] = day = new EnteredList();
        }
        day.Add(e);
    }

    /// <summary>Drops the spare capacity of the lists after the first build.</summary>
    public void TrimExcess()
    {
        foreach (var list in _enteredBy.Values.Concat(_enteredOn.Values))
        {
            list.TrimExcess();
        }
    }

    public void Remove(long creator, DateTimeOffset createdAt, int activity, ushort unit)
    {
        var e = Entered(createdAt, activity, unit);
        if (_enteredBy.TryGetValue(creator, out var own))
        {
            own.Remove(e);
        }
        if (_enteredOn.TryGetValue(e.Day, out var day))
        {
            day.Remove(e);
        }
    }
}
