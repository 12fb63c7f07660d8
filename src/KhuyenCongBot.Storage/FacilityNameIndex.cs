using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Storage;

/// <summary>What the name index keeps of a committed facility.</summary>
internal sealed record FacilityName(long Id, string Name, string NormalizedName, string ProvinceId, IReadOnlyList<string> Tokens);

/// <summary>
/// Every committed facility's name in memory: per province unit, its folded name words with the facilities that have each
/// (ascending ids), and the facilities per whole folded name, so a name search (a facility's history, the forms' lookups) reads
/// no facility document: it reads the same words, in the same order and with the same budget, as the search in the file
/// (<see cref="FacilitySearchPlan"/>), and scores the same candidates.
/// </summary>
/// <remarks>
/// Loaded from the file on first use; kept current by <see cref="FacilityRepository.Add"/>, which publishes a facility once its
/// transaction commits (a rolled-back one is never seen). A facility published while the load runs is taken in after it (adding a
/// facility already there does nothing). Facilities are never changed or deleted once added.
/// About 250 bytes a facility (its name, folded name and words): 29 MB for the benchmark's 120.000 facilities.
/// </remarks>
internal sealed class FacilityNameIndex(Func<IEnumerable<FacilityName>> read, Comparison<string> keyOrder)
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly object _loadOnce = new();
    private readonly object _loadGate = new();
    private State? _state;
    private List<FacilityName>? _pending;

    /// <summary>Whether the facilities were read from the file (tests).</summary>
    public bool Loaded => Volatile.Read(ref _state) is not null;

    /// <summary>Facilities held (tests).</summary>
    public int Count
    {
        get
        {
            var state = Load();
            _lock.EnterReadLock();
            try
            {
                return state.Ids.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Takes in a committed facility.</summary>
    public void Put(FacilityName facility)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_state is { } state)
            {
                state.Put(facility);
            }
            else
            {
                lock (_loadGate)
                {
                    _pending?.Add(facility);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The ids and scores of the facilities of <paramref name="provinceIds"/> whose names match <paramref name="query"/> best, best
    /// first: what <see cref="FacilityRepository.SearchInFile"/> finds (see the remarks there on the budget).
    /// </summary>
    public List<(long Id, double Score)> Search(IReadOnlyCollection<string> provinceIds, string query, int limit, double threshold)
    {
        var folded = VnText.FoldWords(query);
        if (limit <= 0 || folded.Length == 0 || provinceIds.Count == 0)
        {
            return [];
        }
        var provinces = provinceIds.Distinct().ToList();
        var state = Load();
        List<(long Id, string Name, string Folded)> candidates;
        _lock.EnterReadLock();
        try
        {
            candidates = state.Candidates(provinces, folded, keyOrder);
        }
        finally
        {
            _lock.ExitReadLock();
        }
        // As FacilitySearch.Find: the score of the folded name, best first, then by name; equal ones in the order read.
        return new FacilityScorer(folded).Best(candidates, limit, threshold);
    }

    /// <summary>
    /// Whether a search for <paramref name="query"/> meets a batch of words with more facilities than its budget left: then the file's
    /// search reads a part of them that depends on LiteDB's skip list (tests compare the two searches where it is not so).
    /// </summary>
    internal bool Cut(IReadOnlyCollection<string> provinceIds, string query)
    {
        var folded = VnText.FoldWords(query);
        if (folded.Length == 0 || provinceIds.Count == 0)
        {
            return false;
        }
        var state = Load();
        _lock.EnterReadLock();
        try
        {
            return state.Cut(provinceIds.Distinct().ToList(), folded, keyOrder);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private State Load()
    {
        if (Volatile.Read(ref _state) is { } held)
        {
            return held;
        }
        // One load at a time; Put only waits for the short steps under _loadGate.
        lock (_loadOnce)
        {
            if (_state is { } loaded)
            {
                return loaded;
            }
            lock (_loadGate)
            {
                _pending = [];
            }
            var built = new State();
            foreach (var f in read())
            {
                built.Put(f);
            }
            built.TrimExcess();
            _lock.EnterWriteLock();
            try
            {
                lock (_loadGate)
                {
                    foreach (var f in _pending ?? [])
                    {
                        built.Put(f);
                    }
                    _pending = null;
                    Volatile.Write(ref _state, built);
                    return built;
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }

    /// <summary>One province unit's words: the facilities (numbers, ascending ids) per folded word, and the words as a search reads them.</summary>
    private sealed class Unit(string id)
    {
        public string Id { get; } = id;

        public Dictionary<string, List<int>> Words { get; } = new(StringComparer.Ordinal);

        /// <summary>Built on use, forgotten when a facility of the unit is added.</summary>
        public UnitWordOrder? Order;
    }

    /// <summary>The facilities held, numbered in the order taken in; read under the read lock, changed under the write lock.</summary>
    private sealed class State
    {
        public readonly List<long> Ids = [];
        private readonly List<string> _names = [];
        private readonly List<string> _folded = [];
        private readonly List<Unit> _units = [];

        /// <summary>The next facility with the same whole folded name (ascending ids), or -1.</summary>
        private readonly List<int> _sameName = [];
        private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Unit> _unitsById = new(StringComparer.Ordinal);
        private readonly AllUnitWords _allWords = new();

        public void Put(FacilityName f)
        {
            var n = Ids.Count;
            if (_byName.TryGetValue(f.NormalizedName, out var first))
            {
                // Ascending ids along the chain; the same id again is a facility already taken in.
                var (before, at) = (-1, first);
                while (at >= 0 && Ids[at] < f.Id)
                {
                    (before, at) = (at, _sameName[at]);
                }
                if (at >= 0 && Ids[at] == f.Id)
                {
                    return;
                }
                _sameName.Add(at);
                if (before < 0)
                {
                    _byName[f.NormalizedName] = n;
                }
                else
                {
                    _sameName[before] = n;
                }
            }
            else
            {
                _sameName.Add(-1);
                _byName[f.NormalizedName] = n;
            }
            var folded = VnText.FoldWords(f.Name);
            Ids.Add(f.Id);
            _names.Add(f.Name);
            _folded.Add(folded == f.NormalizedName ? f.NormalizedName : folded);
            if (!_unitsById.TryGetValue(f.ProvinceId, out var unit))
            {
                _unitsById[f.ProvinceId] = unit = new Unit(f.ProvinceId);
            }
            _units.Add(unit);
            foreach (var token in f.Tokens.Distinct())
            {
                if (!unit.Words.TryGetValue(token, out var list))
                {
                    unit.Words[token] = list = [];
                    _allWords.Add(token);
                }
                var at = list.Count;
                while (at > 0 && Ids[list[at - 1]] > f.Id)
                {
                    at--;
                }
                list.Insert(at, n);
            }
            Volatile.Write(ref unit.Order, null);
        }

        /// <summary>Gives back the room the lists grew into while loading.</summary>
        public void TrimExcess()
        {
            Ids.TrimExcess();
            _names.TrimExcess();
            _folded.TrimExcess();
            _units.TrimExcess();
            _sameName.TrimExcess();
            foreach (var unit in _unitsById.Values)
            {
                foreach (var list in unit.Words.Values)
                {
                    list.TrimExcess();
                }
            }
        }

        /// <summary>The candidates a search scores, in the order read: the whole name typed, then the plan's words, batch by batch.</summary>
        public List<(long Id, string Name, string Folded)> Candidates(List<string> provinces, string folded, Comparison<string> keyOrder)
        {
            // Sized for the budget: grown step by step they allocated several times what they hold.
            var seen = new HashSet<int>(FacilitySearchPlan.MaxCandidates + 1);
            var read = new List<int>(FacilitySearchPlan.MaxCandidates + 1);
            // The whole name typed: always offered, whatever the budget.
            if (_byName.TryGetValue(folded, out var n))
            {
                for (; n >= 0; n = _sameName[n])
                {
                    if (provinces.Contains(_units[n].Id) && seen.Add(n))
                    {
                        read.Add(n);
                    }
                }
            }
            var budget = FacilitySearchPlan.MaxCandidates;
            var inBatch = new HashSet<int>(FacilitySearchPlan.MaxCandidates);
            foreach (var batch in FacilitySearchPlan.Batches(folded, word => CountOf(provinces, word), word => KeysOf(provinces, word, keyOrder)))
            {
                if (budget <= 0)
                {
                    break;
                }
                // One query in the file: each facility once however many of the batch's words it has, at most the budget left,
                // facilities read before included.
                inBatch.Clear();
                foreach (var key in batch)
                {
                    if (inBatch.Count >= budget)
                    {
                        break;
                    }
                    if (!_unitsById.TryGetValue(key.Province, out var unit) || !unit.Words.TryGetValue(key.Token, out var facilities))
                    {
                        continue;
                    }
                    foreach (var f in facilities)
                    {
                        if (inBatch.Count >= budget)
                        {
                            break;
                        }
                        if (inBatch.Add(f) && seen.Add(f))
                        {
                            read.Add(f);
                        }
                    }
                }
                budget -= inBatch.Count;
            }
            return read.Select(f => (Ids[f], _names[f], _folded[f])).ToList();
        }

        public bool Cut(List<string> provinces, string folded, Comparison<string> keyOrder)
        {
            var budget = FacilitySearchPlan.MaxCandidates;
            foreach (var batch in FacilitySearchPlan.Batches(folded, word => CountOf(provinces, word), word => KeysOf(provinces, word, keyOrder)))
            {
                if (budget <= 0)
                {
                    return false;
                }
                var distinct = batch.SelectMany(k => _unitsById.TryGetValue(k.Province, out var u) && u.Words.TryGetValue(k.Token, out var list) ? list : [])
                    .Distinct().Count();
                if (distinct > budget)
                {
                    return true;
                }
                budget -= distinct;
            }
            return false;
        }

        /// <summary>The units' words a typed word matches, in the order the file's plan reads them (<see cref="FacilitySearchPlan.Batches(List{string}, string, Func{string, ProvinceWords})"/>).</summary>
        private List<WordKey> KeysOf(List<string> provinces, string word, Comparison<string> keyOrder) =>
            _allWords.KeysOf(provinces, word, p => _unitsById.TryGetValue(p, out var unit) ? (OrderOf(unit, keyOrder), unit.Words) : null);

        private long CountOf(List<string> provinces, string word) =>
            _allWords.CountOf(provinces, word, p => _unitsById.TryGetValue(p, out var unit) ? unit.Words : null);

        /// <summary>A unit's words in the order of their keys, built once per change of the unit.</summary>
        private static UnitWordOrder OrderOf(Unit unit, Comparison<string> keyOrder)
        {
            if (Volatile.Read(ref unit.Order) is { } held)
            {
                return held;
            }
            var order = UnitWordOrder.Of(unit.Id, unit.Words.Keys, keyOrder);
            Volatile.Write(ref unit.Order, order);
            return order;
        }
    }
}
