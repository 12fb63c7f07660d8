using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>One metric line of an answer.</summary>
public sealed record AnswerLine(string? ActivityId, string Measure, FigureValue Value);

/// <summary>Computes what a question asks (figures, plan, same period, breakdown) and writes the answer in Vietnamese format.</summary>
public sealed class FigureAnswerer(IFigureSource figures, IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes)
{
    public FigureQuery Query(Question q, string? activityId, string measure, Period? period = null)
    {
        var p = period ?? q.Period;
        return new FigureQuery(activityId, measure, p.From, p.To, scopes.UnitIds(q.Scope), q.Status, q.Source, q.Beneficiary);
    }

    /// <summary>The same query limited to one scope (a member of a several-province question).</summary>
    private FigureQuery QueryIn(Question q, string scope, string? activityId, string measure) =>
        Query(q, activityId, measure) with { ProvinceIds = scopes.UnitIds(scope) };

    /// <summary>"năm 2024", or its English label.</summary>
    public static string PeriodText(Question q, bool english) => !english ? q.PeriodLabel
        : q.From == PeriodParser.Beginning ? $"all records up to {VnFormat.Date(q.To)}" : PeriodLabels.DescribeEnglish(q.From, q.To);

    /// <summary>The (activity, measure) pairs a question covers: one, an activity's measures, or the whole summary.</summary>
    public IReadOnlyList<(string? ActivityId, string Measure)> Metrics(Question q)
    {
        if (q.Measure is not null)
        {
            return [(q.ActivityId, q.Measure)];
        }
        if (q.ActivityId is not null && catalogue.Activity(q.ActivityId) is { } activity)
        {
            return activity.Measures.Select(m => ((string?)activity.Id, m)).ToList();
        }
        // The summary: each activity's headline measures (up to its first count of facilities or participations), as the article reports them.
        return catalogue.Activities.SelectMany(a => HeadlineMeasures(a).Select(m => ((string?)a.Id, m)))
            .Append((null, Measures.Facilities)).Append((null, Measures.Funding)).ToList();
    }

    private static IEnumerable<string> HeadlineMeasures(Activity activity)
    {
        foreach (var m in activity.Measures)
        {
            if (m == Measures.Funding)
            {
                continue;
            }
            yield return m;
            if (m is Measures.Facilities or Measures.Participations)
            {
                yield break;
            }
        }
    }

    /// <summary>The metric used for breakdowns, charts and comparisons of a many-metric question.</summary>
    public (string? ActivityId, string Measure) Primary(Question q)
    {
        if (q.Measure is not null)
        {
            return (q.ActivityId, q.Measure);
        }
        if (q.ActivityId is not null && catalogue.Activity(q.ActivityId) is { Measures.Count: > 0 } activity)
        {
            return (activity.Id, activity.Measures[0]);
        }
        return (null, Measures.Participations);
    }

    public IReadOnlyList<AnswerLine> Lines(Question q)
    {
        var lines = Metrics(q).Select(m => new AnswerLine(m.ActivityId, m.Measure, figures.Total(Query(q, m.ActivityId, m.Measure)))).ToList();
        if (q.Measure is null)
        {
            // Many metrics: keep those with data (and always the first, so an empty answer still says 0).
            var kept = lines.Where(l => l.Value.Value != 0).ToList();
            return kept.Count > 0 ? kept : lines.Take(1).ToList();
        }
        return lines;
    }

    /// <summary>The year plan of a metric over a set of recorded units (a region's plan is the sum of its provinces'); null when none is set.</summary>
    public decimal? PlanTarget(int year, string metric, IReadOnlySet<string>? unitIds)
    {
        var plans = store.Plans.ForYear(year).Where(p => p.Metric == metric && (unitIds is null || unitIds.Contains(p.ProvinceId))).ToList();
        return plans.Count == 0 ? null : plans.Sum(p => p.Target);
    }

