using System.Globalization;

namespace KhuyenCongBot.Core.Text;

/// <summary>Vietnamese number formatting, independent of the machine's culture data: "." groups thousands, "," is the decimal mark (<see cref="NumberText.Vi"/>; English readers get <see cref="NumberText.En"/>).</summary>
public static class VnFormat
{
    /// <summary>1250 -> "1.250".</summary>
    public static string Number(long value) => NumberText.Vi.Number(value);

    /// <summary>4.8712 with 2 decimals -> "4,87"; trailing zeros dropped ("5" not "5,00").</summary>
    public static string Decimal(decimal value, int decimals = 1) => NumberText.Vi.Decimal(value, decimals);

    /// <summary>0.491 -> "49,1%".</summary>
    public static string Percent(decimal ratio, int decimals = 1) => NumberText.Vi.Percent(ratio, decimals);

    /// <summary>Full amount: 1500000000 -> "1.500.000.000 đồng".</summary>
    public static string MoneyFull(long vnd) => NumberText.Vi.MoneyFull(vnd);

    /// <summary>Short amount as reports write it: 4870000000 -> "4,87 tỷ đồng"; 120000000 -> "120 triệu đồng".</summary>
    /// <remarks>An amount that rounds up to the next unit moves to it: 999.999.999 -> "1 tỷ đồng", not "1.000 triệu đồng".</remarks>
    public static string Money(long vnd) => NumberText.Vi.Money(vnd);

    /// <summary>dd/MM/yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy HH:mm.</summary>
    public static string DateTime(DateTimeOffset at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
