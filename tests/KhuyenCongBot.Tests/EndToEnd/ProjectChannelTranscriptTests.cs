using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// A project registered, moved on and asked about on every channel (the terminal, Telegram through the fake Bot API server, Zalo
/// through its fake server): buttons pressed on Telegram, numbers typed elsewhere; a question in the middle of the dialog is
/// answered, a command works, /huy leaves.
/// </summary>
public sealed class ProjectChannelTranscriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> Channels => new() { "terminal", "telegram", "zalo" };

    private Task<string> Say(IChatDriver bot, string user, string text) => bot.SayLoggedAsync(output, user, text);

    private Task<string> Choose(IChatDriver bot, string user, int number, string label) => bot.ChooseLoggedAsync(output, user, number, label);

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_group_project_is_registered_moved_on_and_asked_about(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        bot.AddUser("boss", Role.Manager, null);

        Assert.Contains("Mã đề án", await Say(bot, "o1", "ghi đề án"));
        await Say(bot, "o1", "KC-2026-41");
        await Say(bot, "o1", "Đoàn doanh nghiệp dự hội chợ Cần Thơ");
        // A question in the middle is answered; the dialog waits with its draft.
        var aside = await Say(bot, "o1", "bao nhiêu đề án chưa nghiệm thu");
        Assert.Contains("có 0 đề án chưa nghiệm thu", aside);
        Assert.Contains("vẫn chờ bạn", aside);
        Assert.Equal("project:new", DialogRulesTranscriptTests.FlowOf(bot, "o1"));
        await Say(bot, "o1", "88/QĐ-BCT");
        await Say(bot, "o1", "02/11/2026");
        await Choose(bot, "o1", 1, "Khuyến công quốc gia (KCQG)");
        await Choose(bot, "o1", 2, "Đề án nhóm (nhiều cơ sở)");
        await Choose(bot, "o1", 3, "Hội chợ, triển lãm");
        await Say(bot, "o1", "900 triệu");
        await Choose(bot, "o1", 1, "Không có");
        // A planned end already past is asked back (the project is late from the start), and kept.
        Assert.Contains("đã qua", await Say(bot, "o1", "20/11/2026"));
        await Choose(bot, "o1", 1, "Đúng, giữ như vậy");
        var summary = await Choose(bot, "o1", 1, "Bỏ qua");
        Assert.Contains("KCQG 900.000.000 đồng", summary);
        var saved = await Choose(bot, "o1", 1, "Lưu đề án");
        Assert.Contains("Đã ghi đề án KC-2026-41", saved);
        var project = bot.Store.Projects.FindByCode("KC-2026-41")!;
        Assert.Equal(ProjectType.Group, project.Type);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "o1"));

        // Moved on from its button; the date is asked.
        Assert.Contains("thực hiện ngày nào", await Choose(bot, "o1", 1, "KC-2026-41 → đang thực hiện"));
        Assert.Contains($"phê duyệt → đang thực hiện, ngày 05/11/2026, người ghi: {ProjectTesterFindingsTests.Who(channel)}", await Say(bot, "o1", "5/11"));
        Assert.Contains("Đã ghi: đề án KC-2026-41 đang thực hiện ngày 05/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        // Out of order is refused.
        Assert.Contains("cần ghi bước nghiệm thu", await Say(bot, "o1", "đề án KC-2026-41 quyết toán ngày 25/11"));
        Assert.Contains("giải ngân 450.000.000 đồng", await Say(bot, "o1", "đề án KC-2026-41 giải ngân 450 triệu"));

        // Planned end 20/11 passed, not accepted: late by 6 days at 26/11.
        var late = await Say(bot, "boss", "đề án nào chậm tiến độ");
        Assert.Contains("KC-2026-41", late);
        Assert.Contains("chậm 6 ngày", late);
        Assert.Contains("đạt 50%", await Say(bot, "boss", "giải ngân đạt bao nhiêu %"));

        // /huy leaves a registration, nothing saved.
        await Say(bot, "o1", "/dean moi");
        await Say(bot, "o1", "KC-2026-42");
        Assert.Contains("Đã hủy", await Say(bot, "o1", "/huy"));
        Assert.Null(bot.Store.Projects.FindByCode("KC-2026-42"));
    }
}
