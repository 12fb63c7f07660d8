namespace KhuyenCongBot.Core.Text;

/// <summary>A span of days, both ends included, with the Vietnamese label used in answers ("6 tháng đầu năm 2024").</summary>
public sealed record Period(DateOnly From, DateOnly To, string Label)
{
    public int Year => To.Year;

    /// <summary>The same period one year earlier ("cùng kỳ năm trước"); 29/2 becomes 28/2.</summary>
    public Period SamePeriodLastYear() => throw new NotImplementedException();

    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>Finds a period in a question: today, this/last week or month, tháng 5, quý I-IV, 6 tháng đầu/cuối năm, 9 tháng, từ đầu năm (đến nay), năm nay, năm ngoái, năm 2023, từ 1/3/2024 đến 15/5/2024; and simple English.</summary>
public static class PeriodParser
{
    /// <summary>Looks for a period phrase in <paramref name="foldedText"/> (already folded by <see cref="VnText.FoldWords"/>).</summary>
    /// <param name="matched">The phrase that was read, so callers can remove it before reading the rest.</param>
    public static bool TryFind(string foldedText, DateOnly today, out Period period, out string matched) => throw new NotImplementedException();
}
