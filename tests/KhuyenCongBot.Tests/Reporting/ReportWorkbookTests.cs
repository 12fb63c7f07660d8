using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Reports;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>The period's report workbook: written from seeds/reports/report.json, read back with MiniExcel and compared with LINQ over the demo records and projects.</summary>
public sealed class ReportWorkbookTests(ITestOutputHelper output, ReportWorkbookTests.DemoBot demo) : IClassFixture<ReportWorkbookTests.DemoBot>
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    public sealed class DemoBot : IDisposable
    {
        public DemoBot()
        {
            Bot = BotHarness.Create(Today, demo: true);
            Bot.AddUser("admin", Role.Admin);
            Bot.AddUser("pt", Role.Officer, "phu-tho");
        }

        public BotHarness Bot { get; }

        public void Dispose() => Bot.Dispose();
    }

    private static List<List<object?>> Sheet(byte[] xlsx, string name)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
    }

    private static long N(object? cell) => cell switch
    {
        null => 0,
        double d => (long)d,
        _ => throw new Xunit.Sdk.XunitException($"Not a number: {cell} ({cell.GetType().Name})"),
    };

    private static long? Trainees(SupportRecord r) =>
        r.Extra.TryGetValue("trainees", out var t) ? long.Parse(t, System.Globalization.CultureInfo.InvariantCulture)
        : r.Note is { } note && Regex.Match(note, @"(\d+) học viên") is { Success: true } m ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [Fact]
    public void The_activity_and_province_sheets_match_LINQ_over_the_first_half_of_2024()
    {
        var bot = fixture().Bot;
        var period = new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), "6 tháng đầu năm 2024");
        var workbook = bot.Services.GetRequiredService<ReportWorkbook>();
        var bytes = bot.Services.GetRequiredService<IReportWorkbookWriter>().Write(workbook.Build(period, null, Today));
        var records = bot.Store.Records.All().Where(r => r.Date >= period.From && r.Date <= period.To).ToList();

        var sheet = Sheet(bytes, "Theo hoạt động");
        Assert.Equal("Hoạt động", sheet[0][0]);
        Assert.Equal("Số gian hàng", sheet[0][4]);
        Assert.Equal("Doanh thu tư vấn (đồng)", sheet[0][6]);
        Assert.True(records.Where(r => r.ActivityId == "consulting").Sum(r => r.RevenueVnd) > 0);
        foreach (var activity in bot.Catalogue.Activities)
        {
            var row = sheet.Single(r => Equals(r[0], activity.ShortName));
            var mine = records.Where(r => r.ActivityId == activity.Id).ToList();
            Assert.Equal(mine.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count(), N(row[2]));
            Assert.Equal(activity.Measures.Contains("facilities") ? mine.Count : 0, N(row[3]));
            Assert.Equal(mine.Sum(r => (long)r.Booths), N(row[4]));
            Assert.Equal(mine.Sum(r => Trainees(r) ?? 0), N(row[5]));
            Assert.Equal(mine.Sum(r => r.Split?.Kcqg ?? (r.FundingSource == "KCQG" ? r.FundingVnd : 0)), N(row[7]));
            Assert.Equal(mine.Sum(r => r.Split?.Kcdp ?? (r.FundingSource is "KCĐP" or "KCDP" ? r.FundingVnd : 0)), N(row[8]));
            Assert.Equal(mine.Sum(r => r.Split?.Counterpart ?? 0), N(row[9]));
            Assert.Equal(mine.Sum(r => r.FundingVnd), N(row[11]));
            // Consulting records carry revenue: the workbook's revenue column (it had none).
            Assert.Equal(mine.Sum(r => r.RevenueVnd), N(row[6]));
        }
        // The article's figure, as the workbook shows it.
        Assert.Equal(701, N(sheet.Single(r => Equals(r[0], "Hội chợ, triển lãm"))[4]));
        Assert.True(records.Where(r => r.ActivityId == "training").Sum(r => Trainees(r) ?? 0) > 0);
        var total = sheet[^1];
        Assert.Equal("Tổng cộng", total[0]);
        Assert.Equal(records.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count(), N(total[2]));
        // Participations are the records that support a facility: information and propaganda records are not "lượt cơ sở".
        Assert.Equal(records.Count(r => r.ActivityId != "information"), N(total[3]));
        Assert.Equal(records.Sum(r => r.RevenueVnd), N(total[6]));
        Assert.Equal(records.Sum(r => r.FundingVnd), N(total[11]));
        Assert.Equal(0, N(total[1]));

        var provinces = Sheet(bytes, "Theo tỉnh");
        foreach (var group in records.GroupBy(r => bot.Catalogue.CurrentOf(r.ProvinceId)!.Id))
        {
            var row = provinces.Single(r => Equals(r[0], bot.Catalogue.Province(group.Key)!.ShortName));
            Assert.Equal(group.Count(r => r.ActivityId != "information"), N(row[4]));
            Assert.Equal(group.Sum(r => (long)r.Booths), N(row[5]));
            Assert.Equal(group.Sum(r => r.FundingVnd), N(row[10]));
            Assert.Equal(group.Sum(r => r.RevenueVnd), N(row[7]));
        }
        Assert.Equal(records.Count(r => r.ActivityId != "information"), N(provinces[^1][4]));
    }

    [Fact]
    public void The_project_list_and_disbursement_match_LINQ_as_at_the_end_of_the_period()
    {
        var bot = fixture().Bot;
        var period = new Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "năm 2026");
        var workbook = bot.Services.GetRequiredService<ReportWorkbook>();
        var bytes = bot.Services.GetRequiredService<IReportWorkbookWriter>().Write(workbook.Build(period, null, Today));
        var projects = bot.Store.Projects.Find(ProjectFilter.Everything)
            .Where(p => p.DecisionDate <= Today && !(p.SettledOn < period.From)).ToList();
        Assert.True(projects.Count >= 5);

        var list = Sheet(bytes, "Danh sách đề án");
        Assert.Equal("Mã đề án", list[0][0]);
        Assert.Equal(projects.Count, list.Count - 1);
        foreach (var p in projects)
        {
            var row = list.Single(r => Equals(r[0], p.Code));
            Assert.Equal(p.Name, row[1]);
            Assert.Equal(p.DecisionDate.ToDateTime(TimeOnly.MinValue), row[3]);
            Assert.Equal(ReportingTestKit.Vocabulary.Name(p.Status), row[8]);
            // Days behind: to today while not accepted, to the acceptance once accepted (a project accepted late keeps its delay).
            var until = p.AcceptedOn is { } accepted && accepted <= Today ? accepted : Today;
            Assert.Equal(p.PlannedEnd is { } end && end < until ? until.DayNumber - end.DayNumber : 0, N(row[11]));
            // Facilities: the project's own and those of the records linked to it, each once.
            var facilityNames = p.FacilityIds.Select(id => bot.Store.Facilities.Get(id)?.Name)
                .Concat(bot.Store.Records.All().Where(r => r.ProjectCode == p.Code).Select(r => r.FacilityName))
                .OfType<string>().Select(KhuyenCongBot.Core.Text.VnText.FoldWords).Distinct().Count();
            Assert.Equal(facilityNames, N(row[17]));
            Assert.Equal(p.Approved.Kcqg, N(row[12]));
            Assert.Equal(p.DisbursedVnd, N(row[15]));
            Assert.Equal((double)p.DisbursedVnd / (p.Approved.Kcqg + p.Approved.Kcdp), (double)row[16]!, 9);
            Assert.Equal(p.FacilityIds.Count, N(row[17]));
        }

        // The disbursement columns: the year's projects (approved from 1 January to today), as /baocao and "giải ngân năm 2026" count them.
        var years = bot.Store.Projects.Find(ProjectFilter.Everything).Where(p => p.DecisionDate >= period.From && p.DecisionDate <= Today).ToList();
        var activities = Sheet(bytes, "Theo hoạt động");
        Assert.Equal("Đề án tính giải ngân (phê duyệt từ đầu năm đến cuối kỳ)", activities[0][12]);
        foreach (var group in projects.GroupBy(p => p.ActivityId))
        {
            var row = activities.Single(r => Equals(r[0], bot.Catalogue.Activity(group.Key)!.ShortName));
            Assert.Equal(group.Count(), N(row[1]));
            var ofYear = years.Where(p => p.ActivityId == group.Key).ToList();
            Assert.Equal(ofYear.Count, N(row[12]));
            Assert.Equal(ofYear.Sum(p => p.Approved.Kcqg + p.Approved.Kcdp), N(row[13]));
            Assert.Equal(ofYear.Sum(p => p.DisbursedVnd), N(row[14]));
        }
        var total = activities[^1];
        Assert.Equal(projects.Count, N(total[1]));
        Assert.Equal(years.Count, N(total[12]));
        Assert.Equal((double)years.Sum(p => p.DisbursedVnd) / years.Sum(p => p.Approved.Kcqg + p.Approved.Kcdp), (double)total[15]!, 9);
        var late = Sheet(bytes, "Theo tỉnh");
        Assert.Equal(projects.Count(p => p.PlannedEnd < Today && p.AcceptedOn is null), N(late[^1][2]));
    }

    [Fact]
    public async Task Baocao_excel_sends_the_workbook_of_the_officers_province_only()
    {
        var bot = fixture().Bot;
        var replies = await bot.Send(new Core.Messaging.Incoming { Channel = "terminal", ChatId = "pt", UserId = "pt", Text = "/baocao năm 2026 excel" });
        var reply = Assert.Single(replies);
        output.WriteLine(reply.Text);
        Assert.Contains("Tệp Excel báo cáo", reply.Text);
        var file = reply.Attachment!;
        Assert.EndsWith(".xlsx", file.FileName);
        var list = Sheet(file.Content, "Danh sách đề án");
        var phuTho = bot.Catalogue.UnitsOf("phu-tho").ToHashSet();
        var mine = bot.Store.Projects.Find(ProjectFilter.Everything).Where(p => phuTho.Contains(p.ProvinceId) && !(p.SettledOn < new DateOnly(2026, 1, 1))).ToList();
        Assert.Equal(mine.Select(p => p.Code).Order(), list.Skip(1).Select(r => (string)r[0]!).Order());
        Assert.DoesNotContain(list, r => Equals(r[0], "KC-2026-04"));
        var provinces = Sheet(file.Content, "Theo tỉnh");
        Assert.Equal(["Phú Thọ", "Tổng cộng"], provinces.Skip(1).Select(r => (string)r[0]!));

        // The "Tải Excel" button after the paragraph gives the same workbook.
        var paragraph = await bot.Say("/baocao năm 2026", "pt");
        Assert.Contains("1. Tải Excel", paragraph);
        var again = await bot.Send(new Core.Messaging.Incoming { Channel = "terminal", ChatId = "pt", UserId = "pt", Text = "1" });
        Assert.Equal(file.FileName, Assert.Single(again).Attachment!.FileName);
    }

    [Theory]
    [InlineData("\"measure\": \"booths\"", "\"measure\": \"gian_hang\"", "gian_hang")]
    [InlineData("\"rows\": \"province\"", "\"rows\": \"district\"", "district")]
    [InlineData("\"title\": \"Theo tỉnh\"", "\"title\": \"Theo hoạt động\"", "trùng")]
    public void A_broken_layout_stops_the_start_naming_the_file(string from, string to, string named)
    {
        using var seeds = ReportingTestKit.CopySeeds();
        var path = Path.Combine(seeds.Path, "reports", ReportLayout.FileName);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(index >= 0);
        File.WriteAllText(path, text[..index] + to + text[(index + from.Length)..]);
        var ex = Assert.Throws<SeedException>(() => ReportLayout.Load(seeds.Path));
        Assert.Contains("report.json", ex.Message);
        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public void The_shipped_layout_loads()
    {
        var layout = ReportLayout.Load(KhuyenCongBot.Tests.Records.RecordsTestKit.SeedsPath);
        Assert.Equal(["Theo hoạt động", "Theo tỉnh", "Danh sách đề án"], layout.Sheets.Select(s => s.Title));
        Assert.Contains(layout.Sheets[0].Columns, c => c.Measure == "projects.rate" && c.Kind == CellKind.Percent);
    }

    private DemoBot fixture() => demo;
}
