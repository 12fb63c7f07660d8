using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Catalogue;

/// <summary>The catalogue in memory with lookups by id and by the words people type.</summary>
public sealed class CatalogueIndex
{
    private readonly Dictionary<string, Activity> _activities;
    private readonly Dictionary<string, ProvinceUnit> _provinces;
    private readonly Dictionary<string, Region> _regions;
    private readonly List<(string Phrase, ProvinceUnit Unit)> _provincePhrases;
    private readonly List<(string Phrase, Region Region)> _regionPhrases;
    private readonly List<(string Phrase, Activity Activity)> _activityPhrases;

    public CatalogueIndex(IEnumerable<Activity> activities, IEnumerable<ProvinceUnit> provinces, IEnumerable<Region> regions)
    {
        Activities = activities.OrderBy(a => a.Order).ToList();
        Provinces = provinces.ToList();
        Regions = regions.ToList();
        _activities = Activities.ToDictionary(a => a.Id);
        _provinces = [];
        foreach (var p in Provinces)
        {
            // A former unit that shares its current unit's id is represented by the current one.
            if (!_provinces.TryGetValue(p.Id, out var existing) || (!existing.IsCurrent && p.IsCurrent))
            {
                _provinces[p.Id] = p;
            }
        }
        _regions = Regions.ToDictionary(r => r.Id);

        _provincePhrases = [];
        foreach (var p in Provinces)
        {
            foreach (var phrase in new[] { p.Name, p.ShortName }.Concat(p.Aliases))
            {
                var folded = VnText.FoldWords(phrase);
                if (folded.Length > 0)
                {
                    _provincePhrases.Add((folded, _provinces[p.Id]));
                }
            }
        }
        _provincePhrases = _provincePhrases.DistinctBy(x => (x.Phrase, x.Unit.Id)).OrderByDescending(x => x.Phrase.Length).ToList();
        _regionPhrases = Regions.SelectMany(r => new[] { r.Name }.Concat(r.Aliases).Select(a => (VnText.FoldWords(a), r)))
            .Where(x => x.Item1.Length > 0).OrderByDescending(x => x.Item1.Length).ToList();
        _activityPhrases = Activities.SelectMany(a => new[] { a.Name, a.ShortName, a.Id.Replace('_', ' ') }.Concat(a.Aliases).Select(x => (VnText.FoldWords(x), a)))
            .Where(x => x.Item1.Length > 0).DistinctBy(x => (x.Item1, x.a.Id)).OrderByDescending(x => x.Item1.Length).ToList();
    }

    public IReadOnlyList<Activity> Activities { get; }
    public IReadOnlyList<ProvinceUnit> Provinces { get; }
    public IReadOnlyList<Region> Regions { get; }

    public IEnumerable<ProvinceUnit> CurrentProvinces => _provinces.Values.Where(p => p.IsCurrent);

    public Activity? Activity(string id) => _activities.GetValueOrDefault(id);

    public ProvinceUnit? Province(string id) => _provinces.GetValueOrDefault(id);

    public Region? Region(string id) => _regions.GetValueOrDefault(id);

    /// <summary>The current unit a unit (current or former) belongs to.</summary>
    public ProvinceUnit? CurrentOf(string provinceId) =>
        _provinces.TryGetValue(provinceId, out var p) ? _provinces.GetValueOrDefault(p.CurrentId) : null;

    /// <summary>Ids of every unit recorded under a current unit: itself and the former units merged into it.</summary>
    public IReadOnlyList<string> UnitsOf(string currentId) =>
        Provinces.Where(p => p.CurrentId == currentId).Select(p => p.Id).Append(currentId).Distinct().ToList();

    /// <summary>Former units merged into a current unit, other than the one that shares its name.</summary>
    public IReadOnlyList<ProvinceUnit> FormerUnitsOf(string currentId) =>
        Provinces.Where(p => !p.IsCurrent && p.CurrentId == currentId && p.Id != currentId).ToList();

    /// <summary>Finds a province by exact name, alias or current code ("25", "Vinh Phuc", "hn"); null when unknown.</summary>
    public ProvinceUnit? FindProvince(string text)
    {
        var folded = VnText.FoldWords(text);
        if (folded.Length == 0)
        {
            return null;
        }
        if (folded.All(char.IsDigit))
        {
            var code = folded.PadLeft(2, '0');
            return _provinces.Values.FirstOrDefault(p => p.IsCurrent && p.Code == code);
        }
        foreach (var prefix in new[] { "", "tinh ", "thanh pho ", "tp " })
        {
            var candidate = prefix.Length > 0 && folded.StartsWith(prefix, StringComparison.Ordinal) ? folded[prefix.Length..] : folded;
            var hit = _provincePhrases.FirstOrDefault(x => x.Phrase == candidate);
            if (hit.Unit is not null)
            {
                return hit.Unit;
            }
        }
        return null;
    }

    /// <summary>Finds the first province named inside a longer text, as whole words; returns the matched phrase too.</summary>
    public (ProvinceUnit Unit, string Phrase)? FindProvinceIn(string foldedWords)
    {
        foreach (var (phrase, unit) in _provincePhrases)
        {
            if (VnText.ContainsWords(foldedWords, phrase))
            {
                return (unit, phrase);
            }
        }
        return null;
    }

    public Region? FindRegionIn(string foldedWords) =>
        _regionPhrases.FirstOrDefault(x => VnText.ContainsWords(foldedWords, x.Phrase)).Region;

    /// <summary>Finds an activity by id, name or alias ("trade_fair", "hội chợ").</summary>
    public Activity? FindActivity(string text)
    {
        var trimmed = text.Trim();
        if (_activities.TryGetValue(trimmed, out var byId))
        {
            return byId;
        }
        var folded = VnText.FoldWords(trimmed);
        return _activityPhrases.FirstOrDefault(x => x.Phrase == folded).Activity;
    }

    /// <summary>Finds the first activity named inside a longer text, as whole words.</summary>
    public Activity? FindActivityIn(string foldedWords) =>
        _activityPhrases.FirstOrDefault(x => VnText.ContainsWords(foldedWords, x.Item1)).Activity;
}