    /// <summary>The period of the comparison year ("cùng kỳ năm 2023").</summary>
    public static Period BasePeriod(Question q)
    {
        if (q.VsFrom is { } vf && q.VsTo is { } vt)
        {
            return new Period(vf, vt, q.VsLabel ?? "");
        }
        var period = q.Period;
        // A period of several years ("3 năm qua", "giai đoạn 2021-2025") is compared with the same span just before it.
        var span = q.To.Year - q.From.Year + 1;
        var years = q.CompareYear is null && span > 1 ? span : Math.Max(1, q.To.Year - (q.CompareYear ?? q.To.Year - 1));
        for (var i = 0; i < years; i++)
        {
            period = period.SamePeriodLastYear();
        }
        return period;
    }

    /// <summary>The whole text answer.</summary>
    public string Answer(Question q, bool english)
    {
        var sb = new StringBuilder();
        var lines = Lines(q);
        if (lines.Count == 1)
        {
            var l = lines[0];
            sb.Append(SourceText.Title(catalogue, l.ActivityId, l.Measure, q.Source, english)).Append(": ")
              .Append(MetricText.Value(l.Measure, l.Value.Value, english)).Append(MetricText.Note(q.Status, l.Measure, l.Value, english)).AppendLine();
            if (SourceText.Note(q.Source, l.Measure, l.Value.Records, english) is { Length: > 0 } note)
            {
                sb.AppendLine(note);
            }
        }
        else
        {
            var title = q.Summary || q.ActivityId is null
                ? (english ? "Summary of results" : "Tổng hợp kết quả")
                : english ? catalogue.Activity(q.ActivityId)?.EnglishName : catalogue.Activity(q.ActivityId)?.ShortName;
            sb.Append(title).Append(MetricText.StatusNote(q.Status, english)).Append(SourceText.Suffix(q.Source, english)).AppendLine(":");
            foreach (var l in lines)
            {
                sb.Append("• ").Append(MetricText.Title(catalogue, l.ActivityId, l.Measure, english)).Append(": ")
                  .Append(MetricText.Value(l.Measure, l.Value.Value, english)).Append(q.Status is null ? MetricText.EstimateNote(l.Measure, l.Value, english) : "").AppendLine();
            }
        }
        var periodText = PeriodText(q, english);
        sb.Append(english ? "Period: " : "Thời gian: ").Append(periodText);
        if (!periodText.Contains(VnFormat.Date(q.To), StringComparison.Ordinal))
        {
            sb.Append(" (").Append(VnFormat.Date(q.From)).Append(" – ").Append(VnFormat.Date(q.To)).Append(')');
        }
        sb.AppendLine();
        sb.Append(english ? "Scope: " : "Phạm vi: ").AppendLine(scopes.Label(q.Scope, english));

        var (activity, measure) = Primary(q);
        var main = lines.FirstOrDefault(l => l.ActivityId == activity && l.Measure == measure)
            ?? new AnswerLine(activity, measure, figures.Total(Query(q, activity, measure)));
        var comparedMetric = lines.Count > 1 ? ", " + SourceText.Title(catalogue, activity, measure, q.Source, english) : "";
        if (ScopeResolver.IsMany(q.Scope) && q.Breakdown is null)
        {
            sb.Append(MembersText(q, activity, measure, lines.Count > 1, english));
        }
        if (q.ComparePlan)
        {
            // Several metrics ("tiến độ kế hoạch tư vấn"): every one that has a plan; else what is missing for the main one.
            var planned = lines.Count > 1
                ? lines.Where(l => PlanTarget(q.To.Year, $"{l.ActivityId ?? "*"}.{l.Measure}", scopes.UnitIds(q.Scope)) is > 0).ToList()
                : [];
            // One line per planned measure; the same line twice ("plans are set per year") is said once.
            foreach (var planText in (planned.Count > 0 ? planned : [main])
                .Select(line => PlanLine(q, line, lines.Count > 1 ? ", " + MetricText.Title(catalogue, line.ActivityId, line.Measure, english) : "", english))
                .Distinct(StringComparer.Ordinal))
            {
                sb.AppendLine(planText);
            }
        }
        if (q.CompareLastYear || q.Change)
        {
            sb.AppendLine(YearLine(q, main, comparedMetric, english));
        }
        if (q.Breakdown is { } by)
        {
            sb.Append(BreakdownText(q, activity, measure, by, english));
        }
        return sb.ToString().TrimEnd();
    }

