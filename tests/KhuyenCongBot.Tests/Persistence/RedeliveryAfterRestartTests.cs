using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Reliability;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>An update handled by a run that then died is delivered again to the next run: nothing is applied twice, and the
/// person gets the replies that run may never have sent (the receipt of a saved record above all).</summary>
public sealed class RedeliveryAfterRestartTests
{
    private const long Officer = 2101;

    [Fact]
    public async Task The_last_update_delivered_again_after_a_restart_gets_its_saved_replies_again_and_saves_nothing_twice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcbot-redelivery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "bot.db");
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        Incoming? save = null;
        Incoming? earlier = null;
        string? receipt = null;
        var update = 0;
        using (var first = BotHarness.Create(new DateOnly(2024, 6, 20), databasePath: db, settings: settings))
        {
            first.AddUser(Officer.ToString(System.Globalization.CultureInfo.InvariantCulture), Role.Officer, "bac-ninh", channel: "telegram");
            var next = "/ghi";
            for (var step = 0; step < 40 && receipt is null; step++)
            {
                var message = new Incoming { Channel = "telegram", ChatId = "2101", UserId = "2101", Text = next, UpdateKey = "telegram:" + ++update };
                earlier = step == 3 ? message : earlier;
                save = next == "Lưu" ? message : save;
                var texts = (await first.Engine.HandleAsync(message)).Select(r => TextRendering.Render(r, KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi")).ToList();
                receipt = texts.FirstOrDefault(t => t.Contains("Đã lưu bản ghi số"));
                var last = texts.LastOrDefault(t => t.Contains("Kiểm tra trước khi lưu") || FormOfficer.AnswerTo(t, Officer, "Hội chợ thử 1") is not null);
                next = last is null ? "/ghi" : last.Contains("Kiểm tra trước khi lưu") ? "Lưu" : FormOfficer.AnswerTo(last, Officer, "Hội chợ thử 1")!;
            }
            Assert.NotNull(receipt);
            // The same process does not send a reply twice when the platform repeats an update it already answered.
            Assert.Empty(await first.Engine.HandleAsync(save!));
        }

        // The bot died before the receipt went out; Telegram delivers the unconfirmed "Lưu" again to the next run.
        using var second = BotHarness.Create(new DateOnly(2024, 6, 20), databasePath: db, settings: settings);
        var again = await second.Engine.HandleAsync(save!);
        Assert.Contains(again, r => r.Text.Contains(receipt!.Split('\n')[0]));
        Assert.Equal(1, second.Store.Records.Count());
        // An older update of that person delivered again changes nothing and says nothing (its replies were superseded).
        Assert.Empty(await second.Engine.HandleAsync(earlier!));
        Assert.Equal(1, second.Store.Records.Count());
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task A_question_of_a_form_in_progress_is_asked_again_with_its_choices_when_its_update_comes_back_after_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcbot-redelivery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "bot.db");
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        var start = new Incoming { Channel = "telegram", ChatId = "2102", UserId = "2102", Text = "/ghi", UpdateKey = "telegram:501" };
        Reply asked;
        using (var first = BotHarness.Create(new DateOnly(2024, 6, 20), databasePath: db, settings: settings))
        {
            first.AddUser("2102", Role.Officer, "bac-ninh", channel: "telegram");
            asked = (await first.Engine.HandleAsync(start)).Last(r => r.Choices.Count > 0);
        }
        using var second = BotHarness.Create(new DateOnly(2024, 6, 20), databasePath: db, settings: settings);
        var again = Assert.Single(await second.Engine.HandleAsync(start));
        Assert.Equal(asked.Text, again.Text);
        Assert.Equal(asked.Choices, again.Choices);
        // The form did not move on: typing the first choice's number answers that question, as it would have.
        var answered = await second.Engine.HandleAsync(start with { Text = "1", UpdateKey = "telegram:502" });
        Assert.DoesNotContain(answered, r => r.Text == asked.Text);
    }
}
