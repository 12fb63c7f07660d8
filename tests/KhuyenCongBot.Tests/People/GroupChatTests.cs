using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.People;

/// <summary>
/// In a group the bot answers only what is addressed to it, with figures every member may see: anyone seen there who is not an
/// active registered person, or members the bot cannot know, mean no figures at all; forms and private conversations stay private.
/// </summary>
public sealed class GroupChatTests
{
    private const string Group = "group-1";
    private const string Question = "bao nhiêu gian hàng 6 tháng đầu năm 2024";
    private const string PhuTho = "Phú Thọ bao nhiêu gian hàng năm 2024";

    private sealed class Bot : IDisposable
    {
        public Bot(bool directory = true)
        {
            Directory = new FakeGroupDirectory();
            Harness = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" },
                configure: services =>
                {
                    if (directory)
                    {
                        services.AddSingleton<IGroupDirectory>(Directory);
                    }
                });
        }

        public BotHarness Harness { get; }
        public FakeGroupDirectory Directory { get; }

        /// <summary>A member writes in the group (and so is in it).</summary>
        public async Task<string> InGroup(string user, string text, bool addressed = true)
        {
            Directory.Join(Group, user);
            return Text(await Harness.Send(new Incoming
            {
                Channel = "terminal", ChatId = Group, UserId = user, Text = text, IsGroupChat = true, AddressedToBot = addressed,
            }));
        }

        public async Task<string> PressInGroup(string user, string data)
        {
            Directory.Join(Group, user);
            return Text(await Harness.Send(new Incoming { Channel = "terminal", ChatId = Group, UserId = user, ButtonData = data, IsGroupChat = true }));
        }

        public Task Members(params GroupMemberChange[] changes) => Harness.Send(new Incoming
        {
            Channel = "terminal", ChatId = Group, UserId = "admin", IsGroupChat = true, AddressedToBot = false, MemberChanges = changes,
        });

