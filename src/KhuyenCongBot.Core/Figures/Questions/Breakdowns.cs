using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The rows of a breakdown (by province, activity, month, quarter, year or source): values, labels, gaps and planned provinces shown, ordered.</summary>
public sealed class Breakdowns(IFigureSource figures, IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes, QuestionQueries queries, MemberFigures members, UserTexts texts)
{
    /// <summary>The catalogue the rows are labelled from.</summary>
    public CatalogueIndex Catalogue => catalogue;

    /// <summary>Breakdown rows with labels, ordered and cut to the question's top N.</summary>
    public IReadOnlyList<(string Key, string Label, FigureValue Value)> Rows(Question q, string? activityId, string measure, BreakdownBy by)
    {
        // Several named provinces: one row per province as asked (a former province keeps its own records).
        var source = by == BreakdownBy.Province && ScopeResolver.IsMany(q.Scope)
            ? members.Values(q, activityId, measure).Select(x => new KeyValuePair<string, FigureValue>(ScopeResolver.Split(x.Scope).Id, x.Value)).ToList()
            : figures.Breakdown(queries.Query(q, by == BreakdownBy.Activity ? null : activityId, measure), by);
        var rows = (FigureRules.IsChronological(by) ? EveryBucket(q, source, by)
                : by == BreakdownBy.Source ? EverySource(source)
                : source.Where(kv => kv.Value.Value != 0))
            .Select(kv => (kv.Key, Label: KeyLabel(kv.Key, by), kv.Value))
            .ToList();
        if (q.ComparePlan && by == BreakdownBy.Province && !ScopeResolver.IsMany(q.Scope))
        {
            // Against the plan: a province with a plan and nothing done yet is listed with 0 (and 0 % of its plan).
            var units = scopes.UnitIds(q.Scope);
            var metric = $"{activityId ?? "*"}.{measure}";
            var planned = store.Plans.ForYear(q.To.Year).CountedIn(q.To.Year, catalogue).Where(p => p.Metric == metric && p.Target > 0 && (units is null || units.Contains(p.ProvinceId)))
                .Select(p => catalogue.CurrentOf(p.ProvinceId)?.Id ?? p.ProvinceId).Distinct(StringComparer.Ordinal).ToList();
            rows.AddRange(planned.Where(id => rows.All(r => r.Key != id)).Select(id => (id, KeyLabel(id, by), default(FigureValue))));
        }
        if (FigureRules.IsChronological(by))
        {
            rows = rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            if (q.Top is not null)
            {
                // "tháng nào ít nhất năm nay": a month not yet come is no month with the fewest.
                rows = rows.Where(r => !NotYet(q, r.Key, by)).ToList();
                rows = (q.Ascending ? rows.OrderBy(r => r.Value.Value) : rows.OrderByDescending(r => r.Value.Value)).ToList();
            }
        }
        else
        {
            rows = (q.Ascending ? rows.OrderBy(r => r.Value.Value) : rows.OrderByDescending(r => r.Value.Value)).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        }
        return rows;
    }

    /// <summary>
    /// Every month (quarter, year) of the period, zeros included, so that gaps show; a period from the beginning of records
    /// starts at the first bucket with data.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, FigureValue>> EveryBucket(Question q, IReadOnlyList<KeyValuePair<string, FigureValue>> found, BreakdownBy by)
    {
        var known = found.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        // A period cut at today ("năm nay") still lists its months up to the end as asked: those after today as not yet come.
        var keys = ChronologicalKeys(q.From, q.AskedTo ?? q.To, by).ToList();
        if (q.From <= PeriodParser.Beginning)
        {
            keys = keys.SkipWhile(k => !known.ContainsKey(k)).ToList();
        }
        return keys.Select(k => new KeyValuePair<string, FigureValue>(k, known.GetValueOrDefault(k)));
    }

