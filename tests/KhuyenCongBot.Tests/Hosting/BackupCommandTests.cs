using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>/saoluu sends the latest backup to an admin and nothing to anyone else.</summary>
public sealed class BackupCommandTests
{
    [Fact]
    public async Task Admin_gets_a_backup_document_that_is_a_LiteDB_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), settings: new Dictionary<string, string?> { ["Backup:Folder"] = folder });
        bot.AddUser("admin", Role.Admin);
        var replies = await bot.Send(new Incoming { Channel = "terminal", ChatId = "admin", UserId = "admin", Text = "/saoluu" });
        var attachment = Assert.Single(replies).Attachment;
        Assert.NotNull(attachment);
        Assert.Equal(AttachmentKind.Document, attachment!.Kind);
        var copy = Path.Combine(folder, "copy.db");
        await File.WriteAllBytesAsync(copy, attachment.Content);
        Assert.True(Storage.Backups.Verify(copy) >= 0);
    }

    [Fact]
    public async Task An_officer_is_refused_and_no_backup_is_taken()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), settings: new Dictionary<string, string?> { ["Backup:Folder"] = folder });
        bot.AddUser("o1", Role.Officer, "phu-tho");
        var reply = await bot.Say("/saoluu", user: "o1");
        Assert.Contains("chỉ dành cho quản trị viên", reply);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task An_English_admin_gets_the_backup_reply_in_English_and_backup_new_takes_a_fresh_one()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), settings: new Dictionary<string, string?> { ["Backup:Folder"] = folder });
        bot.AddUser("admin", Role.Admin);
        var reply = await bot.Say("/backup", "admin", "en");
        Assert.Matches(@"^Backup \S+ \([\d,]+ KB\)\. Type /backup new for a fresh one\.", reply);
        Assert.DoesNotContain("Bản sao lưu", reply);
        var before = Directory.GetFiles(folder).Length;
        Assert.StartsWith("Backup ", await bot.Say("/backup new", "admin", "en"));
        Assert.True(Directory.GetFiles(folder).Length > before, "'/backup new' takes a fresh backup");
        Assert.StartsWith("Bản sao lưu ", await bot.Say("/saoluu", "admin"));
    }
}
