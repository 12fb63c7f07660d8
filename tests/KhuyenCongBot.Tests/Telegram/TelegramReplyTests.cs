using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Telegram;

/// <summary>How replies are rendered on Telegram: keyboards, edits, photos, documents, long texts, broadcasts.</summary>
public sealed class TelegramReplyTests
{
    private const long Admin = TelegramBotFixture.AdminId;

    private static Task<TelegramBotFixture> StartAsync() =>
        TelegramBotFixture.StartAsync(o => o.ConfigureServices = s => s.AddSingleton<IBotModule, ReplyShowcase>());

    [Fact]
    public async Task Choices_become_an_inline_keyboard_and_a_press_edits_the_message_in_place()
    {
        await using var bot = await StartAsync();

        var ask = Assert.Single(await bot.Say(Admin, "/chon"));
        Assert.Equal("Chọn hoạt động:", ask.Text);
        Assert.Equal(3, ask.Buttons.Count);
        Assert.Equal("pick:machinery", Assert.Single(ask.Buttons[0]).Data);
        Assert.Equal(["Bỏ qua", "Hủy"], ask.Buttons[2].Select(b => b.Text));

        var after = await bot.Press(Admin, ask, "Hội chợ, triển lãm");

        Assert.Equal(2, after.Count);
        Assert.Equal(("edit", ask.MessageId, "Bạn đã chọn pick:trade_fair"), (after[0].Kind, after[0].MessageId, after[0].Text));
        Assert.Empty(after[0].Buttons);
        Assert.Equal(("text", "Tiếp theo…"), (after[1].Kind, after[1].Text));
        Assert.Single(bot.Server.CallsTo("answerCallbackQuery"));
    }

    [Fact]
    public async Task A_failed_edit_falls_back_to_a_new_message()
    {
        await using var bot = await StartAsync();
        var ask = Assert.Single(await bot.Say(Admin, "/chon"));
        bot.Server.FailNext("editMessageText", 400, "Bad Request: message can't be edited");

        var after = await bot.Press(Admin, "skip", ask.MessageId);

        Assert.Equal(["text", "text"], after.Select(m => m.Kind));
        Assert.Equal("Bạn đã chọn skip", after[0].Text);
    }

    [Fact]
    public async Task Typing_the_number_of_a_choice_works_like_pressing_it()
    {
        await using var bot = await StartAsync();
        await bot.Say(Admin, "/chon");

        var after = await bot.Say(Admin, "1");

        Assert.Equal("Bạn đã chọn pick:machinery", after[0].Text);
    }

    [Fact]
    public async Task Short_choices_go_two_per_row_and_over_long_data_falls_back_to_a_numbered_list()
    {
        await using var bot = await StartAsync();

        var months = Assert.Single(await bot.Say(Admin, "/nhieu"));
        var list = Assert.Single(await bot.Say(Admin, "/dataquadai"));

        Assert.Equal([2, 2, 2], months.Buttons.Select(r => r.Count));
        Assert.Empty(list.Buttons);
        Assert.Contains("1. Một", list.Text);
        Assert.Contains(bot.Server.CallsTo("setMyCommands")[0].Fields["commands"]!.AsArray(), c => c!["command"]!.ToString() == "dataquadai");
    }

    [Fact]
    public async Task Photos_and_documents_are_uploaded_with_their_bytes()
    {
        await using var bot = await StartAsync();

        var photo = Assert.Single(await bot.Say(Admin, "/anh"));
        var file = Assert.Single(await bot.Say(Admin, "/tep"));

        Assert.Equal(("photo", "Biểu đồ <gian hàng>", "chart.png"), (photo.Kind, photo.Text, photo.File!.FileName));
        Assert.Equal([1, 2, 3, 4], photo.File.Content);
        Assert.Equal(("document", "so-lieu.xlsx"), (file.Kind, file.File!.FileName));
        Assert.Equal([9, 8, 7], file.File.Content);
    }

    [Fact]
    public async Task Long_text_is_split_on_line_boundaries_under_4096_characters()
    {
        await using var bot = await StartAsync();

        var parts = await bot.Say(Admin, "/dai");

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p.Text.Length <= 4096));
        Assert.StartsWith("Dòng 001", parts[0].Text);
        Assert.All(parts.Skip(1), p => Assert.StartsWith("Dòng ", p.Text));
        Assert.Equal(250, parts.Sum(p => p.Text.Split('\n').Length));
    }

    [Fact]
    public async Task Broadcast_sender_maps_blocked_and_rate_limited_chats()
    {
        await using var bot = await StartAsync();
        var sender = bot.Services.GetServices<IMessageSender>().Single(s => s.Channel == "telegram");
        bot.Server.Block(42);
        bot.Server.FailNext("sendMessage", 429, "Too Many Requests: retry after 30", retryAfter: 30, chatId: 43);

        await sender.SendAsync("44", Reply.Of("Nhắc việc"));
        var blocked = await Assert.ThrowsAsync<SendFailedException>(() => sender.SendAsync("42", Reply.Of("x")));
        var limited = await Assert.ThrowsAsync<SendFailedException>(() => sender.SendAsync("43", Reply.Of("x")));
        var transient = Assert.ThrowsAsync<SendFailedException>(() => sender.SendAsync("abc", Reply.Of("x")));

        Assert.Equal("Nhắc việc", Assert.Single(bot.Server.SentTo(44)).Text);
        Assert.True(blocked.Permanent);
        Assert.False(limited.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter);
        Assert.True((await transient).Permanent);
    }

    [Fact]
    public async Task A_short_429_from_the_rate_limit_is_waited_out_by_the_client()
    {
        await using var bot = await StartAsync();
        // One deterministic 429 on the second part (a rate limit measured in wall time is flaky on a loaded machine).
        bot.Server.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1, chatId: Admin, times: 1);

        var parts = await bot.Say(Admin, "/dai");

        Assert.Equal(3, parts.Count);
        Assert.Equal(3, bot.Server.CallsTo("sendMessage").Count - 1);
    }

    [Theory]
    [InlineData("a\nb", 10, new[] { "a\nb" })]
    [InlineData("aaaa\nbbbb\ncc", 9, new[] { "aaaa\nbbbb", "cc" })]
    [InlineData("aaaaaaaaaa\nb", 4, new[] { "aaaa", "aaaa", "aa\nb" })]
    public void Split_keeps_lines_together_when_it_can(string text, int max, string[] expected) =>
        Assert.Equal(expected, TelegramReplySender.Split(text, max));
}
