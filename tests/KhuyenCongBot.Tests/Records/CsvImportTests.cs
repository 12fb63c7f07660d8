using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Records;

/// <summary>Row validation, all-or-nothing behaviour and the CSV dialect of records.csv and plans.csv.</summary>
public sealed class CsvImportTests
{
    private const string Good = "15/03/2024,Bắc Ninh,trade_fair,Công ty TNHH Gốm Phù Lãng,xã Phù Lãng,3,,42000000,KCĐP,uoc,";

    [Theory]
    [InlineData("31/02/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,1,,,,,", "ngày '31/02/2024' không hợp lệ")]
    [InlineData("2024-13-01,Bắc Ninh,trade_fair,Cơ sở An Phú,,1,,,,,", "ngày '2024-13-01' không hợp lệ")]
    [InlineData(",Bắc Ninh,trade_fair,Cơ sở An Phú,,1,,,,,", "thiếu ngày")]
    [InlineData("01/03/2024,Gotham,trade_fair,Cơ sở An Phú,,1,,,,,", "không tìm thấy tỉnh/thành phố 'Gotham'")]
    [InlineData("01/03/2024,99,trade_fair,Cơ sở An Phú,,1,,,,,", "không tìm thấy tỉnh/thành phố '99'")]
    [InlineData("01/03/2024,Bắc Ninh,bowling,Cơ sở An Phú,,1,,,,,", "không tìm thấy hoạt động 'bowling'")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,-2,,,,,", "Số gian hàng phải là số nguyên từ 1 đến 50 (ô ghi '-2')")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,2,,1.00.000,KCQG,,", "(ô ghi '1.00.000')")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,2,abc,,,,", "cột revenue_vnd không dùng cho hoạt động trade_fair")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,,,,,,", "thiếu số gian hàng")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,,,2,,,,,", "thiếu tên cơ sở")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,2,,5000000,,,", "thiếu nguồn kinh phí")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,2,,,NSTW,,", "nguồn kinh phí 'NSTW' không hợp lệ")]
    [InlineData("01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,2,,,,tạm tính,", "trạng thái 'tạm tính' không hợp lệ")]
    public void A_bad_row_is_reported_with_its_line_and_nothing_is_imported(string bad, string reason)
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = RecordsTestKit.Import(importer, Good, Good, bad, Good);
            Assert.False(result.Ok);
            var error = Assert.Single(result.Errors);
            Assert.Equal(4, error.Line);
            Assert.Contains(reason, error.Reason);
            Assert.StartsWith("dòng 4: ", error.Describe());
            Assert.Equal(0, result.Imported);
            Assert.Equal(0, store.Records.Count());
            Assert.Empty(store.Facilities.All());
        }
    }

    [Fact]
    public void Every_bad_row_is_listed()
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = RecordsTestKit.Import(importer,
                Good,
                "31/02/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,1,,,,,",
                "01/03/2024,Atlantis,trade_fair,Cơ sở An Phú,,1,,,,,",
                Good,
                "01/03/2024,Bắc Ninh,nhảy dù,Cơ sở An Phú,,1,,,,,",
                "01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,-1,,,,,",
                "01/03/2024,Bắc Ninh,trade_fair,Cơ sở An Phú,,1,,,,xong rồi,",
                "32/13/2024,Hogwarts,trade_fair,Cơ sở An Phú,,1,,,,,");
            Assert.Equal([3, 4, 6, 7, 8, 9], result.Errors.Select(e => e.Line));
            Assert.Contains("dòng 3: ngày '31/02/2024' không hợp lệ", result.Describe());
            Assert.Contains("; ", result.Errors[^1].Reason);
            Assert.Equal(0, store.Records.Count());
        }
    }

    [Theory]
    [InlineData("date,province,activity")]
    [InlineData("ngay,tinh,hoat dong,co so,xa,gian,doanh thu,kinh phi,nguon,trang thai,ghi chu")]
    [InlineData("")]
    public void A_missing_or_wrong_header_is_line_1(string header)
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = importer.ImportRecords(new StringReader(header + "\n" + Good + "\n"), 1);
            Assert.Equal(1, Assert.Single(result.Errors).Line);
            Assert.Equal(0, store.Records.Count());
        }
    }

    [Theory]
    [InlineData("15/03/2024", 2024, 3, 15)]
    [InlineData("5/3/2024", 2024, 3, 5)]
    [InlineData("2024-03-15", 2024, 3, 15)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void Dates_in_both_formats(string text, int y, int m, int d)
    {
        Assert.True(CsvRecordImporter.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("45000000", 45_000_000L, true)]
    [InlineData("45.000.000", 45_000_000L, true)]
    [InlineData("1.500", 1_500L, true)]
    [InlineData("", 0L, true)]
    [InlineData("-5", 0L, false)]
    [InlineData("4,5", 0L, false)]
    [InlineData("45.00", 0L, false)]
    [InlineData("1 000", 0L, false)]
    public void Numbers_plain_or_grouped_with_dots(string text, long expected, bool ok)
    {
        Assert.Equal(ok, CsvRecordImporter.TryParseNonNegative(text, out var value));
        if (ok)
        {
            Assert.Equal(expected, value);
        }
    }

    [Theory]
    [InlineData("Vinh Phuc", "vinh-phuc")]
    [InlineData("Vĩnh Phúc", "vinh-phuc")]
    [InlineData("Phú Thọ", "phu-tho")]
    [InlineData("25", "phu-tho")]
    [InlineData("24", "bac-ninh")]
    [InlineData("Thành phố Hà Nội", "ha-noi")]
    [InlineData("Thanh Hoá", "thanh-hoa")]
    [InlineData("tỉnh Bắc Giang", "bac-giang")]
    public void Provinces_are_stored_as_recorded(string province, string id)
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = RecordsTestKit.Import(importer, $"01/03/2024,{province},may moc,Cơ sở Xuân Lộc,,,,,,,");
            Assert.True(result.Ok, result.Describe());
            Assert.Equal(id, store.Records.All().Single().ProvinceId);
        }
    }

    [Theory]
    [InlineData("uoc", RecordStatus.Estimate)]
    [InlineData("ước", RecordStatus.Estimate)]
    [InlineData("Estimate", RecordStatus.Estimate)]
    [InlineData("chinh thuc", RecordStatus.Actual)]
    [InlineData("Chính thức", RecordStatus.Actual)]
    [InlineData("actual", RecordStatus.Actual)]
    [InlineData("", RecordStatus.Actual)]
    public void Status_words(string status, RecordStatus expected)
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = RecordsTestKit.Import(importer, $"01/03/2024,Hà Nội,consulting,Cơ sở Xuân Lộc,,,50000000,10000000,KCDP,{status},");
            Assert.True(result.Ok, result.Describe());
            Assert.Equal(expected, store.Records.All().Single().Status);
        }
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = RecordsTestKit.Import(importer,
                "\"01/03/2024\",\"Bắc Ninh\",\"Hội chợ, triển lãm hàng CNNT, thủ công mỹ nghệ\",\"Công ty CP \"\"Gốm Phù Lãng\"\"\",\"xã Phù Lãng\",\"2\",,1000000,KCQG,,\"Hội chợ A, B\nngày 2\"",
                "02/03/2024,Bắc Ninh,trade_fair,Cơ sở Xuân Lộc,,bad,,,,,",
                Good);
            Assert.Equal(4, Assert.Single(result.Errors).Line); // the first row spans lines 2 and 3
            result = RecordsTestKit.Import(importer,
                "\"01/03/2024\",\"Bắc Ninh\",\"Hội chợ, triển lãm hàng CNNT, thủ công mỹ nghệ\",\"Công ty CP \"\"Gốm Phù Lãng\"\"\",\"xã Phù Lãng\",\"2\",,1000000,KCQG,,\"Hội chợ A, B\nngày 2\",,");
            Assert.True(result.Ok, result.Describe());
            var r = store.Records.All().Single();
            Assert.Equal("trade_fair", r.ActivityId);
            Assert.Equal("Công ty CP \"Gốm Phù Lãng\"", r.FacilityName);
            Assert.Equal("Hội chợ A, B\nngày 2", r.Note);
            Assert.Equal(2, r.Booths);
            Assert.Equal("KCQG", r.FundingSource);
        }
    }

    [Fact]
    public void Csv_reader_counts_lines_of_multi_line_fields()
    {
        var rows = CsvText.Read(new StringReader("a,b\r\n\"x\ny\",\"q\"\"\"\r\nlast,\"\"")).ToList();
        Assert.Equal([1, 2, 4], rows.Select(r => r.Line));
        Assert.Equal(["x\ny", "q\""], rows[1].Fields);
        Assert.Equal(["last", ""], rows[2].Fields);
        Assert.Equal("\"a, \"\"b\"\"\"", CsvText.Escape("a, \"b\""));
    }

    [Fact]
    public void One_facility_across_the_merger_and_across_imports()
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            Assert.True(RecordsTestKit.Import(importer,
                "10/04/2024,Vĩnh Phúc,machinery,Công ty TNHH Gốm Hương Canh,thị trấn Hương Canh,,,300000000,KCQG,uoc,",
                "11/04/2024,Vinh Phuc,trade_fair,cong ty tnhh gom huong canh,,2,,,,uoc,").Ok);
            Assert.True(RecordsTestKit.Import(importer,
                "12/03/2026,Phú Thọ,trade_fair,Công ty TNHH  Gốm Hương Canh.,,1,,,,,",
                "12/03/2026,Bắc Ninh,trade_fair,Công ty TNHH Gốm Hương Canh,,1,,,,,").Ok);
            var records = store.Records.All().ToList();
            Assert.Single(records.Take(3).Select(r => r.FacilityId).Distinct());
            Assert.NotEqual(records[0].FacilityId, records[3].FacilityId);
            var facilities = store.Facilities.All().OrderBy(f => f.Id).ToList();
            Assert.Equal(["phu-tho", "bac-ninh"], facilities.Select(f => f.ProvinceId));
            Assert.Equal("cong ty tnhh gom huong canh", facilities[0].NormalizedName);
        }
    }

    [Fact]
    public void Plans_upsert_by_year_unit_and_metric()
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var csv = "year,province,metric,target\n2024,Phú Thọ,consulting.revenue_vnd,600.000.000\n2024,01,trade_fair.booths,120\n";
            Assert.Equal(2, importer.ImportPlans(new StringReader(csv)).Imported);
            Assert.True(importer.ImportPlans(new StringReader("year,province,metric,target\n2024,phu tho,consulting.revenue_vnd,700000000\n")).Ok);
            var plans = store.Plans.ForYear(2024).OrderBy(p => p.Id).ToList();
            Assert.Equal(["2024|ha-noi|trade_fair.booths", "2024|phu-tho|consulting.revenue_vnd"], plans.Select(p => p.Id));
            Assert.Equal(700_000_000m, plans[1].Target);
        }
    }

    [Theory]
    [InlineData("2024,Vĩnh Phúc,trade_fair.booths,10", "là tỉnh cũ")]
    [InlineData("2024,Narnia,trade_fair.booths,10", "không tìm thấy tỉnh/thành phố 'Narnia'")]
    [InlineData("20x4,Phú Thọ,trade_fair.booths,10", "năm '20x4' không hợp lệ")]
    [InlineData("2024,Phú Thọ,trade_fair,10", "chỉ tiêu 'trade_fair' không hợp lệ")]
    [InlineData("2024,Phú Thọ,bowling.booths,10", "không có hoạt động 'bowling'")]
    [InlineData("2024,Phú Thọ,trade_fair.smiles,10", "đơn vị đo 'smiles'")]
    [InlineData("2024,Phú Thọ,machinery.revenue_vnd,10", "đơn vị đo 'revenue_vnd'")]
    [InlineData("2024,Phú Thọ,trade_fair.booths,-10", "chỉ tiêu kế hoạch '-10' không hợp lệ")]
    [InlineData("2024,Phú Thọ,trade_fair.booths,", "thiếu chỉ tiêu kế hoạch")]
    [InlineData("2024,Ninh Bình,machinery.facilities,3", "trùng kế hoạch với dòng 2")]
    public void Bad_plan_rows_are_listed_and_nothing_is_saved(string bad, string reason)
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var csv = $"year,province,metric,target\n2024,Ninh Bình,machinery.facilities,12\n2024,Hà Tĩnh,trademark.facilities,2\n{bad}\n";
            var result = importer.ImportPlans(new StringReader(csv));
            var error = Assert.Single(result.Errors);
            Assert.Equal(4, error.Line);
            Assert.Contains(reason, error.Reason);
            Assert.Empty(store.Plans.All());
        }
    }

    [Fact]
    public void Export_writes_the_import_columns()
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            Assert.True(RecordsTestKit.Import(importer,
                "2024-03-01,Vinh Phuc,hội chợ,\"HTX \"\"Gốm\"\", Hương Canh\",,2,,30.000.000,KCĐP,ước,\"ghi chú, có dấu phẩy\"").Ok);
            var csv = new StringWriter();
            importer.ExportRecords(csv);
            var lines = csv.ToString().Split('\n');
            Assert.StartsWith(RecordsTestKit.Header + ",", lines[0]);
            Assert.Contains(",fair_name,", lines[0]);
            Assert.Contains(",trainees,", lines[0]);
            Assert.StartsWith("01/03/2024,Vĩnh Phúc,trade_fair,\"HTX \"\"Gốm\"\", Hương Canh\",,2,,30000000,KCĐP,Ước thực hiện,\"ghi chú, có dấu phẩy\",", lines[1]);
        }
    }
}