        public void Dispose() => Harness.Dispose();
    }

    /// <summary>The replies as a person reads them: text and the labels of their choices.</summary>
    private static string Text(IReadOnlyList<Reply> replies) => string.Join("\n", replies.Select(r => TextRendering.Render(r, KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi")));

    private static void Refused(string reply)
    {
        Assert.True(reply.Contains("trong nhóm này"), reply);
        Assert.Contains("tin nhắn riêng", reply);
        Assert.DoesNotContain("gian hàng", reply.Replace("số liệu", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_are_limited_to_what_every_member_may_see()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("admin", Role.Admin);
        bot.Harness.AddUser("officer", Role.Officer, "phu-tho");

        // Before the officer has written in the group, the admin sees everything there.
        var open = await bot.InGroup("admin", Question);
        Assert.True(open.Contains("701 gian hàng"), open);

        await bot.InGroup("officer", "/help");
        var refused = await bot.InGroup("admin", Question);
        Assert.True(refused.Contains("trong nhóm này"), refused);
        Assert.DoesNotContain("701", refused);
        var report = await bot.InGroup("admin", "/baocao 6 tháng đầu năm 2024");
        Assert.True(report.Contains("trong nhóm này"), report);
        Assert.DoesNotContain("701", report);
        var plans = await bot.InGroup("admin", "/kehoach 2024");
        Assert.True(plans.Contains("trong nhóm này"), plans);

        var phuTho = await bot.InGroup("admin", PhuTho);
        Assert.True(phuTho.Contains("gian hàng"), phuTho);
        Assert.DoesNotContain("trong nhóm này", phuTho);
    }

    [Fact]
    public async Task A_stranger_who_wrote_in_the_group_even_unaddressed_stops_every_figure()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("admin", Role.Admin);
        Assert.Contains("701 gian hàng", await bot.InGroup("admin", Question));

        Assert.Equal("", await bot.InGroup("stranger", "chào cả nhà", addressed: false));
        Refused(await bot.InGroup("admin", Question));
        Refused(await bot.InGroup("admin", PhuTho));
        Refused(await bot.InGroup("admin", "top tỉnh kinh phí 2024"));
        Refused(await bot.InGroup("admin", "/baocao 6 tháng đầu năm 2024"));
        Refused(await bot.InGroup("admin", "gian hàng 2024 biểu đồ"));
    }

    [Fact]
    public async Task Members_the_bot_cannot_know_mean_no_figures()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("admin", Role.Admin);
        bot.Directory.Silent(Group, 1);
        Refused(await bot.InGroup("admin", Question));
        bot.Directory.Silent(Group, 0);
        Assert.Contains("701 gian hàng", await bot.InGroup("admin", Question));
    }

    [Fact]
    public async Task Without_a_member_count_a_group_gets_no_figures()
    {
        using var bot = new Bot(directory: false);
        bot.Harness.AddUser("admin", Role.Admin);
        Refused(await bot.InGroup("admin", Question));
        Refused(await bot.InGroup("admin", PhuTho));
    }

    [Fact]
    public async Task Joins_and_departures_change_what_the_group_may_see_and_deactivation_counts_at_once()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("admin", Role.Admin);
        var other = bot.Harness.AddUser("hanoi", Role.Officer, "ha-noi");

        // A silent registered officer of another province, known from the join event.
        bot.Directory.Join(Group, "hanoi");
        await bot.Members(new GroupMemberChange("hanoi", true));
        Assert.Contains("trong nhóm này", await bot.InGroup("admin", PhuTho));
        Assert.Contains("gian hàng", await bot.InGroup("admin", "Hà Nội bao nhiêu gian hàng năm 2024"));

        // Deactivated: may see nothing, so the group sees nothing.
        other.Active = false;
        bot.Harness.Store.Users.Update(other);
        Refused(await bot.InGroup("admin", "Hà Nội bao nhiêu gian hàng năm 2024"));

        bot.Directory.Leave(Group, "hanoi");
        await bot.Members(new GroupMemberChange("hanoi", false));
        Assert.Contains("701 gian hàng", await bot.InGroup("admin", Question));
    }

    [Fact]
    public async Task A_member_who_left_silently_is_found_gone_and_no_one_new_slips_in_unseen()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("admin", Role.Admin);
        bot.Harness.AddUser("hanoi", Role.Officer, "ha-noi");
        await bot.InGroup("hanoi", "/help");
        // hanoi leaves and a stranger joins, neither announced: the count is the same as before.
        bot.Directory.Leave(Group, "hanoi");
        bot.Directory.Silent(Group, 1);
        Refused(await bot.InGroup("admin", Question));
        Assert.DoesNotContain("hanoi", bot.Harness.Services.GetRequiredService<GroupRoster>().Members("terminal", Group));
    }

    [Fact]
    public async Task The_bot_added_again_forgets_who_it_knew()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("admin", Role.Admin);
        await bot.InGroup("stranger", "hello", addressed: false);
        Assert.Contains("stranger", bot.Harness.Services.GetRequiredService<GroupRoster>().Members("terminal", Group));
        await bot.Members(new GroupMemberChange("bot", true, IsThisBot: true));
        Assert.Empty(bot.Harness.Services.GetRequiredService<GroupRoster>().Members("terminal", Group));
    }

    [Fact]
    public async Task Forms_stay_private_and_unaddressed_messages_are_ignored()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("officer", Role.Officer, "phu-tho");
        Assert.Contains("tin nhắn riêng", await bot.InGroup("officer", "/ghi"));
        Assert.Equal("", await bot.InGroup("officer", "chào cả nhà", addressed: false));
    }

    [Fact]
    public async Task A_private_form_is_neither_shown_nor_moved_nor_cancelled_from_a_group()
    {
        using var bot = new Bot();
        var officer = bot.Harness.AddUser("officer", Role.Officer, "phu-tho");
        // The demo's open Phú Thọ trade-fair project brings the project question first.
        Assert.Contains("Thuộc đề án nào", await bot.Harness.Say("/ghi hội chợ", user: "officer"));
        Assert.Contains("Cơ sở", await bot.Harness.Say("không thuộc đề án nào", user: "officer"));
        var before = bot.Harness.Store.Conversations.Get(officer.Id)!;
        var (flow, step, data) = (before.Flow, before.Step, string.Join(";", before.Data.Select(kv => kv.Key + "=" + kv.Value)));

        foreach (var text in new[] { "1", "Gốm Phù Lãng", "/huy", "bỏ qua", "quay lại", "/help" })
        {
            var reply = await bot.InGroup("officer", text);
            Assert.DoesNotContain("Phiếu", reply);
            Assert.DoesNotContain("Đã hủy", reply);
        }
        Assert.Contains("nút này không dùng được trong nhóm", (await bot.PressInGroup("officer", "f:cancel")).ToLowerInvariant());
        Assert.Contains("nút này không dùng được trong nhóm", (await bot.PressInGroup("officer", "f:my")).ToLowerInvariant());

        var after = bot.Harness.Store.Conversations.Get(officer.Id)!;
        Assert.Equal((flow, step, data), (after.Flow, after.Step, string.Join(";", after.Data.Select(kv => kv.Key + "=" + kv.Value))));
        Assert.Equal("officer", after.LastChatId);
        // The form goes on in private where it was left.
        Assert.Contains("Gốm Phù Lãng", await bot.Harness.Say("Gốm Phù Lãng", user: "officer"));
    }

    [Fact]
    public async Task Choices_offered_in_private_are_neither_repeated_nor_answered_in_a_group()
    {
        using var bot = new Bot();
        var officer = bot.Harness.AddUser("officer", Role.Officer, "phu-tho");
        await bot.Harness.Say("/ghi hội chợ", user: "officer");
        Assert.Contains("Đã lưu bản ghi", await Forms.FormDriver.FillAndSave(bot.Harness, "officer"));
        var list = await bot.Harness.Say("/cuatoi", user: "officer");
        var facility = bot.Harness.Store.Records.ByUser(officer.Id, 1).Single().FacilityName!;
        Assert.Contains(facility, list);

        foreach (var text in new[] { new string('a', 4001), "1", "\u0001" })
        {
            var reply = await bot.InGroup("officer", text);
            Assert.DoesNotContain(facility, reply);
            Assert.DoesNotContain("#", reply);
        }
    }

    [Fact]
    public async Task Figure_buttons_work_in_a_group_and_are_checked_there()
    {
        using var bot = new Bot();
        bot.Harness.AddUser("admin", Role.Admin);
        Assert.Contains("701 gian hàng", await bot.InGroup("admin", Question));
        Assert.Contains("Phú Thọ", await bot.PressInGroup("admin", "fq:by:p"));
        await bot.InGroup("stranger", "hi", addressed: false);
        Refused(await bot.PressInGroup("admin", "fq:by:p"));
        Refused(await bot.PressInGroup("admin", "fq:xlsx"));
    }
}
