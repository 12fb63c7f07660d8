namespace KhuyenCongBot.Core.Funding;

/// <summary>The sources of money a report separates.</summary>
public enum FundingSource
{
    /// <summary>Khuyến công quốc gia: the national programme's budget.</summary>
    Kcqg = 0,

    /// <summary>Khuyến công địa phương: the province's budget.</summary>
    Kcdp = 1,

    /// <summary>Vốn đối ứng: the beneficiary's own counterpart funding.</summary>
    Counterpart = 2,

    /// <summary>Other sources (credit, sponsors...).</summary>
    Other = 3,
}

/// <summary>An amount of money split by source, in đồng: KCQG, KCĐP, counterpart (đối ứng), other.</summary>
/// <remarks>
/// Each part is between 0 and <see cref="MaxPart"/> (1 triệu tỷ đồng, far above any khuyến công project: the whole national
/// programme 2021–2025 approved 1.436 tỷ), so <see cref="Total"/> of four parts cannot overflow a long. Adding splits is checked
/// arithmetic and throws <see cref="OverflowException"/> rather than wrapping; totals over many records use <see cref="FundingTotals"/>.
/// </remarks>
public readonly record struct FundingSplit
{
    /// <summary>Largest amount one part may hold: 10^15 đồng.</summary>
    public const long MaxPart = 1_000_000_000_000_000;

    public static readonly FundingSplit Zero = default;

    /// <summary>Builds a split; throws <see cref="ArgumentOutOfRangeException"/> when a part is negative or above <see cref="MaxPart"/>.</summary>
    public FundingSplit(long kcqg, long kcdp, long counterpart = 0, long other = 0)
    {
        Kcqg = Checked(kcqg, nameof(kcqg));
        Kcdp = Checked(kcdp, nameof(kcdp));
        Counterpart = Checked(counterpart, nameof(counterpart));
        Other = Checked(other, nameof(other));
    }

    public long Kcqg { get; }
    public long Kcdp { get; }
    public long Counterpart { get; }
    public long Other { get; }

    /// <summary>Khuyến công support: KCQG + KCĐP (the state's money, what disbursement is measured against).</summary>
    public long Support => Kcqg + Kcdp;

    /// <summary>Every source together.</summary>
    public long Total => Kcqg + Kcdp + Counterpart + Other;

    public bool IsZero => Total == 0;

    public long this[FundingSource source] => source switch
    {
        FundingSource.Kcqg => Kcqg,
        FundingSource.Kcdp => Kcdp,
        FundingSource.Counterpart => Counterpart,
        FundingSource.Other => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>A split with one source's amount (a record's single amount and source, read as a split).</summary>
    public static FundingSplit Of(FundingSource source, long amount) => source switch
    {
        FundingSource.Kcqg => new(amount, 0),
        FundingSource.Kcdp => new(0, amount),
        FundingSource.Counterpart => new(0, 0, amount),
        FundingSource.Other => new(0, 0, 0, amount),
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>Whether every part is within 0..<see cref="MaxPart"/> (for values read from storage or typed).</summary>
    public static bool IsValidPart(long amount) => amount is >= 0 and <= MaxPart;

    /// <summary>Builds a split when every part is valid; false otherwise (no exception).</summary>
    public static bool TryCreate(long kcqg, long kcdp, long counterpart, long other, out FundingSplit split)
    {
        split = default;
        if (!IsValidPart(kcqg) || !IsValidPart(kcdp) || !IsValidPart(counterpart) || !IsValidPart(other))
        {
            return false;
        }
        split = new FundingSplit(kcqg, kcdp, counterpart, other);
        return true;
    }

    /// <summary>The same split with one source changed.</summary>
    public FundingSplit With(FundingSource source, long amount) => source switch
    {
        FundingSource.Kcqg => new(amount, Kcdp, Counterpart, Other),
        FundingSource.Kcdp => new(Kcqg, amount, Counterpart, Other),
        FundingSource.Counterpart => new(Kcqg, Kcdp, amount, Other),
        FundingSource.Other => new(Kcqg, Kcdp, Counterpart, amount),
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>Adds part by part; throws <see cref="OverflowException"/> or <see cref="ArgumentOutOfRangeException"/> when a part would pass <see cref="MaxPart"/>.</summary>
    public static FundingSplit operator +(FundingSplit a, FundingSplit b) =>
        new(checked(a.Kcqg + b.Kcqg), checked(a.Kcdp + b.Kcdp), checked(a.Counterpart + b.Counterpart), checked(a.Other + b.Other));

    private static long Checked(long value, string name) =>
        IsValidPart(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"Số tiền phải từ 0 đến {MaxPart} đồng.");
}

/// <summary>Sums of many splits (a province's projects, a year's records) in decimal: no overflow whatever the count.</summary>
public readonly record struct FundingTotals(decimal Kcqg, decimal Kcdp, decimal Counterpart, decimal Other)
{
    public decimal Support => Kcqg + Kcdp;
    public decimal Total => Kcqg + Kcdp + Counterpart + Other;

    public FundingTotals Add(FundingSplit s) => new(Kcqg + s.Kcqg, Kcdp + s.Kcdp, Counterpart + s.Counterpart, Other + s.Other);

    public static FundingTotals Sum(IEnumerable<FundingSplit> splits) => splits.Aggregate(default(FundingTotals), (t, s) => t.Add(s));
}
