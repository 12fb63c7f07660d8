using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Outputs;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Records;

/// <summary>Imports cannot double, are undoable batches, take only what the forms take, and round-trip with exports.</summary>
public sealed class ImportBatchTests
{
    private const string Header = RecordsTestKit.Header;

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    private static (LiteDbStore Store, CsvRecordImporter Importer) NewStore(Func<FormCatalogue>? forms = null)
    {
        var store = new LiteDbStore(":memory:");
        return (store, new CsvRecordImporter(store, () => RecordsTestKit.Catalogue, RecordsTestKit.Clock(), forms, new MiniExcelSpreadsheetWriter()));
    }

    private static ImportOptions Options(string file = "records.csv", bool allow = false) => new(1, "test", file, allow);

    private const string Row1 = "15/03/2024,Bắc Ninh,trade_fair,Công ty TNHH Gốm Phù Lãng,xã Phù Lãng,3,,42000000,KCĐP,uoc,";
    private const string Row2 = "16/03/2024,Bắc Ninh,trade_fair,HTX Mây tre Xuân Lai,xã Xuân Lai,2,,,,chinh thuc,";
    private const string Row3 = "20/08/2025,Phú Thọ,consulting,HTX Chè Long Cốc,xã Long Cốc,,150000000,20000000,KCQG,,";

    [Fact]
    public void The_same_file_twice_is_reported_with_its_date_and_not_added()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var first = importer.Import(Csv(Row1, Row2), Options());
            Assert.Equal(2, first.Imported);
            Assert.NotNull(first.Batch);

