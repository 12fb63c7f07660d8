using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Records;
using VnFormat = KhuyenCongBot.Core.Text.VnFormat;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "số lớp đào tạo năm 2025": the training form asks the number of classes ("classes"), imported records name none. The total of a
/// period and scope is the sum over the training records that name it, the others counted and said; when none names it the reply
/// says the data does not record it (never "0 lớp", which would read as a result). Classes are not in the figures index: a
/// breakdown, ranking, comparison or plan of them is said not to be available, with no figure (outside tester: "số lớp đào tạo" was
/// not understood).
/// </summary>
public static class ClassAnswers
{
    /// <summary>The training form's number of classes of a record; null when it names none.</summary>
    public static long? Classes(SupportRecord r) =>
        r.Extra.TryGetValue(Measures.Classes, out var answer) && long.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Whether the question asks training classes (as its measure or an average's denominator).</summary>
    public static bool Asks(Question q) => q.Measure == Measures.Classes || q.PerMeasure == Measures.Classes;

    /// <summary>The reply: the total with the records that name no number of classes, or why no figure is given.</summary>
    public static string Text(BotContext context, FigureAnswerer answerer, ScopeResolver scopes, Question q)
    {
        var english = context.English;
        var numbers = context.Numbers;
        if (q.Kind != QuestionKind.Figure || q.Measure != Measures.Classes || q.Breakdown is not null || q.Top is not null || q.ComparePlan
            || q.CompareLastYear || q.Change || q.VsFrom is not null || q.Beneficiary is not null || q.Output != OutputKind.Text)
        {
            return context.Text("figures.findings.classes_total_only");
        }
        var training = q with { ActivityId = "training" };
        var records = answerer.RecordsOf(training).ToList();
        var known = records.Select(Classes).OfType<long>().ToList();
        var period = FigureAnswerer.PeriodText(context.Texts, q, english);
        var scope = scopes.ShortName(q.Scope, english);
        if (records.Count == 0)
        {
            return context.Text("figures.findings.classes_no_records", ("period", period), ("scope", scope));
        }
        if (known.Count == 0)
        {
            return context.Text("figures.findings.classes_not_recorded", ("period", period), ("scope", scope), ("records", numbers.Number(records.Count)));
        }
        var lines = new List<string>
        {
            // Only some records name their classes: the headline says "ít nhất … (chỉ 1/7 bản ghi có số lớp)", never a figure that looks
            // complete (outside tester: "2 lớp" for a year of 7 training records, the caveat only below it).
            known.Count < records.Count
                ? context.Text("hfig.classes.partial_value", ("value", numbers.Number(known.Sum())), ("known", numbers.Number(known.Count)), ("records", numbers.Number(records.Count)))
                : context.Text("figures.findings.classes_value", ("value", numbers.Number(known.Sum()))),
            context.Text("figures.answer.period", ("period", period + " (" + VnFormat.Date(q.From) + " – " + VnFormat.Date(q.To) + ")")),
            context.Text("figures.answer.scope", ("scope", scopes.Label(q.Scope, english))),
        };
        if (known.Count < records.Count)
        {
            lines.Add(context.Text("figures.findings.classes_unknown", ("count", numbers.Number(records.Count - known.Count)), ("records", numbers.Number(records.Count))));
        }
        return string.Join("\n", lines);
    }
}
