using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Where an activity's figure is only partly backed by records, one line says so (outside tester: "gian hàng từ 2020 đến 2023" gave
/// 1.230 booths for "giai đoạn 2020–2023" when trade fairs were recorded from 2023 only; "gian hàng tháng 10" gave a bare 0 when no
/// fair was recorded that month). A 0 without a record is "not entered", not "no support"; a span with empty years holds only the
/// years that have records.
/// </summary>
public static class CoverageNote
{
    public static string? For(BotContext context, FigureAnswerer answerer, CatalogueIndex catalogue, Question q)
    {
        var merger = MergerNote(context, catalogue, q);
        var notes = new[] { merger, StatusNote(context, answerer, q), LeftOut(context, answerer, catalogue, q), merger is null ? Coverage(context, answerer, catalogue, q with { Status = null }) : null }
            .OfType<string>().ToList();
        return notes.Count == 0 ? null : string.Join("\n", notes);
    }

    /// <summary>
    /// A former province asked about after the 2025 merger ("gian hàng Bắc Giang 2026"): its records stop at 1/7/2025 and continue
    /// under the current unit, so its 0 is not a result (outside tester: a bare 0).
    /// </summary>
    private static string? MergerNote(BotContext context, CatalogueIndex catalogue, Question q)
    {
        var (kind, id) = ScopeResolver.Split(q.Scope);
        if (kind != "f" || q.To < ProvinceUnit.MergedOn || catalogue.Province(id) is not { } former || catalogue.CurrentOf(former.Id) is not { } current)
        {
            return null;
        }
        var date = VnFormat.Date(ProvinceUnit.MergedOn);
        return q.From >= ProvinceUnit.MergedOn
            ? context.Text("figures.coverage.former_after_merger", ("former", former.ShortName), ("current", current.ShortName), ("date", date))
            : context.Text("figures.coverage.former_across_merger", ("former", former.ShortName), ("current", current.ShortName), ("date", date));
    }

    /// <summary>
    /// "số chính thức" leaves the estimates out (and "ước thực hiện" the actual figures): how many records of the other kind the period
    /// holds, so that "0 gian hàng (chỉ tính số chính thức)" is not read as no booths (outside tester: 701 estimated booths were unsaid).
    /// </summary>
    private static string? StatusNote(BotContext context, FigureAnswerer answerer, Question q)
    {
        if (q.Kind != QuestionKind.Figure || q.Status is not { } status)
        {
            return null;
        }
        var other = status == RecordStatus.Actual ? RecordStatus.Estimate : RecordStatus.Actual;
        var records = answerer.Lines(q with { Status = other }).Select(l => l.Value.Records).DefaultIfEmpty(0).Max();
        return records == 0 ? null
            : status == RecordStatus.Actual ? context.Text("figures.coverage.estimates_left_out", ("count", records))
            : context.Text("figures.coverage.actuals_left_out", ("count", records));
    }

    /// <summary>
    /// Participations of every activity count the records that support a facility; the records of activities without one (information,
    /// propaganda) in the same period and scope are said in one line with how many (outside tester: "lượt cơ sở" gave 1.440 with 24
    /// propaganda records in it, while the "cơ sở" answer said 1.416 participations without them).
    /// </summary>
    private static string? LeftOut(BotContext context, FigureAnswerer answerer, CatalogueIndex catalogue, Question q)
    {
        if (q.ActivityId is not null || q.Measure != Measures.Participations)
        {
            return null;
        }
        var apart = catalogue.Activities.Where(a => !FigureRules.SupportsFacilities(catalogue, a.Id))
            .Select(a => (Activity: a, Records: answerer.Lines(q with { ActivityId = a.Id, Breakdown = null, Top = null }).Sum(l => l.Value.Records)))
            .Where(x => x.Records > 0).ToList();
        return apart.Count == 0 ? null : context.Text("figures.findings.participations_left_out",
            ("records", string.Join(", ", apart.Select(x => context.Text("metric.records_of", ("count", context.Numbers.Number(x.Records)),
                ("activity", context.English ? x.Activity.EnglishName : x.Activity.ShortName))))));
    }

    private static string? Coverage(BotContext context, FigureAnswerer answerer, CatalogueIndex catalogue, Question q)
    {
        if (q.Kind != QuestionKind.Figure || q.Top is not null || q.Breakdown is not null || q.ActivityId is null
            || catalogue.Activity(q.ActivityId) is not { } activity)
        {
            return null;
        }
        var name = context.English ? activity.EnglishName : activity.ShortName;
        if (!HasRecords(answerer, q))
        {
            // A filter (source, status, group of facilities) that keeps none of the period's records is not "no records": a tester read
            // "chưa có bản ghi Tư vấn nào" under "dự án tư vấn nguồn KCQG", while 115 consulting records (none with KCQG money) were there.
            var unfiltered = q with { Source = null, Status = null, Beneficiary = null };
            return unfiltered != q && HasRecords(answerer, unfiltered)
                ? context.Text("figures.coverage.none_match", ("activity", name))
                : context.Text("figures.coverage.no_records", ("activity", name));
        }
        if (q.To.Year == q.From.Year || q.To.Year - q.From.Year > 20)
        {
            return null;
        }
        var empty = new List<int>();
        for (var year = q.From.Year; year <= q.To.Year; year++)
        {
            var from = new DateOnly(year, 1, 1) < q.From ? q.From : new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31) > q.To ? q.To : new DateOnly(year, 12, 31);
            if (!HasRecords(answerer, q.WithPeriod(new Period(from, to, ""))))
            {
                empty.Add(year);
            }
        }
        return empty.Count == 0 ? null : context.Text("figures.coverage.years_without_records",
            ("activity", name), ("years", string.Join(", ", empty)));
    }

    private static bool HasRecords(FigureAnswerer answerer, Question q) => answerer.Lines(q).Any(l => l.Value.Records != 0);
}