            var again = importer.Import(Csv(Row1, Row2), Options("records (1).csv"));
            Assert.True(again.Ok);
            Assert.Equal(0, again.Imported);
            Assert.Equal(first.Batch!.Id, again.ImportedBefore!.Id);
            Assert.Equal(2, again.Duplicates);
            var text = again.Summary(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi", "records (1).csv", "--allow-duplicates", "import --undo {id}");
            Assert.Contains("đã nhập ngày 26/11/2026", text);
            Assert.Contains("2 dòng trùng", text);
            Assert.Equal(2, store.Records.Count());

            // Asked explicitly: added again, as a batch of its own.
            var forced = importer.Import(Csv(Row1, Row2), Options(allow: true));
            Assert.Equal(2, forced.Imported);
            Assert.Equal(4, store.Records.Count());
            Assert.Equal(3, store.Imports.All().Count + 1);
        }
    }

    [Fact]
    public async Task The_same_file_sent_several_times_at_once_is_added_once()
    {
        // Found by an outside tester: three `import` runs of one file through the owning process at the same moment all said
        // "Đã nhập 20 bản ghi" and the figures tripled. Each batch's duplicate check and writes now happen one batch at a time.
        var (store, importer) = NewStore();
        using (store)
        {
            var rows = Enumerable.Range(1, 40).Select(i => $"{1 + i % 28:00}/03/2024,Bắc Ninh,trade_fair,Cơ sở số {i},xã Phù Lãng,{i % 5 + 1},,,,chinh thuc,").ToArray();
            var content = Csv(rows);
            using var start = new Barrier(6);
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() =>
            {
                start.SignalAndWait();
                return importer.Import(content, Options($"copy-{n}.csv"));
            })));

            Assert.Equal(40, results.Sum(r => r.Imported));
            Assert.Single(results, r => r.Imported == 40);
            Assert.Equal(40, store.Records.Count());
        }
    }

    [Theory]
    [InlineData("15/03/2024,Bắc Ninh,consulting,HTX Chè,xã Phù Lãng,,,9223372036854775807,KCQG,,", "9223372036854775807", true)]
    [InlineData("15/03/2024,Bắc Ninh,flying,HTX Chè,xã Phù Lãng,,,42000000,KCQG,,", "flying", true)]
    [InlineData("15/03/2024,Bắc Ninh,consulting,HTX Chè,xã Phù Lãng,,,,KCQG,,", "có nguồn kinh phí nhưng không có kinh phí", false)]
    public void A_refused_amount_is_not_also_reported_as_missing(string row, string expected, bool amountGiven)
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var result = importer.Import(Csv(row), Options());
            var reason = Assert.Single(result.Errors).Reason;
            Assert.Contains(expected, reason);
            Assert.Equal(!amountGiven, reason.Contains("không có kinh phí", StringComparison.Ordinal));
            Assert.Equal(0, store.Records.Count());
        }
    }

    [Fact]
    public void Rows_already_present_are_skipped_and_listed_the_new_ones_are_added()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            Assert.Equal(2, importer.Import(Csv(Row1, Row2), Options()).Imported);
            // A longer file with the same two rows (and one repeated inside the file).
            var result = importer.Import(Csv(Row1, Row3, Row2, Row3), Options("thang-8.csv"));
            Assert.Equal(1, result.Imported);
            Assert.Equal([2, 4, 5], result.DuplicateLines);
            Assert.Contains("bỏ qua 3 dòng trùng với dữ liệu đã có (dòng 2, 4, 5)", result.Summary(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi", "thang-8.csv", "--allow-duplicates", "import --undo {id}"));
            Assert.Equal(3, store.Records.Count());
        }
    }

    [Fact]
    public void A_batch_is_listed_undone_with_an_audit_trail_and_can_then_be_imported_again()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var first = importer.Import(Csv(Row1), Options());
            var second = importer.Import(Csv(Row2, Row3), Options("b.csv"));
            Assert.Equal(3, store.Records.Count());
            Assert.Equal([second.Batch!.Id, first.Batch!.Id], store.Imports.All().Select(b => b.Id));

            var undo = importer.Undo(second.Batch.Id, 1)!;
            Assert.Equal(2, undo.RecordsRemoved);
            Assert.Equal([Row1.Split(',')[3]], store.Records.All().Select(r => r.FacilityName));
            Assert.NotNull(store.Imports.Get(second.Batch.Id)!.UndoneAt);
            Assert.Contains(store.Audit.ForEntity("import", second.Batch.Id.ToString()), a => a.Action == "undo-import");
            Assert.True(importer.Undo(second.Batch.Id, 1)!.AlreadyUndone);
            Assert.Null(importer.Undo(999, 1));

            // Undone, the file is no longer "already imported".
            Assert.Equal(2, importer.Import(Csv(Row2, Row3), Options("b.csv")).Imported);
            Assert.Equal(3, store.Records.Count());
        }
    }

    [Fact]
    public void Undoing_a_plans_import_puts_the_earlier_targets_back()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var plans = "year,province,metric,target\n2024,Phú Thọ,trade_fair.booths,100\n";
            Assert.True(importer.Import(Encoding.UTF8.GetBytes(plans), Options("plans.csv")).Ok);
            var change = importer.Import(Encoding.UTF8.GetBytes("year,province,metric,target\n2024,Phú Thọ,trade_fair.booths,150\n2024,Hà Nội,trade_fair.booths,80\n"), Options("plans2.csv"));
            Assert.Equal(2, change.Imported);
            Assert.Equal(150m, store.Plans.Get("2024|phu-tho|trade_fair.booths")!.Target);
            var undo = importer.Undo(change.Batch!.Id, 1)!;
            Assert.Equal(2, undo.PlansRestored);
            Assert.Equal(100m, store.Plans.Get("2024|phu-tho|trade_fair.booths")!.Target);
            Assert.Null(store.Plans.Get("2024|ha-noi|trade_fair.booths"));
        }
    }

    [Fact]
    public void A_former_province_after_the_merger_is_stored_under_the_current_unit_with_a_note()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var result = importer.Import(Csv(
                "20/08/2025,vinh phuc,trade_fair,Gốm Hương Canh,xã Hương Canh,2,,,,,",
                "20/06/2025,vinh phuc,trade_fair,Gốm Hương Canh,xã Hương Canh,2,,,,,"), Options());
            Assert.True(result.Ok, result.Describe());
            var records = store.Records.All().OrderBy(r => r.Date).ToList();
            Assert.Equal("vinh-phuc", records[0].ProvinceId); // before 1/7/2025: as recorded
            Assert.Equal("phu-tho", records[1].ProvinceId);
            Assert.Contains("Vĩnh Phúc đã hợp nhất vào Phú Thọ từ 01/07/2025", Assert.Single(result.Notes));
            Assert.Contains("Lưu ý: Vĩnh Phúc đã hợp nhất vào Phú Thọ", result.Summary(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi", "records.csv", "x", "y"));
        }
    }

    [Theory]
    [InlineData("15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,3,,9223372036854775807,KCQG,,", "Kinh phí khuyến công hỗ trợ phải là số tiền")]
    [InlineData("15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,3,,9.223.372.036.854.775.807,KCQG,,", "Kinh phí khuyến công hỗ trợ phải là số tiền")]
    [InlineData("15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,2147483647,,,,,", "Số gian hàng phải là số nguyên từ 1 đến 50")]
    [InlineData("20/08/2025,Phú Thọ,consulting,HTX Chè Long Cốc,,,100000000001,,,,", "Doanh thu")]
    [InlineData("01/01/0001,Bắc Ninh,trade_fair,Gốm Phù Lãng,,3,,,,,", "quá cũ")]
    [InlineData("15/05/9999,Bắc Ninh,trade_fair,Gốm Phù Lãng,,3,,,,,", "quá xa")]
    [InlineData("15/03/2024,Bắc Ninh,machinery,Gốm Phù Lãng,,3,,,,,", "cột booths không dùng cho hoạt động machinery")]
    [InlineData("15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,3,,,,,{0}", "Ghi chú cần từ 1 đến 500 ký tự")]
    public void Import_takes_only_what_the_form_takes(string row, string reason)
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var result = importer.Import(Csv(string.Format(System.Globalization.CultureInfo.InvariantCulture, row, new string('x', 501)), Row2), Options());
            Assert.False(result.Ok);
            Assert.Contains(reason, Assert.Single(result.Errors).Reason);
            Assert.Equal(0, store.Records.Count());
        }
    }

    [Fact]
    public void A_facility_name_of_1100_characters_is_refused_not_crashed_on()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var result = importer.Import(Csv($"15/03/2024,Bắc Ninh,trade_fair,{new string('A', 1100)},,3,,,,,"), Options());
            Assert.Contains("tên cơ sở cần từ 2 đến 120 ký tự", Assert.Single(result.Errors).Reason);
            Assert.Equal(0, store.Records.Count());
        }
    }

    [Fact]
    public void The_bounds_come_from_the_form_definitions()
    {
        // A copy of the seeds where the fair form takes at most 5 booths: the import follows the data, not code.
        var seeds = Path.Combine(Path.GetTempPath(), "kcb-tests", "seeds-" + Guid.NewGuid().ToString("N"));
        CopyFolder(RecordsTestKit.SeedsPath, seeds);
        var fair = Path.Combine(seeds, "forms", "trade_fair.json");
        File.WriteAllText(fair, File.ReadAllText(fair).Replace("\"max\": 50,", "\"max\": 5,", StringComparison.Ordinal));
        var ids = RecordsTestKit.Catalogue.Activities.Select(a => a.Id).ToList();
        var (store, importer) = NewStore(() => FormCatalogue.Load(seeds, ids));
        using (store)
        {
            var result = importer.Import(Csv("15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,6,,,,,"), Options());
            Assert.Contains("Số gian hàng phải là số nguyên từ 1 đến 5", Assert.Single(result.Errors).Reason);
            Assert.True(importer.Import(Csv("15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,,5,,,,,"), Options()).Ok);
        }
        Directory.Delete(seeds, true);
    }

    [Fact]
    public void Latin1_bytes_are_refused_instead_of_imported_as_replacement_characters()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var latin1 = Encoding.Latin1.GetBytes(Header + "\n15/03/2024,Bac Ninh,trade_fair,Gốm A,,3,,,,,\n".Replace("ố", "ô", StringComparison.Ordinal) + "16/03/2024,Bac Ninh,trade_fair,Céramique Phù,,3,,,,,\n");
            var result = importer.Import(latin1, Options());
            var error = Assert.Single(result.Errors);
            Assert.Contains("không phải UTF-8", error.Reason);
            Assert.Contains("dòng 2", error.Reason);
            Assert.Equal(0, store.Records.Count());

            // A file already damaged by an earlier conversion (U+FFFD in it) is refused too.
            var damaged = importer.Import(Csv("15/03/2024,Bắc Ninh,trade_fair,G\uFFFDm A,,3,,,,,"), Options());
            Assert.Contains("ký tự hỏng", Assert.Single(damaged.Errors).Reason);

            // UTF-8 with a byte-order mark and UTF-16 (what Excel writes) are read.
            Assert.True(importer.Import([.. Encoding.UTF8.GetPreamble(), .. Csv(Row1)], Options()).Ok);
            Assert.True(importer.Import([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + "\n" + Row2 + "\n")], Options()).Ok);
            Assert.Equal(["Công ty TNHH Gốm Phù Lãng", "HTX Mây tre Xuân Lai"], store.Records.All().Select(r => r.FacilityName).OrderBy(n => n));
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"note\")", "'=HYPERLINK(\"http://x\",\"note\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-3 máy", "'-3 máy")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=x", "''=x")]
    [InlineData("'bình thường", "'bình thường")]
    [InlineData("Gốm Phù Lãng", "Gốm Phù Lãng")]
    public void Formula_like_cells_are_neutralised_and_restored(string value, string written)
    {
        Assert.Equal(written, CellSafety.Neutralise(value));
        Assert.Equal(value, CellSafety.Restore(CellSafety.Neutralise(value)));
    }

    [Fact]
    public void Csv_and_xlsx_exports_import_back_to_the_same_records_and_figures()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            var rows = new[]
            {
                Header + ",fair_name,equipment,equipment_count,investment_vnd,trainees,course_name,classes,craft_village,facility_phone",
                "15/03/2024,Bắc Ninh,trade_fair,Gốm Phù Lãng,xã Phù Lãng,3,,42000000,KCĐP,uoc,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Hội chợ CNNT khu vực phía Bắc,,,,,,,làng gốm Phù Lãng,0912345678",
                "10/04/2024,Vĩnh Phúc,machinery,Công ty TNHH Gốm Hương Canh,thị trấn Hương Canh,,,300000000,KCQG,,,,Máy ép gạch,2,850000000,,,,,",
                "20/08/2025,Phú Thọ,consulting,HTX Chè Long Cốc,xã Long Cốc,,0,,,,+1+2,,,,,,,,,",
                "01/09/2025,Phú Thọ,training,HTX Chè Long Cốc,xã Long Cốc,,,15000000,KCĐP,,,,,,,35,Sao chè,1,,",
            };
            var source = importer.Import(Encoding.UTF8.GetBytes(string.Join("\n", rows) + "\n"), Options());
            Assert.True(source.Ok, source.Describe());
            var original = Fingerprints(store);

            var csv = new StringWriter();
            importer.ExportRecords(csv);
            var text = csv.ToString();
            Assert.Contains("KCĐP", text);
            Assert.DoesNotContain(",KCDP,", text);
            Assert.Contains("'=HYPERLINK", text);
            var machineLine = text.Split('\n').Single(l => l.Contains("Máy ép gạch"));
            Assert.Contains(",Vĩnh Phúc,machinery,Công ty TNHH Gốm Hương Canh,thị trấn Hương Canh,,,300000000,", machineLine); // empty stays empty

            var sheets = new MiniExcelSpreadsheetWriter();
            var xlsx = sheets.WriteRecords([["Chỉ tiêu", "Giá trị"]], store.Records.All(), id => store.Facilities.Get(id));
            var sheetRows = sheets.ReadRecordRows(xlsx);
            var investment = sheetRows[0].ToList().IndexOf("Tổng vốn đầu tư của cơ sở");
            Assert.True(investment > 0);
            Assert.Equal("850000000", sheetRows.Single(r => r.Contains("Máy ép gạch"))[investment]);

            foreach (var (bytes, name) in new[] { (Encoding.UTF8.GetBytes(text), "export.csv"), (xlsx, "export.xlsx") })
            {
                var (copy, again) = NewStore();
                using (copy)
                {
                    var back = again.Import(bytes, Options(name));
                    Assert.True(back.Ok, name + ": " + back.Describe());
                    Assert.Equal(original, Fingerprints(copy));
                    Assert.Equal(store.Records.All().Sum(r => r.FundingVnd), copy.Records.All().Sum(r => r.FundingVnd));
                    Assert.Equal("0912345678", copy.Facilities.All().Single(f => f.Name == "Gốm Phù Lãng").Phone);
                    // Importing the export into the store it came from adds nothing.
                    Assert.Equal(0, importer.Import(bytes, Options(name)).Imported);
                }
            }
        }
    }

    [Fact]
    public void Numbers_in_the_xlsx_are_numbers_and_empty_cells_are_empty()
    {
        var (store, importer) = NewStore();
        using (store)
        {
            Assert.True(importer.Import(Csv(Row1, Row3), Options()).Ok);
            var xlsx = new MiniExcelSpreadsheetWriter().WriteRecords([["a"]], store.Records.All(), id => store.Facilities.Get(id));
            using var stream = new MemoryStream(xlsx);
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, sheetName: "Bản ghi").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
            var fair = rows[1];
            Assert.IsType<double>(fair[5]); // booths
            Assert.Null(fair[6]);           // no revenue for a fair
            Assert.IsType<double>(fair[7]); // funding
            Assert.Equal("KCĐP", fair[8]);
            var consulting = rows[2];
            Assert.Null(consulting[5]);
            Assert.Equal(150_000_000d, consulting[6]);
        }
    }

    private static List<string> Fingerprints(LiteDbStore store) =>
        store.Records.All().Select(r => CsvRecordImporter.Fingerprint(r)).OrderBy(f => f, StringComparer.Ordinal).ToList();

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
