using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// A record dated before 1/7/2025 for a facility whose commune lay in a former province counts under that province, as it was then
/// (stranger findings, item 6): the officer of Phú Thọ logging a 2024 fair for HTX thổ cẩm Mai Châu (xã Chiềng Châu, former Hòa
/// Bình) and the officer of Lào Cai logging a May 2025 consulting for HTX chè shan tuyết Hoàng Gia (xã Suối Giàng, former Yên Bái).
/// </summary>
public sealed partial class CommuneMergerTranscriptTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Demo(string user, string province)
    {
        var bot = BotHarness.Create(Today, demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser(user, Role.Officer, province);
        return bot;
    }

    [Fact]
    public async Task A_2024_fair_of_a_facility_of_former_Hoa_Binh_counts_under_Hoa_Binh_and_once_under_Phu_Tho()
    {
        using var bot = Demo("o9", "phu-tho");
        var before = await bot.Say("gian hang phu tho thang 3 2024", "o9");
        var (log, summary) = await Fill(bot, "o9", "/ghi hoi chợ", "tho cam", "HTX thổ cẩm Mai Châu", "15/03/2024", "4");
        Assert.True(summary.Contains("ℹ Ngày 15/03/2024 là trước khi Hòa Bình hợp nhất vào Phú Thọ: xã Chiềng Châu thuộc Hòa Bình cũ, bản ghi được tính cho Hòa Bình.", StringComparison.Ordinal), log);
        Assert.Contains("Tỉnh/thành phố: Hòa Bình", summary);
        Assert.Contains("Đã lưu", await bot.Say("lưu", "o9"));
        var saved = bot.Store.Records.All().OrderByDescending(r => r.Id).First();
        Assert.Equal("hoa-binh", saved.ProvinceId);

        // The figures: Hòa Bình counts the 4 booths, Phú Thọ (with the former units merged into it) counts them once more than before.
        Assert.Contains("4 gian hàng", await bot.Say("gian hang hoa binh thang 3 2024", "o9"));
        var after = await bot.Say("gian hang phu tho thang 3 2024", "o9");
        Assert.Equal(Booths(before) + 4, Booths(after));
    }

    [Fact]
    public async Task A_May_2025_consulting_of_a_facility_of_former_Yen_Bai_counts_under_Yen_Bai_and_a_date_moved_past_the_merger_moves_it_back()
    {
        using var bot = Demo("o12", "lao-cai");
        var (log, summary) = await Fill(bot, "o12", "/ghi tu van", "chè shan tuyết Hoàng Gia", "HTX chè shan tuyết Hoàng Gia", "10/05/2025", "1");
        Assert.True(summary.Contains("xã Suối Giàng thuộc Yên Bái cũ, bản ghi được tính cho Yên Bái.", StringComparison.Ordinal), log);
        Assert.Contains("Tỉnh/thành phố: Yên Bái", summary);

        // The date corrected at the summary to after the merger: back under Lào Cai, and said.
        await bot.Say(ItemOf(summary, "Ngày"), "o12");
        var moved = await bot.Say("10/07/2025", "o12");
        Assert.Contains("bản ghi được tính cho Lào Cai", moved);
        Assert.Contains("Tỉnh/thành phố: Lào Cai", moved);
        await bot.Say(ItemOf(moved, "Ngày"), "o12");
        var back = await bot.Say("10/05/2025", "o12");
        Assert.Contains("Tỉnh/thành phố: Yên Bái", back);
        Assert.Contains("Đã lưu", await bot.Say("lưu", "o12"));
        var saved = bot.Store.Records.All().OrderByDescending(r => r.Id).First();
        Assert.Equal("yen-bai", saved.ProvinceId);
        Assert.DoesNotContain(" 0 đồng", await bot.Say("doanh thu tu van yen bai thang 5 2025", "o12"));

        // Opened again with /sua after it was (wrongly) filed under Lào Cai: the summary moves it back to Yên Bái.
        saved.ProvinceId = "lao-cai";
        bot.Store.Records.Update(saved);
        await bot.Say($"/sua {saved.Id}", "o12");
        var edit = await bot.Say("1", "o12");
        Assert.Contains("bản ghi được tính cho Yên Bái", edit);
        await bot.Say("lưu", "o12");
        Assert.Equal("yen-bai", bot.Store.Records.Get(saved.Id)!.ProvinceId);
    }

    [Fact]
    public async Task A_pre_merger_record_of_a_facility_whose_commune_cannot_be_placed_stays_under_the_current_unit_and_says_how_to_change_it()
    {
        using var bot = FormTestKit.WithOfficer();
        var (log, summary) = await Fill(bot, "o1", "/ghi hoi chợ", "Gốm Phù Lãng", "Gốm Phù Lãng", "15/03/2024", "2");
        Assert.True(summary.Contains("chưa biết xã Phù Lãng thuộc tỉnh cũ nào của Phú Thọ: bản ghi được tính cho Phú Thọ", StringComparison.Ordinal), log);
        Assert.Contains("Tỉnh/thành phố: Phú Thọ", summary);
    }

    /// <summary>Answers the form opened by <paramref name="start"/> until its summary: the facility searched and picked by name, the
    /// date and the count given, everything else as <see cref="FormDriver"/> would; returns the transcript and the summary.</summary>
    private static async Task<(string Log, string Summary)> Fill(BotHarness bot, string user, string start, string search, string facility, string date, string count)
    {
        var log = new System.Text.StringBuilder();
        var reply = await bot.Say(start, user);
        log.Append("> ").AppendLine(start).AppendLine(reply);
        var forms = (FormCatalogue)bot.Services.GetService(typeof(FormCatalogue))!;
        for (var i = 0; i < 40; i++)
        {
            var u = bot.Store.Users.FindByIdentity("terminal:" + user)!;
            var s = new FormSession(bot.Store.Conversations.Get(u.Id)!);
            if (s.Phase == FormPhase.Summary)
            {
                return (log.ToString(), reply);
            }
            var field = forms.Get(s.FormId)!.Fields[s.Step];
            var answer = s.Phase switch
            {
                FormPhase.Facility => NumberOf(reply, facility) ?? "1",
                FormPhase.Ask when reply.Contains("đã cách đây hơn", StringComparison.Ordinal) => "có",
                FormPhase.Ask when field.Kind == FieldType.Facility => search,
                FormPhase.Ask when field.Kind == FieldType.Date => date,
                FormPhase.Ask when field.Kind == FieldType.Integer => count,
                FormPhase.Ask when field.Kind == FieldType.Project => "không",
                _ => FormDriver.NextAnswer(bot, user)!,
            };
            reply = await bot.Say(answer, user);
            log.Append("> ").AppendLine(answer).AppendLine(reply);
        }
        throw new InvalidOperationException("No summary:\n" + log);
    }

    private static string? NumberOf(string reply, string name) =>
        reply.Split('\n').Select(l => ListItem().Match(l)).FirstOrDefault(m => m.Success && m.Groups[2].Value.Contains(name, StringComparison.Ordinal))?.Groups[1].Value;

    private static string ItemOf(string summary, string label) =>
        Regex.Match(summary, @"(\d+)\. " + Regex.Escape(label) + @"[^:\n]*:").Groups[1].Value;

    private static int Booths(string reply) => Regex.Match(reply, @"(\d+) gian hàng") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^\W*(\d+)[.)]\s*(.+)$")]
    private static partial Regex ListItem();
}