    public string PlanLine(Question q, AnswerLine main, string metricName, bool english)
    {
        var metric = $"{main.ActivityId ?? "*"}.{main.Measure}";
        if (q.From.Year != q.To.Year)
        {
            return english
                ? "Plans are set per year: ask about one year (e.g. 2025) to compare with its plan."
                : "Kế hoạch được đặt theo từng năm: hãy hỏi số liệu của một năm (ví dụ: năm 2025) để so với kế hoạch.";
        }
        var target = PlanTarget(q.To.Year, metric, scopes.UnitIds(q.Scope));
        if (target is not { } t || t == 0)
        {
            return english
                ? $"No {q.To.Year} plan is set for {(metricName.Length > 0 ? metricName[2..] : MetricText.Title(catalogue, main.ActivityId, main.Measure ?? "", true))} in this scope (admins set it with /plan)."
                : $"Chưa có kế hoạch năm {q.To.Year} cho chỉ tiêu {(metricName.Length > 0 ? metricName[2..] : MetricText.Title(catalogue, main.ActivityId, main.Measure ?? ""))} trong phạm vi này (quản trị viên đặt bằng /kehoach).";
        }
        var ratio = main.Value.Value / t;
        var counted = q.Status switch
        {
            RecordStatus.Estimate => english ? " Only estimates are counted against the plan." : " Phần thực hiện chỉ tính số ước thực hiện.",
            RecordStatus.Actual => english ? " Only actual figures are counted against the plan." : " Phần thực hiện chỉ tính số chính thức.",
            _ => "",
        };
        if (q.Source is { } source)
        {
            counted += english
                ? $" The plan is not split by source: only {FundingSources.Label(source, true)} is counted against it."
                : $" Kế hoạch không chia theo nguồn: phần thực hiện chỉ tính nguồn {FundingSources.Label(source)}.";
        }
        return english
            ? $"Against the {q.To.Year} plan{metricName} ({MetricText.Value(main.Measure, t, true)}): {VnFormat.Percent(ratio)} achieved.{counted}"
            : $"So với kế hoạch năm {q.To.Year}{metricName} ({MetricText.Value(main.Measure, t)}): đạt {VnFormat.Percent(ratio)} kế hoạch năm.{counted}";
    }

