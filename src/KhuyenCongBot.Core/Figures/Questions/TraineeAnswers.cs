using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Reports;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "số học viên đào tạo năm 2025": the trainees of training records (issue 15), counted as the report workbook counts them
/// (<see cref="ReportWorkbook.Trainees"/>: the form's "trainees" answer, else "N học viên" in an imported record's note).
/// Trainees are not in the figures index: the records in scope are read for each question, so only a total (and the same
/// period a year before) is answered; a breakdown, a ranking, a plan or a chart of trainees is said not to be available.
/// </summary>
public sealed class TraineeAnswers(IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes)
{
    /// <summary>Why the question cannot be answered for trainees (no figure is given then); null when it can.</summary>
    public static string? Refusal(Question q, bool english)
    {
        var what = q.Kind != QuestionKind.Figure ? (english ? "plans, averages or facility lists" : "kế hoạch, bình quân hay danh sách cơ sở")
            : q.Breakdown is not null || q.Top is not null ? (english ? "breakdowns or rankings" : "chia theo tỉnh, tháng, năm hay xếp hạng")
            : q.ComparePlan ? (english ? "a comparison with the plan" : "so với kế hoạch")
            : q.VsFrom is not null ? (english ? "a comparison of two periods" : "so sánh hai kỳ")
            : q.Output != OutputKind.Text ? (english ? "charts or Excel files" : "biểu đồ hay tệp Excel")
            : null;
        return what is null ? null : english
            ? $"For trainees the bot counts the total of a period and a scope (and the same period a year before), not {what} yet, so it gives no figure for this question. Ask, for example: \"trainees of training in 2025\"."
            : $"Với số học viên, bot chỉ đếm tổng theo kỳ và phạm vi (và so với cùng kỳ), chưa có {what}, nên không đưa số liệu cho câu này. Bạn có thể hỏi, ví dụ: \"số học viên đào tạo năm 2025\".";
    }

    /// <summary>The total of the period (with the same period a year before when asked), its period and scope.</summary>
    public string Answer(Question q, bool english)
    {
        var (total, estimate, records, without) = Count(q, q.Period);
        var sb = new StringBuilder();
        sb.Append(SourceText.Title(catalogue, q.ActivityId ?? "training", Measures.Trainees, q.Source, english)).Append(": ")
          .Append(MetricText.Value(Measures.Trainees, total, english))
          .Append(q.Status is null ? MetricText.EstimateNote(Measures.Trainees, new FigureValue(total, estimate, records), english) : MetricText.StatusNote(q.Status, english))
          .AppendLine();
        if (q.CompareLastYear)
        {
            var basePeriod = ComparisonText.BasePeriod(q);
            var (before, _, _, _) = Count(q, basePeriod);
            var label = english ? PeriodLabels.DescribeEnglish(basePeriod.From, basePeriod.To) : basePeriod.Label;
            sb.Append(english ? "Same period before" : "Cùng kỳ").Append(" (").Append(label).Append("): ").Append(MetricText.Value(Measures.Trainees, before, english));
            sb.AppendLine(before == 0 ? "" : (english ? " – " : " – bằng ") + VnFormat.Percent(total / (decimal)before));
        }
        if (SourceText.Note(q.Source, Measures.Trainees, records, english) is { Length: > 0 } note)
        {
            sb.AppendLine(note);
        }
        sb.AppendLine(english
            ? $"({VnFormat.Number(records)} training records{(without > 0 ? $", of which {VnFormat.Number(without)} record no number of trainees" : "")}.)"
            : $"({VnFormat.Number(records)} bản ghi đào tạo{(without > 0 ? $", trong đó {VnFormat.Number(without)} bản ghi không ghi số học viên" : "")}.)");
        sb.Append(english ? "Period: " : "Thời gian: ").Append(FigureAnswerer.PeriodText(q, english))
          .Append(" (").Append(VnFormat.Date(q.From)).Append(" – ").Append(VnFormat.Date(q.To)).AppendLine(")");
        sb.Append(english ? "Scope: " : "Phạm vi: ").Append(scopes.Label(q.Scope, english));
        return sb.ToString();
    }

    /// <summary>Trainees, of which estimated, the records counted and those among them that name no number of trainees.</summary>
    private (long Total, long Estimate, int Records, int Without) Count(Question q, Period period)
    {
        var units = scopes.UnitIds(q.Scope);
        var activity = q.ActivityId ?? "training";
        var matching = store.Records.All().Where(r => r.ActivityId == activity && r.Date >= period.From && r.Date <= period.To
            && (units is null || units.Contains(r.ProvinceId))
            && (q.Status is null || r.Status == q.Status)
            && (q.Source is null || RecordFunding.Has(r, q.Source.Value))
            && (q.Beneficiary is null || (r.FacilityId is { } f && BeneficiaryFilter.Matches(store.Facilities.Get(f), q.Beneficiary))))
            .Select(r => (r.Status, Trainees: ReportWorkbook.Trainees(r))).ToList();
        return (matching.Sum(x => x.Trainees ?? 0), matching.Where(x => x.Status == RecordStatus.Estimate).Sum(x => x.Trainees ?? 0),
            matching.Count, matching.Count(x => x.Trainees is null));
    }
}
