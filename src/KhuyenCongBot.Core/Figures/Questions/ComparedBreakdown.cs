using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// One row of a comparison broken down: the row's figure in the period asked and in the period compared with (the same province,
/// source or activity; for months and quarters the matching bucket, January with January), each with its own dates.
/// </summary>
public sealed record ComparedRow(string Key, FigureValue Now, DateOnly From, DateOnly To, string? BaseKey, FigureValue Before, DateOnly BaseFrom, DateOnly BaseTo, bool NotYet)
{
    /// <summary>The change from the compared period to the period asked.</summary>
    public decimal Delta => Now.Value - Before.Value;
}

/// <summary>
/// A comparison of two periods broken down (by province, month, quarter, source, activity): both periods and the difference on
/// every row. An outside tester's "so sánh gian hàng năm 2024 và 2025 theo tỉnh" gave the national comparison, then the provinces
/// of 2025 alone. Provinces are counted within their present borders in both periods (<see cref="BreakdownBy.Province"/> puts a
/// former province's records in the province it merged into), and the answer says so when a period is before the merger.
/// </summary>
public sealed class ComparedBreakdown(Breakdowns breakdowns, CatalogueIndex catalogue)
{
    /// <summary>Whether a question's breakdown (or its several provinces) is shown as a comparison of two periods.</summary>
    public static bool Applies(Question q) => (q.CompareLastYear || q.Change) && !q.ComparePlan && q.Top is null;

    /// <summary>The period asked about without the comparison, as the base period's question.</summary>
    public static Question BaseQuestion(Question q, Period basePeriod) => q.WithPeriod(basePeriod) with
    {
        CompareLastYear = false, Change = false, CompareYear = null, VsFrom = null, VsTo = null, VsLabel = null, Top = null, ComparePlan = false,
    };

    /// <summary>The rows: every bucket of the period asked (matched by position with the compared period's), or every province
    /// (source, activity) with a figure in either period, largest first.</summary>
    public IReadOnlyList<ComparedRow> Rows(Question q, string? activityId, string measure, BreakdownBy by)
    {
        var basePeriod = ComparisonText.BasePeriod(q);
        var now = breakdowns.Rows(q with { Top = null, ComparePlan = false }, activityId, measure, by);
        var before = breakdowns.Rows(BaseQuestion(q, basePeriod), activityId, measure, by);
        if (FigureRules.IsChronological(by))
        {
            var rows = new List<ComparedRow>();
            for (var i = 0; i < now.Count; i++)
            {
                var (from, to) = BucketDates(now[i].Key, q.From, q.To);
                var notYet = Breakdowns.NotYet(q, now[i].Key, by);
                if (i < before.Count)
                {
                    var (baseFrom, baseTo) = BucketDates(before[i].Key, basePeriod.From, basePeriod.To);
                    rows.Add(new ComparedRow(now[i].Key, now[i].Value, from, to, before[i].Key, before[i].Value, baseFrom, baseTo, notYet));
                }
                else
                {
                    rows.Add(new ComparedRow(now[i].Key, now[i].Value, from, to, null, default, default, default, notYet));
                }
            }
            return rows;
        }
        var earlier = before.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var keys = now.Select(r => r.Key).Concat(before.Select(r => r.Key)).Distinct(StringComparer.Ordinal).ToList();
        var later = now.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var list = keys.Select(k => new ComparedRow(k, later.GetValueOrDefault(k), q.From, q.To, k, earlier.GetValueOrDefault(k), basePeriod.From, basePeriod.To, false)).ToList();
        if (by == BreakdownBy.Source)
        {
            // The support (KCQG, KCĐP, no source) first, the facility's counterpart and other money after it, as the breakdown lists them.
            return list.OrderBy(r => r.Key is "counterpart" or "other" ? 1 : 0).ThenByDescending(r => r.Now.Value).ThenByDescending(r => r.Before.Value).ToList();
        }
        return list.OrderByDescending(r => r.Now.Value).ThenByDescending(r => r.Before.Value)
            .ThenBy(r => breakdowns.KeyLabel(r.Key, by), StringComparer.Ordinal).ToList();
    }

    /// <summary>The days of a "yyyy-MM", "yyyy-Qn" or "yyyy" bucket within a period.</summary>
    public static (DateOnly From, DateOnly To) BucketDates(string key, DateOnly periodFrom, DateOnly periodTo)
    {
        var year = int.Parse(key.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        DateOnly start, end;
        if (key.Length == 4)
        {
            (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        else if (key[5] == 'Q')
        {
            start = new DateOnly(year, (key[6] - '1') * 3 + 1, 1);
            end = start.AddMonths(3).AddDays(-1);
        }
        else
        {
            start = new DateOnly(year, int.Parse(key.AsSpan(5, 2), System.Globalization.CultureInfo.InvariantCulture), 1);
            end = start.AddMonths(1).AddDays(-1);
        }
        return (start < periodFrom ? periodFrom : start, end > periodTo ? periodTo : end);
    }

    /// <summary>
    /// "(… Phú Thọ gồm Vĩnh Phúc, Hòa Bình; Bắc Ninh gồm Bắc Giang …)": the provinces shown that a former province merged into, when
    /// either period starts before the merger; null otherwise.
    /// </summary>
    public IReadOnlyList<(string Current, IReadOnlyList<string> Formers)> MergedShown(Question q, IEnumerable<string> keys, BreakdownBy by)
    {
        var basePeriod = ComparisonText.BasePeriod(q);
        if (by != BreakdownBy.Province || (q.From >= ProvinceUnit.MergedOn && basePeriod.From >= ProvinceUnit.MergedOn))
        {
            return [];
        }
        return keys.Select(k => (Id: k, Formers: catalogue.Province(k) is { IsCurrent: true } ? catalogue.FormerUnitsOf(k).Select(f => f.ShortName).ToList() : []))
            .Where(x => x.Formers.Count > 0)
            .Select(x => (catalogue.Province(x.Id)!.ShortName, (IReadOnlyList<string>)x.Formers))
            .ToList();
    }
}
