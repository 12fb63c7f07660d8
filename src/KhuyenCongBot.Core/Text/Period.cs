namespace KhuyenCongBot.Core.Text;

/// <summary>A span of days, both ends included, with its label (<see cref="PeriodLabel"/>), shown in the reader's language by <see cref="Text(UserTexts, string)"/>: "6 tháng đầu năm 2024", "first 6 months of 2024".</summary>
public sealed record Period(DateOnly From, DateOnly To, PeriodLabel Label)
{
    /// <summary>A period with its label written out (a test's, or an older version's stored label): see <see cref="PeriodLabel.OfText"/>.</summary>
    public Period(DateOnly from, DateOnly to, string label) : this(from, to, PeriodLabel.OfText(label))
    {
    }

    public int Year => To.Year;

    /// <summary>The label in <paramref name="language"/> ("vi", "en"…): "quý I/2024", "Q1 2024".</summary>
    public string Text(UserTexts texts, string language) => PeriodLabelText.Show(texts, language, Label, From, To);

    /// <summary>The label in English or in Vietnamese, for code that carries the reader's language as a flag.</summary>
    public string Text(UserTexts texts, bool english) => Text(texts, english ? "en" : UserTexts.Vietnamese);

    /// <summary>The same period one year earlier ("cùng kỳ năm trước"); 29/2 becomes 28/2.</summary>
    /// <remarks>
    /// Same dates one year back, except that a period of whole months keeps whole months (tháng 2/2025 -> 01/02-29/02/2024).
    /// The label is rebuilt from the dates: "6 tháng đầu năm 2023", "quý I/2023", "từ 01/01/2025 đến 26/11/2025".
    /// </remarks>
    public Period SamePeriodLastYear()
    {
        var from = From.AddYears(-1);
        var to = To.AddYears(-1);
        if (From.Day == 1 && To.Day == DateTime.DaysInMonth(To.Year, To.Month))
        {
            to = PeriodLabels.EndOfMonth(to.Year, to.Month);
        }
        return new Period(from, to, PeriodLabels.Describe(from, to));
    }

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>A period labelled from its dates alone ("tháng 5/2024", "quý I/2024", "năm 2023", "từ 01/03/2024 đến 15/05/2024").</summary>
    public static Period Of(DateOnly from, DateOnly to) => new(from, to, PeriodLabels.Describe(from, to));
}
