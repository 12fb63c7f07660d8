using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// The chart and the workbook of a comparison of two periods: both periods on every row (a pair of bars; the compared period's
/// value, dates, the difference and the ratio in the sheet) and each month with its own dates. The workbook had only the later
/// period, with every month row dated 01/01–31/12.
/// </summary>
internal sealed class ComparedOutputs(FigureAnswerer answerer, CatalogueIndex catalogue, FigureOutputs outputs)
{
    private UserTexts Texts => answerer.Texts;

    /// <summary>Pairs of bars, the period asked and the one compared with, with the later as a % of the earlier above each pair.</summary>
    public Reply Chart(Question q, string? activity, string measure, BreakdownBy by, string unit, double scale, string scope, IChartRenderer charts, bool english)
    {
        var basePeriod = ComparisonText.BasePeriod(q);
        var (nowText, baseText) = (q.Period.Text(Texts, english), basePeriod.Text(Texts, english));
        // A month not yet come has no pair to draw: left out, and the caption says so.
        var rows = answerer.Compared.Rows(q, activity, measure, by).Where(r => !r.NotYet && r.BaseKey is not null).ToList();
        var items = rows.Select(r => (answerer.KeyLabel(r.Key, by, english), (double)r.Now.Value / scale, (double)r.Before.Value / scale)).ToList();
        var metric = SourceText.Title(Texts, catalogue, activity, measure, q.Source, english) + MetricText.StatusNote(Texts, q.Status, english);
        var title = Texts.Text(english, "hcmp.chart.title", ("metric", metric), ("now", nowText), ("base", baseText), ("scope", scope));
        var words = new ChartWords(NumberText.For(english), nowText, baseText, Texts.Text(english, "figures.chart.no_data"));
        var png = charts.Progress(title, items, unit, words);
        var caption = Texts.Text(english, "hcmp.chart.caption", ("metric", metric), ("what", ComparedBreakdownText.What(Texts, by, english)),
            ("now", nowText), ("base", baseText), ("scope", scope));
        return new Reply { Text = caption, Attachment = new Attachment(AttachmentKind.Photo, "bieu-do.png", png, "image/png") };
    }

    /// <summary>The summary with, on every row, the compared period's label, value, estimate part and dates, the difference and the
    /// ratio; the records of both periods.</summary>
    public Reply Spreadsheet(Question q, string? activity, string measure, List<IReadOnlyList<string>> summary, string scope, ISpreadsheetWriter sheets, bool english)
    {
        var basePeriod = ComparisonText.BasePeriod(q);
        var baseQ = ComparedBreakdown.BaseQuestion(q, basePeriod);
        var (nowText, baseText) = (q.Period.Text(Texts, english), basePeriod.Text(Texts, english));
        summary[0] = [.. summary[0],
            Texts.Text(english, "hcmp.sheet.base_period"), Texts.Text(english, "hcmp.sheet.base_value"), Texts.Text(english, "hcmp.sheet.base_estimate_part"),
            Texts.Text(english, "hcmp.sheet.base_from"), Texts.Text(english, "hcmp.sheet.base_to"), Texts.Text(english, "hcmp.sheet.difference"),
            Texts.Text(english, "hcmp.sheet.percent")];
        // The figure lines again, each with the compared period's cells (the caller wrote them without).
        summary.RemoveRange(1, summary.Count - 1);
        foreach (var line in answerer.Lines(q))
        {
            var before = answerer.Total(q, line.ActivityId, line.Measure, basePeriod);
            var row = outputs.Row(SourceText.Title(Texts, catalogue, line.ActivityId, line.Measure, q.Source, english), line.Measure, line.Value, q, scope, english);
            summary.Add([.. row, .. Compared(baseText, before, basePeriod.From, basePeriod.To, line.Value, english)]);
        }
        var by = q.Breakdown ?? (ScopeResolver.IsMany(q.Scope) ? BreakdownBy.Province : (BreakdownBy?)null);
        if (by is { } rowsBy)
        {
            summary.Add([""]);
            var chronological = FigureRules.IsChronological(rowsBy);
            foreach (var r in answerer.Compared.Rows(q, activity, measure, rowsBy))
            {
                var label = answerer.KeyLabel(r.Key, rowsBy, english);
                var title = $"{SourceText.Title(Texts, catalogue, activity, measure, q.Source, english)} – {label}";
                var rowScope = rowsBy == BreakdownBy.Province ? label : scope;
                var row = outputs.Row(title, measure, r.Now, q, rowScope, english, r.From, r.To, chronological ? label : null);
                if (r.NotYet || r.BaseKey is null)
                {
                    var (from, to) = ComparedBreakdown.BucketDates(r.Key, q.From, q.AskedTo ?? q.To);
                    summary.Add([row[0], Texts.Text(english, "hfig.breakdown.not_yet"), "", row[3], row[4], VnFormat.Date(from), VnFormat.Date(to), row[7]]);
                    continue;
                }
                var baseLabel = chronological ? answerer.KeyLabel(r.BaseKey, rowsBy, english) : baseText;
                summary.Add([.. row, .. Compared(baseLabel, r.Before, r.BaseFrom, r.BaseTo, r.Now, english)]);
            }
        }
        // The records of both periods, in date order.
        var records = answerer.RecordsOf(baseQ).Concat(answerer.RecordsOf(q)).DistinctBy(r => r.Id).OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();
        var bytes = sheets.Write(summary, records, catalogue, new SheetNames(Texts.Text(english, "en2.sheet.summary"), Texts.Text(english, "en2.sheet.records")));
        var name = $"so-sanh-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}-{basePeriod.From:yyyyMMdd}-{basePeriod.To:yyyyMMdd}.xlsx";
        var text = Texts.Text(english, "hcmp.spreadsheet", ("count", records.Count), ("now", nowText), ("base", baseText), ("scope", scope),
            ("status", MetricText.StatusNote(Texts, q.Status, english)), ("source", SourceText.Suffix(Texts, q.Source, english)));
        return new Reply
        {
            Text = text,
            Attachment = new Attachment(AttachmentKind.Document, name, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        };
    }

    /// <summary>The compared period's cells of a row: label, value, estimate part, dates, difference, ratio ("" without a base).</summary>
    private static IReadOnlyList<string> Compared(string label, FigureValue before, DateOnly from, DateOnly to, FigureValue now, bool english) =>
    [
        label,
        VnFormat.Number((long)before.Value),
        VnFormat.Number((long)before.EstimatePart),
        VnFormat.Date(from),
        VnFormat.Date(to),
        Signed((long)now.Value - (long)before.Value),
        before.Value == 0 ? "" : NumberText.For(english).Percent(now.Value / before.Value),
    ];

    /// <summary>"-122" or "1.300": a difference the writer makes a number.</summary>
    private static string Signed(long value) => value < 0 ? "-" + VnFormat.Number(-value) : VnFormat.Number(value);
}
