using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// A period still running ("năm nay") is counted up to today (<see cref="RunningPeriod.Clip"/>); records already dated later in the
/// period (an estimate entered ahead of a fair) are not counted, and one line says how many, so the figure copied into a report
/// is the figure to date and nothing is left out silently.
/// </summary>
public static class AfterToday
{
    /// <summary>"(Có 3 bản ghi ghi ngày sau hôm nay …: không tính vào số trên.)", or null when the period was not cut or none exist.</summary>
    public static string? Note(BotContext context, FigureAnswerer answerer, Question q)
    {
        if (q.AskedTo is not { } end || end <= q.To)
        {
            return null;
        }
        var later = q.WithPeriod(new Period(q.To.AddDays(1), end, "")) with
        {
            // Funding counts every record of the activity (or of all activities); the scope, source, status and group stay as asked.
            Measure = Measures.Funding, Summary = false, Breakdown = null, Top = null, Kind = QuestionKind.Figure, PerMeasure = null,
            ComparePlan = false, CompareLastYear = false, Change = false, VsFrom = null, VsTo = null, VsLabel = null,
        };
        var count = answerer.Lines(later).Sum(l => l.Value.Records);
        return count == 0 ? null
            : context.Text("hfig.after_today.not_counted", ("count", count), ("today", q.To), ("from", q.To.AddDays(1)), ("end", end));
    }
}