    public string YearLine(Question q, AnswerLine main, string metricName, bool english)
    {
        var basePeriod = BasePeriod(q);
        var before = figures.Total(Query(q, main.ActivityId, main.Measure, basePeriod));
        var range = $"{VnFormat.Date(basePeriod.From)} – {VnFormat.Date(basePeriod.To)}";
        var delta = main.Value.Value - before.Value;
        var multi = basePeriod.From.Year < basePeriod.To.Year && q.VsFrom is null;
        var years = $"{basePeriod.From.Year}–{basePeriod.To.Year}";
        var deltaText = MetricText.Value(main.Measure, Math.Abs(delta), english);
        var change = english
            ? delta == 0 ? "no change" : (delta > 0 ? "up " : "down ") + deltaText
            : delta == 0 ? "không thay đổi" : (delta > 0 ? "tăng " : "giảm ") + deltaText;
        // With a status filter both sides count the same kind of records; say so.
        var same = q.Status switch
        {
            RecordStatus.Estimate => english ? " Both sides count estimates only." : " Cả hai kỳ đều chỉ tính số ước thực hiện.",
            RecordStatus.Actual => english ? " Both sides count actual figures only." : " Cả hai kỳ đều chỉ tính số chính thức.",
            _ => "",
        };
        if (q.VsFrom is not null)
        {
            var vs = english ? PeriodLabels.DescribeEnglish(basePeriod.From, basePeriod.To) : basePeriod.Label;
            if (before.Value == 0)
            {
                return english
                    ? $"Against {vs} ({range}){metricName}: 0, so no ratio; {change}.{same}"
                    : $"So với {vs} ({range}){metricName}: chưa có số liệu (0), không tính được tỷ lệ; {change}.{same}";
            }
            return english
                ? $"Against {vs}{metricName} ({MetricText.Value(main.Measure, before.Value, true)}, {range}): {VnFormat.Percent(main.Value.Value / before.Value)}, {change}.{same}"
                : $"So với {vs}{metricName} ({MetricText.Value(main.Measure, before.Value)}{(q.Status is null ? MetricText.EstimateNote(main.Measure, before) : "")}, {range}): đạt {VnFormat.Percent(main.Value.Value / before.Value)}, {change}.{same}";
        }
        if (before.Value == 0)
        {
            return english
                ? $"{(multi ? "Same span " + years : "Same period of " + basePeriod.To.Year)} ({range}){metricName}: 0, so no ratio; {change}.{same}"
                : $"{(multi ? "Cùng kỳ giai đoạn " + years : "Cùng kỳ năm " + basePeriod.To.Year)} ({range}){metricName}: chưa có số liệu (0), không tính được tỷ lệ; {change}.{same}";
        }
        var ratio = main.Value.Value / before.Value;
        return english
            ? $"Against {(multi ? "the same span " + years : "the same period of " + basePeriod.To.Year)}{metricName} ({MetricText.Value(main.Measure, before.Value, true)}, {range}): {VnFormat.Percent(ratio)}, {change}.{same}"
            : $"So với {(multi ? "cùng kỳ giai đoạn " + years : "cùng kỳ năm " + basePeriod.To.Year)}{metricName} ({MetricText.Value(main.Measure, before.Value)}{(q.Status is null ? MetricText.EstimateNote(main.Measure, before) : "")}, {range}): đạt {VnFormat.Percent(ratio)}, {change}.{same}";
    }

