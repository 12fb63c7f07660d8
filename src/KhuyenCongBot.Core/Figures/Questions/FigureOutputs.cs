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
        var title = $"{SourceText.Title(answerer.Texts, catalogue, activity, measure, q.Source, english)}{MetricText.StatusNote(answerer.Texts, q.Status, english)} – {FigureAnswerer.PeriodText(q, english)} – {scopes.ShortName(q.Scope, english)}";
        var unit = MetricText.IsMoney(measure) ? answerer.Texts.Text(english, "figures.outputs.million_vnd")
            : MetricText.Unit(answerer.Texts, catalogue, by == BreakdownBy.Activity ? null : activity, measure, english);
        var scale = MetricText.IsMoney(measure) ? 1_000_000d : 1d;
        var rows = answerer.BreakdownRows(q, activity, measure, by);
        if (q.Top is { } n && by is not (BreakdownBy.Month or BreakdownBy.Year))
        {
            rows = rows.Take(Math.Max(n, 3)).ToList();
        }
        var texts = answerer.Texts;
        var words = new ChartWords(NumberText.For(english), texts.Text(english, "figures.chart.achieved"), texts.Text(english, "figures.chart.target"),
            texts.Text(english, "figures.chart.no_data"));
        byte[] png;
        string caption;
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
            var points = rows.Select(r => new ChartPoint(answerer.KeyLabel(r.Key, by, english), (double)r.Value.Value / scale)).ToList();
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
                ("period", FigureAnswerer.PeriodText(q, english)), ("scope", scopes.ShortName(q.Scope, english)));
        }
        return new Reply { Text = caption, Attachment = new Attachment(AttachmentKind.Photo, "bieu-do.png", png, "image/png") };
    }

    public Reply Spreadsheet(Question q, bool english)
    {
        if (sheets is null)
        {
            return Reply.Of(answerer.Texts.Text(english, "figures.outputs.no_spreadsheets"));
        }
        var summary = new List<IReadOnlyList<string>>
        {
            new[] { "Chỉ tiêu", "Giá trị", "Trong đó ước thực hiện", "Đơn vị", "Thời gian", "Từ ngày", "Đến ngày", "Phạm vi" },
        };
        foreach (var line in answerer.Lines(q))
        {
            summary.Add(Row(SourceText.Title(answerer.Texts, catalogue, line.ActivityId, line.Measure, q.Source), line.Measure, line.Value, q));
        }
        var (activity, measure) = answerer.Primary(q);
        if (q.Breakdown is { } by)
        {
            summary.Add(new[] { "" });
            foreach (var r in answerer.BreakdownRows(q, activity, measure, by))
            {
                summary.Add(Row($"{SourceText.Title(answerer.Texts, catalogue, activity, measure, q.Source)} – {r.Label}", measure, r.Value, q));
            }
        }
        var records = answerer.RecordsOf(q).ToList();
        var bytes = sheets.Write(summary, records, catalogue);
        var name = $"so-lieu-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.xlsx";
        var text = answerer.Texts.Text(english, "figures.outputs.spreadsheet", ("count", records.Count), ("period", FigureAnswerer.PeriodText(q, english)),
            ("scope", scopes.ShortName(q.Scope, english)), ("status", MetricText.StatusNote(answerer.Texts, q.Status, english)), ("source", SourceText.Suffix(answerer.Texts, q.Source, english)));
        return new Reply
        {
            Text = text,
            Attachment = new Attachment(AttachmentKind.Document, name, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        };
    }

    private IReadOnlyList<string> Row(string title, string measure, FigureValue value, Question q) =>
    [
        title,
        VnFormat.Number((long)value.Value),
        VnFormat.Number((long)value.EstimatePart),
        MetricText.Unit(answerer.Texts, measure),
        q.PeriodLabel,
        VnFormat.Date(q.From),
        VnFormat.Date(q.To),
        scopes.ShortName(q.Scope),
    ];
}
