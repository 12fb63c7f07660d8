using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>Per-group results of one question to the index: totals, estimate parts and records, one slot per group of the answer.</summary>
internal readonly struct FigureAccumulator(int groups, RecordStatus? status)
{
    public readonly long[] Total = new long[groups];
    public readonly long[] Estimate = new long[groups];
    public readonly long[] Records = new long[groups];

    public FigureValue Value(int g) => new(Total[g], Estimate[g], checked((int)Records[g]));

    /// <summary>Adds bucket sums, applying the status filter.</summary>
    public void AddSums(int g, in Sums sums, MeasureKind kind)
    {
        var (total, estimate) = sums.Of(kind);
        switch (status)
        {
            case RecordStatus.Estimate:
                Total[g] += estimate;
                Estimate[g] += estimate;
                Records[g] += sums.EstCount;
                break;
            case RecordStatus.Actual:
                Total[g] += total - estimate;
                Records[g] += sums.Count - sums.EstCount;
                break;
            default:
                Total[g] += total;
                Estimate[g] += estimate;
                Records[g] += sums.Count;
                break;
        }
    }
}
