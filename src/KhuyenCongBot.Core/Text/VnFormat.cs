using System.Globalization;

namespace KhuyenCongBot.Core.Text;

/// <summary>Vietnamese number formatting, independent of the machine's culture data: "." groups thousands, "," is the decimal mark.</summary>
public static class VnFormat
{
    private static readonly NumberFormatInfo Vn = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>1250 -> "1.250".</summary>
    public static string Number(long value) => value.ToString("#,0", Vn);

    /// <summary>4.8712 with 2 decimals -> "4,87"; trailing zeros dropped ("5" not "5,00").</summary>
    public static string Decimal(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("#,0." + new string('#', decimals), Vn);
    }

    /// <summary>0.491 -> "49,1%".</summary>
    public static string Percent(decimal ratio, int decimals = 1) => Decimal(ratio * 100m, decimals) + "%";

    /// <summary>Full amount: 1500000000 -> "1.500.000.000 đồng".</summary>
    public static string MoneyFull(long vnd) => Number(vnd) + " đồng";

    /// <summary>Short amount as reports write it: 4870000000 -> "4,87 tỷ đồng"; 120000000 -> "120 triệu đồng".</summary>
    /// <remarks>An amount that rounds up to the next unit moves to it: 999.999.999 -> "1 tỷ đồng", not "1.000 triệu đồng".</remarks>
    public static string Money(long vnd)
    {
        var abs = Math.Abs((decimal)vnd);
        (decimal Size, string Name)[] units = [(1_000_000_000m, "tỷ"), (1_000_000m, "triệu"), (1_000m, "nghìn")];
        foreach (var (size, name) in units)
        {
            var rounded = Math.Round(abs / size, 2, MidpointRounding.AwayFromZero);
            if (rounded >= 1m && (size > 1_000m || abs >= 1_000m))
            {
                return Decimal(vnd / size, 2) + " " + name + " đồng";
            }
        }
        return Number(vnd) + " đồng";
    }

    /// <summary>dd/MM/yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy HH:mm.</summary>
    public static string DateTime(DateTimeOffset at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