    /// <summary>Breakdown rows with labels, ordered and cut to the question's top N.</summary>
    public IReadOnlyList<(string Key, string Label, FigureValue Value)> BreakdownRows(Question q, string? activityId, string measure, BreakdownBy by)
    {
        // Several named provinces: one row per province as asked (a former province keeps its own records).
        var source = by == BreakdownBy.Province && ScopeResolver.IsMany(q.Scope)
            ? MemberValues(q, activityId, measure).Select(x => new KeyValuePair<string, FigureValue>(ScopeResolver.Split(x.Scope).Id, x.Value)).ToList()
            : figures.Breakdown(Query(q, by == BreakdownBy.Activity ? null : activityId, measure), by);
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
            var planned = store.Plans.ForYear(q.To.Year).Where(p => p.Metric == metric && p.Target > 0 && (units is null || units.Contains(p.ProvinceId)))
                .Select(p => catalogue.CurrentOf(p.ProvinceId)?.Id ?? p.ProvinceId).Distinct(StringComparer.Ordinal).ToList();
            rows.AddRange(planned.Where(id => rows.All(r => r.Key != id)).Select(id => (id, KeyLabel(id, by), default(FigureValue))));
        }
        if (FigureRules.IsChronological(by))
        {
            rows = rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            if (q.Top is not null)
            {
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
        var keys = ChronologicalKeys(q.From, q.To, by).ToList();
        if (q.From <= PeriodParser.Beginning)
        {
            keys = keys.SkipWhile(k => !known.ContainsKey(k)).ToList();
        }
        return keys.Select(k => new KeyValuePair<string, FigureValue>(k, known.GetValueOrDefault(k)));
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
        BreakdownBy.Source => FundingSources.LabelOfKey(key, english),
        BreakdownBy.Quarter => QuarterLabel(key, english),
        BreakdownBy.Province or BreakdownBy.RecordedProvince => catalogue.Province(key)?.ShortName ?? key,
        BreakdownBy.Activity => (english ? catalogue.Activity(key)?.EnglishName : catalogue.Activity(key)?.ShortName) ?? key,
        BreakdownBy.Year => english ? key : "Năm " + key,
        _ => MetricText.MonthLabel(key, english),
    };

    /// <summary>"Quý III/2025" for "2025-Q3".</summary>
    public static string QuarterLabel(string key, bool english = false)
    {
        var quarter = key.Length == 7 ? key[6] - '0' : 0;
        var year = key[..4];
        return quarter is < 1 or > 4 ? key : english ? $"Q{quarter} {year}" : $"Quý {new[] { "I", "II", "III", "IV" }[quarter - 1]}/{year}";
    }

    private string BreakdownText(Question q, string? activityId, string measure, BreakdownBy by, bool english)
    {
        var rows = BreakdownRows(q, activityId, measure, by).Select(r => (r.Key, Label: KeyLabel(r.Key, by, english), r.Value)).ToList();
        var sb = new StringBuilder();
        var what = (by, english) switch
        {
            (BreakdownBy.Month, false) => "tháng",
            (BreakdownBy.Quarter, false) => "quý",
            (BreakdownBy.Source, false) => "nguồn kinh phí",
            (BreakdownBy.Quarter, true) => "quarter",
            (BreakdownBy.Source, true) => "funding source",
            (BreakdownBy.Year, false) => "năm",
            (BreakdownBy.Activity, false) => "hoạt động",
            (_, false) => "tỉnh, thành phố",
            (BreakdownBy.Month, true) => "month",
            (BreakdownBy.Year, true) => "year",
            (BreakdownBy.Activity, true) => "activity",
            _ => "province",
        };
        if (rows.Count == 0)
        {
            return english ? $"No data to break down by {what}.\n" : $"Không có số liệu để chia theo {what}.\n";
        }
        if (q.Top is 1)
        {
            var first = rows[0];
            var most = english ? (q.Ascending ? "lowest" : "highest") : (q.Ascending ? "thấp nhất" : "cao nhất");
            sb.Append(english ? $"The {what} with the {most} figure: " : $"{Capital(what)} có số liệu {most}: ")
              .Append(first.Label).Append(" – ").Append(MetricText.Value(measure, first.Value.Value, english))
              .Append(RowNote(q, measure, first.Value, english)).AppendLine(".");
            if (rows.Count > 1)
            {
                sb.Append(english ? "Next: " : "Tiếp theo: ")
                  .AppendLine(string.Join("; ", rows.Skip(1).Take(3).Select(r => $"{r.Label} – {MetricText.Value(measure, r.Value.Value, english)}")) + ".");
            }
            return sb.ToString();
        }
        var shown = rows.Take(q.Top ?? 40).ToList();
        sb.AppendLine(q.Top is { } n
            ? (english ? $"Top {n} by {what}:" : $"{n} {what} {(q.Ascending ? "thấp nhất" : "cao nhất")}:")
            : (english ? $"By {what}" : $"Chia theo {what}") + MetricText.StatusNote(q.Status, english) + ":");
        var i = 1;
        foreach (var r in shown)
        {
            sb.Append(i++).Append(". ").Append(r.Label).Append(": ").Append(MetricText.Value(measure, r.Value.Value, english))
              .Append(RowNote(q, measure, r.Value, english))
              .Append(q.ComparePlan && by == BreakdownBy.Province ? RowPlan(q, $"{activityId ?? "*"}.{measure}", measure, r.Key, r.Value.Value, english) : "")
              .AppendLine(by == BreakdownBy.Source && r.Key == FundingSources.UnknownKey
                  ? (english ? $" ({VnFormat.Number(r.Value.Records)} records name no source)" : $" ({VnFormat.Number(r.Value.Records)} bản ghi không ghi nguồn kinh phí)")
                  : "");
        }
        if (rows.Count > shown.Count && q.Top is null)
        {
            sb.AppendLine(english ? $"... and {rows.Count - shown.Count} more." : $"... và {rows.Count - shown.Count} mục khác.");
        }
        if (by == BreakdownBy.Source && measure == Measures.Funding && shown.Any(r => r.Key is "counterpart" or "other"))
        {
            sb.AppendLine(english
                ? "(Funding = KCQG + KCĐP; the facilities' counterpart and other sources are listed apart, not added to it.)"
                : "(Kinh phí hỗ trợ = KCQG + KCĐP; vốn đối ứng của cơ sở và nguồn khác ghi riêng, không cộng vào.)");
        }
        return sb.ToString();
    }

    /// <summary>" – 75% kế hoạch năm (4 cơ sở)" for one province of a breakdown against the plan; " – chưa có kế hoạch" without one.</summary>
    private string RowPlan(Question q, string metric, string measure, string provinceId, decimal done, bool english) =>
        PlanTarget(q.To.Year, metric, catalogue.UnitsOf(provinceId).ToHashSet(StringComparer.Ordinal)) is { } target and > 0
            ? english ? $" – {VnFormat.Percent(done / target)} of the year plan ({MetricText.Value(measure, target, true)})"
                : $" – {VnFormat.Percent(done / target)} kế hoạch năm ({MetricText.Value(measure, target)})"
            : english ? " – no year plan" : " – chưa có kế hoạch năm";

    /// <summary>Records in the question's scope and period (and activity), for the spreadsheet.</summary>
    public IEnumerable<SupportRecord> RecordsOf(Question q)
    {
        var units = scopes.UnitIds(q.Scope);
        return store.Records.All()
            .Where(r => r.Date >= q.From && r.Date <= q.To)
            .Where(r => units is null || units.Contains(r.ProvinceId))
            .Where(r => q.ActivityId is null || r.ActivityId == q.ActivityId)
            .Where(r => q.Status is null || r.Status == q.Status)
            .Where(r => q.Source is null || RecordFunding.Has(r, q.Source.Value))
            .OrderBy(r => r.Date).ThenBy(r => r.Id);
    }

    /// <summary>Each named province's figure, in the order asked: "m:phu-tho,bac-ninh" -> ("p:phu-tho", value), ("p:bac-ninh", value).</summary>
    public IReadOnlyList<(string Scope, FigureValue Value)> MemberValues(Question q, string? activityId, string measure) =>
        scopes.Members(q.Scope).Select(m => (m, figures.Total(QueryIn(q, m, activityId, measure)))).ToList();

    private string MembersText(Question q, string? activityId, string measure, bool namedMetric, bool english)
    {
        var sb = new StringBuilder(english ? "By province" : "Từng tỉnh, thành phố");
        if (namedMetric)
        {
            sb.Append(" (").Append(MetricText.Title(catalogue, activityId, measure, english)).Append(')');
        }
        sb.AppendLine(":");
        foreach (var (scope, value) in MemberValues(q, activityId, measure))
        {
            sb.Append("• ").Append(scopes.ShortName(scope, english)).Append(": ").Append(MetricText.Value(measure, value.Value, english))
              .AppendLine(RowNote(q, measure, value, english));
        }
        if (measure == Measures.Facilities)
        {
            sb.AppendLine(english
                ? "(A facility supported in several of these provinces counts once in the total.)"
                : "(Cơ sở được hỗ trợ ở nhiều tỉnh trong số này chỉ tính một lần trong tổng.)");
        }
        return sb.ToString();
    }

    /// <summary>A row's estimate note; nothing when a status filter already says what was counted.</summary>
    private static string RowNote(Question q, string measure, FigureValue value, bool english) =>
        q.Status is null ? MetricText.EstimateNote(measure, value, english) : "";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
