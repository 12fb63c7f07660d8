using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "số học viên đào tạo năm 2025": trainees are a measure of the figures index like the others (breakdowns, rankings, plans,
/// comparisons, charts), counted as the report workbook counts them (the training form's "trainees" answer, else "N học viên" in
/// an imported record's note). What only trainees need: the line saying how many records the figure comes from, and how many of
/// them name no number of trainees (a total without them would read as complete).
/// </summary>
public static class TraineeAnswers
{
    /// <summary>"(61 bản ghi đào tạo, trong đó 2 bản ghi không ghi số học viên.)" for a trainees figure of <paramref name="records"/> records.</summary>
    public static string RecordsNote(UserTexts texts, IFigureSource figures, FigureQuery query, int records, bool english)
    {
        var without = records == 0 ? 0 : (int)figures.Total(query with { Measure = Measures.TraineesUnknown }).Value;
        var none = without > 0 ? texts.Text(english, "figures.trainees.without_count", ("count", without)) : "";
        return texts.Text(english, "figures.trainees.records", ("records", records), ("without", none));
    }
}
