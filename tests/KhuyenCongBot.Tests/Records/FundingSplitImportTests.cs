using System.Text;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Outputs;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Records;

/// <summary>records.csv carries the funding split (kcqg_vnd, kcdp_vnd, counterpart_vnd, other_vnd); older files still import, and an export imports back to the same figures.</summary>
public sealed class FundingSplitImportTests
{
    private const string SplitHeader = RecordsTestKit.Header + ",kcqg_vnd,kcdp_vnd,counterpart_vnd,other_vnd";

    private static (LiteDbStore Store, CsvRecordImporter Importer) NewStore()
    {
        var store = new LiteDbStore(":memory:");
        return (store, new CsvRecordImporter(store, () => RecordsTestKit.Catalogue, RecordsTestKit.Clock(), null, new MiniExcelSpreadsheetWriter()));
    }

    private static ImportResult Import(CsvRecordImporter importer, string header, params string[] rows) =>
        importer.Import(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n"), new ImportOptions(1, "test", "records.csv", true));

    private static readonly string[] SplitRows =
    [
        // KCQG and KCĐP together, with the facility's counterpart.
        "10/04/2024,Vĩnh Phúc,machinery,Công ty TNHH Gốm Hương Canh,,,,,,,,300000000,100000000,250000000,",
        // Counterpart only (no khuyến công money), and the total column given and matching.
        "12/05/2024,Phú Thọ,machinery,HTX Chè Long Cốc,,,,0,,,,,,80000000,",
        // Amounts typed as officers write them, with another source.
        "01/09/2025,Phú Thọ,consulting,HTX Chè Long Cốc,,,150000000,45000000,,,,45tr,,,5 triệu",
        // A row of the old kind in the new file: its amount is its source's part.
        "15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,3,,42000000,KCĐP,,,,,,",
    ];

    [Fact]
    public void Split_columns_are_read_and_an_old_file_without_them_still_imports()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var result = Import(importer, SplitHeader, SplitRows);
            Assert.True(result.Ok, result.Describe());
            var records = store.Records.All().OrderBy(r => r.Date).ToList();
            Assert.Equal(
                [new FundingSplit(0, 42_000_000), new FundingSplit(300_000_000, 100_000_000, 250_000_000), new FundingSplit(0, 0, 80_000_000), new FundingSplit(45_000_000, 0, 0, 5_000_000)],
                records.Select(r => r.Split!.Value));
            Assert.Equal([42_000_000L, 400_000_000, 0, 45_000_000], records.Select(r => r.FundingVnd));
            Assert.Equal(["KCDP", null, null, "KCQG"], records.Select(r => r.FundingSource));

            var (old, oldImporter) = NewStore();
            using (old)
            {
                var back = Import(oldImporter, RecordsTestKit.Header, "15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,3,,42000000,KCĐP,,");
                Assert.True(back.Ok, back.Describe());
                Assert.Equal(new FundingSplit(0, 42_000_000), Assert.Single(old.Records.All()).Split);
            }
        }
    }

    [Theory]
    [InlineData("10/04/2024,Vĩnh Phúc,machinery,Gốm,,,,500000000,,,,300000000,100000000,,", "khác tổng KCQG + KCĐP")]
    [InlineData("10/04/2024,Vĩnh Phúc,machinery,Gốm,,,,,,,,abc,,,", "KCQG")]
    [InlineData("10/04/2024,Vĩnh Phúc,machinery,Gốm,,,,,,,,,-5000000,,", "KCĐP")]
    [InlineData("10/04/2024,Vĩnh Phúc,trade_fair,Gốm,,2,,,,,,,,99000000000000,", "Vốn đối ứng")]
    public void Wrong_split_cells_are_refused_with_the_column_named(string row, string reason)
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var result = Import(importer, SplitHeader, row);
            Assert.False(result.Ok);
            Assert.Contains(reason, result.Describe());
            Assert.Equal(0, store.Records.Count());
        }
    }

    [Fact]
    public void An_export_imports_back_to_the_same_records_and_the_same_figures_by_source()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            Assert.True(Import(importer, SplitHeader, SplitRows).Ok);
            var csv = new StringWriter();
            importer.ExportRecords(csv);
            var text = csv.ToString();
            Assert.StartsWith(SplitHeader + ",", text);
            var sheets = new MiniExcelSpreadsheetWriter();
            var xlsx = sheets.WriteRecords([["a"]], store.Records.All(), id => store.Facilities.Get(id));
            foreach (var (bytes, name) in new[] { (Encoding.UTF8.GetBytes(text), "export.csv"), (xlsx, "export.xlsx") })
            {
                var (copy, again) = NewStore();
                using (copy)
                {
                    var back = again.Import(bytes, new ImportOptions(1, "test", name, true));
                    Assert.True(back.Ok, name + ": " + back.Describe());
                    Assert.Equal(Fingerprints(store), Fingerprints(copy));
                    var q = new FigureQuery(null, Measures.Funding, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));
                    using var index = new FiguresIndex(copy, RecordsTestKit.Catalogue);
                    var breakdown = index.Breakdown(q, BreakdownBy.Source).ToDictionary(kv => kv.Key, kv => kv.Value.Value);
                    foreach (var source in FundingSources.All)
                    {
                        // LINQ over the original records: the part of each source.
                        var expected = store.Records.All().Sum(r => (decimal)(r.Split?[source] ?? 0));
                        Assert.Equal(expected, breakdown.GetValueOrDefault(FundingSources.Key(source)));
                        Assert.Equal(expected, new ScanFigureSource(copy, RecordsTestKit.Catalogue).Total(q with { Source = source }).Value);
                    }
                    Assert.Equal(store.Records.All().Sum(r => (decimal)r.FundingVnd), index.Total(q).Value);
                }
            }
        }
    }

    private static List<string> Fingerprints(LiteDbStore store) =>
        store.Records.All().Select(r => CsvRecordImporter.Fingerprint(r)).OrderBy(f => f, StringComparer.Ordinal).ToList();
}
