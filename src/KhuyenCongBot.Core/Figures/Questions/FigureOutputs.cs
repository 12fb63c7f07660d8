using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Charts (PNG photos) and spreadsheets (.xlsx documents) for a question, with Vietnamese labels.</summary>
public sealed class FigureOutputs(FigureAnswerer answerer, ScopeResolver scopes, CatalogueIndex catalogue, IChartRenderer? charts, ISpreadsheetWriter? sheets)
{
    public Reply Chart(Question q, bool english)
    {
        if (charts is null)
        {
            return Reply.Of(answerer.Texts.Text(english, "figures.outputs.no_charts"));
        }
        var (activity, measure) = answerer.Primary(q);
        var by = q.Breakdown ?? (scopes.IsMultiProvince(q.Scope) ? BreakdownBy.Province : q.To.Year - q.From.Year >= 2 ? BreakdownBy.Year : BreakdownBy.Month);
        var texts = answerer.Texts;
        var unit = MetricText.IsMoney(measure) ? texts.Text(english, "figures.outputs.million_vnd")
            : MetricText.Unit(texts, catalogue, by == BreakdownBy.Activity ? null : activity, measure, english);
        var scale = MetricText.IsMoney(measure) ? 1_000_000d : 1d;
        var rows = answerer.BreakdownRows(q, activity, measure, by);
        var scope = scopes.ShortName(q.Scope, english);
        if (q.Top is { } n && by is not (BreakdownBy.Month or BreakdownBy.Year))
        {
            // The rows the answer's text names (the first and the next three for "the most"; the top n otherwise), and the title says
            // so: the chart of "which province has the most booths" showed three provinces under "all provinces" while the text named four.
            rows = rows.Take(n == 1 ? 4 : n).ToList();
            scope = q.Ascending
                ? texts.Text(english, "en2.chart.lowest", ("scope", scope), ("n", rows.Count))
                : texts.Text(english, "en2.chart.highest", ("scope", scope), ("n", rows.Count));
        }
        var title = $"{SourceText.Title(texts, catalogue, activity, measure, q.Source, english)}{MetricText.StatusNote(texts, q.Status, english)} – {FigureAnswerer.PeriodText(answerer.Texts, q, english)} – {scope}";
        var words = new ChartWords(NumberText.For(english), texts.Text(english, "figures.chart.achieved"), texts.Text(english, "figures.chart.target"),
            texts.Text(english, "figures.chart.no_data"));
        byte[] png;
        string caption;
        if (ComparedBreakdown.Applies(q))
        {
            return new ComparedOutputs(answerer, catalogue, this).Chart(q, activity, measure, by, unit, scale, scope, charts, english);
        }
        if (q.ComparePlan && by == BreakdownBy.Province)
        {
            var metric = $"{activity ?? "*"}.{measure}";
            var items = rows
                .Select(r => (r.Label, Achieved: (double)r.Value.Value / scale, Target: (double)(answerer.PlanTarget(q.To.Year, metric, catalogue.UnitsOf(r.Key).ToHashSet()) ?? 0) / scale))
                .ToList();
            png = charts.Progress(title + answerer.Texts.Text(english, "figures.outputs.vs_plan"), items, unit, words);
            caption = answerer.Texts.Text(english, "figures.outputs.plan_caption");
        }
        else
        {
            // A month after today gets no bar (NaN) and says "(chưa đến)" under it: a bar at 0 would read "nothing happened".
            var points = rows.Select(r => Breakdowns.NotYet(q, r.Key, by)
                ? new ChartPoint(texts.Text(english, "hfig.breakdown.not_yet_label", ("label", answerer.KeyLabel(r.Key, by, english))), double.NaN)
                : new ChartPoint(answerer.KeyLabel(r.Key, by, english), (double)r.Value.Value / scale)).ToList();
            png = charts.Bars(title, unit, points, words);
            var byWhat = by switch
            {
                BreakdownBy.Month => texts.Text(english, "figures.chart.by_month"),
                BreakdownBy.Quarter => texts.Text(english, "figures.chart.by_quarter"),
                BreakdownBy.Year => texts.Text(english, "figures.chart.by_year"),
                BreakdownBy.Activity => texts.Text(english, "figures.chart.by_activity"),
                BreakdownBy.Source => texts.Text(english, "figures.chart.by_source"),
                _ => texts.Text(english, "figures.chart.by_province"),
            };
            caption = texts.Text(english, "figures.chart.caption", ("title", SourceText.Title(texts, catalogue, activity, measure, q.Source, english)), ("by", byWhat),
                ("period", FigureAnswerer.PeriodText(answerer.Texts, q, english)), ("scope", scope));
        }
        return new Reply { Text = caption, Attachment = new Attachment(AttachmentKind.Photo, "bieu-do.png", png, "image/png") };
    }

