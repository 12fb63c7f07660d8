using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>The real catalogue from seeds/ and helpers that describe parsed questions compactly.</summary>
internal static class QuestionTestKit
{
    private static readonly Lazy<CatalogueIndex> LazyCatalogue = new(() =>
    {
        var seeds = SeedFiles.Locate(null);
        return new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
    });

    public static CatalogueIndex Catalogue => LazyCatalogue.Value;

    public static readonly DateOnly Today = new(2026, 11, 26);

    public static string Metric(QuestionParts p) =>
        p.Summary ? "all" : !p.HasMetric ? "-" : $"{p.ActivityId ?? "*"}.{p.Measure ?? "*"}";

    public static string Period(QuestionParts p) => p.Period is { } x ? $"{x.From:yyyy-MM-dd}..{x.To:yyyy-MM-dd}" : "-";

    public static string Flags(QuestionParts p)
    {
        var f = new List<string>();
        if (p.ComparePlan)
        {
            f.Add("plan");
        }
        if (p.CompareLastYear)
        {
            f.Add(p.CompareYear is { } y ? "yoy" + y : "yoy");
        }
        if (p.Change)
        {
            f.Add("change");
        }
        if (p.Breakdown is { } by)
        {
            f.Add("by:" + by switch { BreakdownBy.Month => "m", BreakdownBy.Activity => "a", BreakdownBy.Year => "y", _ => "p" });
        }
        if (p.Top is { } n)
        {
            f.Add("top:" + n);
        }
        if (p.Ascending)
        {
            f.Add("asc");
        }
        if (p.Output != OutputKind.Text)
        {
            f.Add(p.Output == OutputKind.Chart ? "chart" : "excel");
        }
        if (p.BareFacilities)
        {
            f.Add("bare");
        }
        if (p.Status is { } status)
        {
            f.Add(status == Core.Records.RecordStatus.Estimate ? "est" : "act");
        }
        if (p.BothStatuses)
        {
            f.Add("both");
        }
        if (p.FollowUpMarker)
        {
            f.Add("follow");
        }
        return string.Join(",", f);
    }
}
