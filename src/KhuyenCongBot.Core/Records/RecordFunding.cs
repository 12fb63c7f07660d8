using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// A record's money by source, one reading for every path (figures index and scan, lists, exports):
/// the stored <see cref="SupportRecord.Split"/>, or for a record written before the split its single amount under its
/// named source. A record is "funded by" a source when that source's part is above 0 or the record names it.
/// </summary>
public static class RecordFunding
{
    /// <summary>The split of the record; null when it has none and names no source (an amount of unknown source).</summary>
    public static FundingSplit? SplitOf(SupportRecord r) => r.Split ?? FromSingle(r.FundingVnd, r.FundingSource);

    /// <summary>Whether the source funded the record (its part is above 0, or the record names it).</summary>
    public static bool Has(SupportRecord r, FundingSource source) =>
        (SplitOf(r) is { } split && split[source] > 0) || FundingSources.Of(r.FundingSource) == source;

    /// <summary>The source's amount in the record (0 when it has none).</summary>
    public static long Amount(SupportRecord r, FundingSource source) => SplitOf(r) is { } split ? split[source] : 0;

    /// <summary>Bit (1 &lt;&lt; source) for each source that funded the record; 0 for none.</summary>
    public static byte Mask(SupportRecord r)
    {
        byte mask = 0;
        foreach (var s in FundingSources.All)
        {
            if (Has(r, s))
            {
                mask |= (byte)(1 << (int)s);
            }
        }
        return mask;
    }

    /// <summary>Sets the split, the support total (KCQG + KCĐP) and the named source (the one of KCQG, KCĐP that funded it alone).</summary>
    public static void Set(SupportRecord r, FundingSplit split)
    {
        r.Split = split;
        r.FundingVnd = split.Support;
        r.FundingSource = (split.Kcqg, split.Kcdp) switch
        {
            ( > 0, 0) => "KCQG",
            (0, > 0) => "KCDP",
            _ => null,
        };
    }

    /// <summary>The split a record written before it carries: its amount under its named source (null without a known one).</summary>
    /// <remarks>Used by the one-time upgrade of a database and by an import of a file without the split columns.</remarks>
    public static FundingSplit? FromSingle(long amount, string? source) =>
        FundingSources.Of(source) is { } s && FundingSplit.IsValidPart(amount) ? FundingSplit.Of(s, amount) : null;
}