    public Reply Spreadsheet(Question q, bool english)
    {
        if (sheets is null)
        {
            return Reply.Of(answerer.Texts.Text(english, "figures.outputs.no_spreadsheets"));
        }
        var texts = answerer.Texts;
        // Headers, titles, units, the period and scope in the reader's language; numbers and dates are written the same way in both (the
        // writer makes the numbers numbers), so a Vietnamese reader's workbook is what it was.
        var summary = new List<IReadOnlyList<string>>
        {
            new[]
            {
                texts.Text(english, "en2.sheet.metric"), texts.Text(english, "en2.sheet.value"), texts.Text(english, "en2.sheet.estimate_part"),
                texts.Text(english, "en2.sheet.unit"), texts.Text(english, "en2.sheet.period"), texts.Text(english, "en2.sheet.from"),
                texts.Text(english, "en2.sheet.to"), texts.Text(english, "en2.sheet.scope"),
            },
        };
        var scope = scopes.ShortName(q.Scope, english);
        foreach (var line in answerer.Lines(q))
        {
            summary.Add(Row(SourceText.Title(texts, catalogue, line.ActivityId, line.Measure, q.Source, english), line.Measure, line.Value, q, scope, english));
        }
        var (activity, measure) = answerer.Primary(q);
        if (ComparedBreakdown.Applies(q))
        {
            return new ComparedOutputs(answerer, catalogue, this).Spreadsheet(q, activity, measure, summary, scope, sheets, english);
        }
        if (q.Breakdown is { } by)
        {
            summary.Add(new[] { "" });
            foreach (var r in answerer.BreakdownRows(q, activity, measure, by))
            {
                var label = answerer.KeyLabel(r.Key, by, english);
                // A province's row is that province's figure: its scope is the province, not the question's ("cả nước").
                var rowScope = by == BreakdownBy.Province ? label : scope;
                // A month's (quarter's) row carries its own dates, not the whole period's.
                var (from, to) = FigureRules.IsChronological(by)
                    ? ComparedBreakdown.BucketDates(r.Key, q.From, Breakdowns.NotYet(q, r.Key, by) ? q.AskedTo ?? q.To : q.To) : (q.From, q.To);
                var row = Row($"{SourceText.Title(texts, catalogue, activity, measure, q.Source, english)} – {label}", measure, r.Value, q, rowScope, english, from, to,
                    FigureRules.IsChronological(by) ? label : null);
                // A month after today: "— (chưa đến)" in the value's cell, no 0 that a sum or a chart of the sheet would take as a result.
                summary.Add(Breakdowns.NotYet(q, r.Key, by) ? [row[0], texts.Text(english, "hfig.breakdown.not_yet"), "", .. row.Skip(3)] : row);
            }
        }
        var records = answerer.RecordsOf(q).ToList();
        var bytes = sheets.Write(summary, records, catalogue, new SheetNames(texts.Text(english, "en2.sheet.summary"), texts.Text(english, "en2.sheet.records")));
        var name = $"so-lieu-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.xlsx";
        var text = answerer.Texts.Text(english, "figures.outputs.spreadsheet", ("count", records.Count), ("period", FigureAnswerer.PeriodText(answerer.Texts, q, english)),
            ("scope", scopes.ShortName(q.Scope, english)), ("status", MetricText.StatusNote(answerer.Texts, q.Status, english)), ("source", SourceText.Suffix(answerer.Texts, q.Source, english)));
        return new Reply
        {
            Text = text,
            Attachment = new Attachment(AttachmentKind.Document, name, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        };
    }

    internal IReadOnlyList<string> Row(string title, string measure, FigureValue value, Question q, string scope, bool english,
        DateOnly? from = null, DateOnly? to = null, string? period = null) =>
    [
        title,
        VnFormat.Number((long)value.Value),
        VnFormat.Number((long)value.EstimatePart),
        MetricText.Unit(answerer.Texts, measure, english),
        period ?? FigureAnswerer.PeriodText(answerer.Texts, q, english),
        VnFormat.Date(from ?? q.From),
        VnFormat.Date(to ?? q.To),
        scope,
    ];
}
