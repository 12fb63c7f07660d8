using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// Issue 15, "How to show it", on Telegram (buttons pressed) and Zalo (numbers typed): a group trade-fair project registered in chat
/// with its budget split (KCQG and counterpart), moved through its whole lifecycle with a disbursement, and the new questions asked
/// by a manager at each stage: by activity ("đề án hội chợ nào chậm tiến độ", "giải ngân đề án hội chợ đạt bao nhiêu %"), by source
/// ("đề án nào dùng vốn đối ứng") and by period ("đề án nào đã nghiệm thu trong năm 2026"), beside a late machinery project.
/// </summary>
public sealed class ProjectQuestionsChannelTranscriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> Channels => EndToEndChannels.Channels;

    private Task<string> Say(IChatDriver bot, string user, string text) => bot.SayLoggedAsync(output, user, text);

    private Task<string> Choose(IChatDriver bot, string user, int number, string label) => bot.ChooseLoggedAsync(output, user, number, label);

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_group_project_with_split_funding_goes_through_its_lifecycle_and_the_new_questions_are_answered(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        bot.AddUser("boss", Role.Manager, null);
        // A machinery project of the province, provincial money only, its planned end passed: late.
        bot.Store.Projects.Add(new Project
        {
            Code = "KCĐP-2026-31", NormalizedCode = ProjectCode.Normalize("KCĐP-2026-31"), Name = "Máy sấy chè Long Cốc", DecisionNumber = "31/QĐ-UBND",
            DecisionDate = new DateOnly(2026, 3, 1), Programme = ProjectProgramme.Local, Type = ProjectType.Single, ProvinceId = "phu-tho",
            ActivityId = "machinery", PlannedEnd = new DateOnly(2026, 10, 31), Approved = new FundingSplit(0, 400_000_000), CreatedAt = DateTimeOffset.UtcNow,
        });

        // The group project, its budget split between KCQG and the facilities' counterpart money.
        await Say(bot, "o1", "/dean moi");
        await Say(bot, "o1", "KC-2026-41");
        await Say(bot, "o1", "Đoàn DN dự hội chợ Cần Thơ");
        await Say(bot, "o1", "88/QĐ-BCT");
        await Say(bot, "o1", "02/11/2026");
        await Choose(bot, "o1", 1, "Khuyến công quốc gia (KCQG)");
        await Choose(bot, "o1", 2, "Đề án nhóm (nhiều cơ sở)");
        await Choose(bot, "o1", 3, "Hội chợ, triển lãm");
        await Say(bot, "o1", "900 triệu");
        await Say(bot, "o1", "300 triệu");
        Assert.Contains("đã qua", await Say(bot, "o1", "20/11/2026"));
        await Choose(bot, "o1", 1, "Đúng, giữ như vậy");
        Assert.Contains("KCQG 900.000.000 đồng, đối ứng 300.000.000 đồng", await Choose(bot, "o1", 1, "Bỏ qua"));
        Assert.Contains("Đã ghi đề án KC-2026-41", await Choose(bot, "o1", 1, "Lưu đề án"));

        // Under way, with a disbursement.
        await Say(bot, "o1", "đề án KC-2026-41 đang thực hiện ngày 5/11");
        Assert.Contains("Đã ghi: đề án KC-2026-41 đang thực hiện ngày 05/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        Assert.Contains("giải ngân 450.000.000 đồng", await Say(bot, "o1", "đề án KC-2026-41 giải ngân 450 triệu"));

        // By activity: only the fair project, or only the machinery one.
        var open = await Say(bot, "boss", "bao nhiêu đề án hội chợ chưa nghiệm thu");
        Assert.Contains("cả nước (đề án hội chợ, triển lãm) có 1 đề án chưa nghiệm thu (trên tổng 1 đề án đã phê duyệt)", open);
        Assert.Contains("KC-2026-41", open);
        Assert.DoesNotContain("KCĐP-2026-31", open);
        var lateFair = await Say(bot, "boss", "đề án hội chợ nào chậm tiến độ");
        Assert.Contains("KC-2026-41 – Đoàn DN dự hội chợ Cần Thơ: kết thúc dự kiến 20/11/2026, chậm 6 ngày", lateFair);
        Assert.DoesNotContain("KCĐP-2026-31", lateFair);
        var lateMachines = await Say(bot, "boss", "đề án máy móc nào chậm tiến độ");
        Assert.Contains("KCĐP-2026-31 – Máy sấy chè Long Cốc: kết thúc dự kiến 31/10/2026, chậm 26 ngày", lateMachines);
        Assert.DoesNotContain("KC-2026-41", lateMachines);
        var rate = await Say(bot, "boss", "giải ngân đề án hội chợ đạt bao nhiêu %");
        Assert.Contains("Giải ngân 1 đề án của cả nước (đề án hội chợ, triển lãm) tính đến 26/11/2026: 450.000.000 đồng trên 900.000.000 đồng kinh phí khuyến công được duyệt", rate);
        Assert.Contains("đạt 50%", rate);
        // Every project: the machinery project's 400 million approved counts too.
        Assert.Contains("450.000.000 đồng trên 1.300.000.000 đồng", await Say(bot, "boss", "giải ngân đạt bao nhiêu %"));

        // By source: counterpart money is the fair project's only, provincial money the machinery project's only.
        var counterpart = await Say(bot, "boss", "đề án nào dùng vốn đối ứng");
        Assert.Contains("có 1 đề án có vốn đối ứng", counterpart);
        Assert.Contains("KC-2026-41", counterpart);
        var local = await Say(bot, "boss", "đề án nào dùng vốn KCĐP");
        Assert.Contains("KCĐP-2026-31", local);
        Assert.DoesNotContain("KC-2026-41", local);

        // Accepted, then settled: by period, and no fair project left to settle.
        await Say(bot, "o1", "đề án KC-2026-41 đã nghiệm thu ngày 25/11");
        Assert.Contains("Đã ghi: đề án KC-2026-41 nghiệm thu ngày 25/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        var accepted = await Say(bot, "boss", "đề án nào đã nghiệm thu trong năm 2026");
        Assert.Contains("có 1 đề án nghiệm thu", accepted);
        Assert.Contains("KC-2026-41 – Đoàn DN dự hội chợ Cần Thơ: nghiệm thu 25/11/2026", accepted);
        await Say(bot, "o1", "đề án KC-2026-41 đã quyết toán ngày 26/11");
        Assert.Contains("quyết toán ngày 26/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        Assert.Equal(ProjectStatus.Settled, bot.Store.Projects.FindByCode("KC-2026-41")!.Status);
        Assert.Contains("cả nước (đề án hội chợ, triển lãm) có 0 đề án chưa quyết toán (trên tổng 1 đề án đã phê duyệt)",
            await Say(bot, "boss", "bao nhiêu đề án hội chợ chưa quyết toán"));
        Assert.Contains("không có đề án nào chậm tiến độ", await Say(bot, "boss", "đề án hội chợ nào chậm tiến độ"));
    }
}
