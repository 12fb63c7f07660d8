using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>A stored conversation state that cannot be read (a damaged file) must not lock its person out of the bot.</summary>
public sealed class UnreadableStateTests
{
    private const long Officer = 2201;

    [Fact]
    public async Task A_damaged_state_starts_afresh_with_a_warning_and_the_persons_records_stay()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcbot-unreadable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "bot.db");
        long userId;
        using (var first = BotHarness.Create(new DateOnly(2024, 6, 20), databasePath: db))
        {
            userId = first.AddUser("2201", Role.Officer, "bac-ninh", channel: "telegram").Id;
            await first.Engine.HandleAsync(Message("/ghi", 1));
            Assert.Equal("form", first.Store.Conversations.Get(userId)?.Flow);
        }
        using (new LiteDbStore(db))
        {
            // Opening folds the log into the conversations collection.
        }
        using (var raw = new LiteDatabase(new ConnectionString { Filename = db }))
        {
            var docs = raw.GetCollection("conversations");
            var doc = docs.FindById(userId);
            Assert.NotNull(doc);
            doc["b"] = new byte[] { 1, 2, 3 }; // cut short: the format's version, then nothing
            docs.Update(doc);
        }

        using var second = BotHarness.Create(new DateOnly(2024, 6, 20), databasePath: db);
        Assert.Throws<KhuyenCongBot.Core.Storage.UnreadableStateException>(() => second.Store.Conversations.Get(userId));
        var replies = await second.Engine.HandleAsync(Message("/help", 2));

        var text = string.Join("\n", replies.Select(r => TextRendering.Render(r, KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi")));
        Assert.NotEmpty(replies);
        Assert.DoesNotContain("gặp lỗi", text);
        Assert.Empty(second.Errors);
        Assert.Contains(second.Logs.AtLeast(LogLevel.Warning), l => l.Contains("could not be read", StringComparison.Ordinal));
        // The next message reads the state saved with /help, not the damaged one.
        Assert.NotNull(second.Store.Conversations.Get(userId));
    }

    private static Incoming Message(string text, int update) =>
        new() { Channel = "telegram", ChatId = "2201", UserId = "2201", Text = text, UpdateKey = "telegram:" + update };
}
