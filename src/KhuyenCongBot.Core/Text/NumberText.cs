using System.Globalization;

namespace KhuyenCongBot.Core.Text;

/// <summary>
/// Numbers written the way the reader's language writes them, independent of the machine's culture data.
/// Vietnamese: "1.250", "4,87 tỷ đồng", "49,1%". English: "1,250", "4.87 billion VND", "49.1%".
/// Pick one with <see cref="For(bool)"/> (or <c>BotContext.Numbers</c>); <see cref="VnFormat"/> is the Vietnamese one.
/// </summary>
public sealed class NumberText
{
    public static readonly NumberText Vi = new(".", ",", [(1_000_000_000m, "tỷ"), (1_000_000m, "triệu"), (1_000m, "nghìn")], "đồng");
    public static readonly NumberText En = new(",", ".", [(1_000_000_000m, "billion"), (1_000_000m, "million"), (1_000m, "thousand")], "VND");

    private readonly NumberFormatInfo format;
    private readonly (decimal Size, string Name)[] units;
    private readonly string currency;

    private NumberText(string group, string decimalMark, (decimal Size, string Name)[] units, string currency)
    {
        format = new NumberFormatInfo { NumberGroupSeparator = group, NumberDecimalSeparator = decimalMark, NumberGroupSizes = [3], NegativeSign = "-" };
        this.units = units;
        this.currency = currency;
    }

    /// <summary>English when <paramref name="english"/>, Vietnamese otherwise.</summary>
    public static NumberText For(bool english) => english ? En : Vi;

    /// <summary>Whether this writes English numbers.</summary>
    public bool English => ReferenceEquals(this, En);

    /// <summary>1250 -> "1.250" / "1,250".</summary>
    public string Number(long value) => value.ToString("#,0", format);

    /// <summary>4.8712 with 2 decimals -> "4,87" / "4.87"; trailing zeros dropped ("5" not "5,00").</summary>
    public string Decimal(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("#,0." + new string('#', decimals), format);
    }

    /// <summary>0.491 -> "49,1%" / "49.1%".</summary>
    public string Percent(decimal ratio, int decimals = 1) => Decimal(ratio * 100m, decimals) + "%";

    /// <summary>Full amount: 1500000000 -> "1.500.000.000 đồng" / "1,500,000,000 VND".</summary>
    public string MoneyFull(long vnd) => Number(vnd) + " " + currency;

    /// <summary>The amount <see cref="Money"/> shows, in đồng: 107.804.000.000 -> 107.800.000.000 ("107,8 tỷ đồng").</summary>
    public long MoneyShown(long vnd)
    {
        var abs = Math.Abs((decimal)vnd);
        foreach (var (size, _) in units)
        {
            var rounded = Math.Round(abs / size, 2, MidpointRounding.AwayFromZero);
            if (rounded >= 1m && (size > 1_000m || abs >= 1_000m))
            {
                return (long)(Math.Round(vnd / size, 2, MidpointRounding.AwayFromZero) * size);
            }
        }
        return vnd;
    }

    /// <summary>Short amount as reports write it: 4870000000 -> "4,87 tỷ đồng" / "4.87 billion VND"; 120000000 -> "120 triệu đồng".</summary>
    /// <remarks>An amount that rounds up to the next unit moves to it: 999.999.999 -> "1 tỷ đồng", not "1.000 triệu đồng".</remarks>
    public string Money(long vnd)
    {
        var abs = Math.Abs((decimal)vnd);
        foreach (var (size, name) in units)
        {
            var rounded = Math.Round(abs / size, 2, MidpointRounding.AwayFromZero);
            if (rounded >= 1m && (size > 1_000m || abs >= 1_000m))
            {
                return Decimal(vnd / size, 2) + " " + name + " " + currency;
            }
        }
        return Number(vnd) + " " + currency;
    }
}