    /// <summary>
    /// A month, quarter or year of a period cut at today (<see cref="Question.AskedTo"/>) that starts after today: not yet come,
    /// shown as "—" with no bar, never as a 0 that reads "nothing happened".
    /// </summary>
    public static bool NotYet(Question q, string key, BreakdownBy by) =>
        q.AskedTo is not null && FigureRules.IsChronological(by) && BucketStart(key) is { } start && start > q.To;

    /// <summary>The first day of a "yyyy", "yyyy-MM" or "yyyy-Qn" key.</summary>
    private static DateOnly? BucketStart(string key)
    {
        if (key.Length < 4 || !int.TryParse(key.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }
        if (key.Length == 4)
        {
            return new DateOnly(year, 1, 1);
        }
        if (key.Length == 7 && key[5] == 'Q' && key[6] is >= '1' and <= '4')
        {
            return new DateOnly(year, (key[6] - '1') * 3 + 1, 1);
        }
        return key.Length == 7 && int.TryParse(key.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? new DateOnly(year, month, 1) : null;
    }

    /// <summary>The keys of the months, quarters or years that a period touches, in order.</summary>
    public static IEnumerable<string> ChronologicalKeys(DateOnly from, DateOnly to, BreakdownBy by)
    {
        if (to < from)
        {
            yield break;
        }
        for (var y = from.Year; y <= to.Year; y++)
        {
            if (by == BreakdownBy.Year)
            {
                yield return FigureRules.YearKey(y);
                continue;
            }
            var first = y == from.Year ? from.Month : 1;
            var last = y == to.Year ? to.Month : 12;
            for (var m = first; m <= last; m++)
            {
                if (by == BreakdownBy.Month)
                {
                    yield return FigureRules.MonthKey(y, m);
                }
                else if (m == first || m % 3 == 1)
                {
                    yield return FigureRules.QuarterKey(y, (m + 2) / 3);
                }
            }
        }
    }

    /// <summary>KCQG and KCĐP always (zeros included); counterpart, other and "không rõ nguồn" when records carry them.</summary>
    private static IEnumerable<KeyValuePair<string, FigureValue>> EverySource(IReadOnlyList<KeyValuePair<string, FigureValue>> found)
    {
        var known = found.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var key in FundingSources.All.Select(s => FundingSources.Key(s)).Append(FundingSources.UnknownKey))
        {
            var value = known.GetValueOrDefault(key);
            if (value.Records > 0 || key is "kcqg" or "kcdp")
            {
                yield return new(key, value);
            }
        }
    }

    public string KeyLabel(string key, BreakdownBy by, bool english = false) => by switch
    {
        BreakdownBy.Source => FundingSources.LabelOfKey(texts, key, english),
        BreakdownBy.Quarter => QuarterLabel(key, english),
        BreakdownBy.Province or BreakdownBy.RecordedProvince => catalogue.Province(key)?.ShortName ?? key,
        BreakdownBy.Activity => (english ? catalogue.Activity(key)?.EnglishName : catalogue.Activity(key)?.ShortName) ?? key,
        BreakdownBy.Year => texts.Text(english, "figures.breakdown.year", ("year", key)),
        _ => MonthLabel(key, english),
    };

    /// <summary>"Tháng 5/2024" for a "2024-05" key.</summary>
    public string MonthLabel(string key, bool english = false)
    {
        var parts = key.Split('-');
        return parts.Length == 2 && int.TryParse(parts[1], out var m) ? texts.Text(english, "figures.breakdown.month", ("month", m), ("year", parts[0])) : key;
    }

    /// <summary>"Quý III/2025" for "2025-Q3".</summary>
    public string QuarterLabel(string key, bool english = false)
    {
        var quarter = key.Length == 7 ? key[6] - '0' : 0;
        var year = key[..4];
        return quarter switch
        {
            1 => texts.Text(english, "figures.breakdown.quarter_1", ("year", year)),
            2 => texts.Text(english, "figures.breakdown.quarter_2", ("year", year)),
            3 => texts.Text(english, "figures.breakdown.quarter_3", ("year", year)),
            4 => texts.Text(english, "figures.breakdown.quarter_4", ("year", year)),
            _ => key,
        };
    }
}
