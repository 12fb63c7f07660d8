using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Tests.Telegram;

/// <summary>Reads a sent document and reports its name, size and content.</summary>
public sealed class DocumentEcho(Action<string> received) : IBotModule
{
    public IEnumerable<BotCommand> Commands => [];

    /// <summary>Before the import module (5), so this test sees the raw document.</summary>
    public int TextPriority => 0;

    public async Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (context.Message.Document is not { } doc)
        {
            return false;
        }
        await using var stream = await doc.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        received($"{doc.FileName}:{doc.Size}:{await reader.ReadToEndAsync(cancellationToken)}");
        context.Say("Đã nhận tệp " + doc.FileName);
        return true;
    }
}

/// <summary>Commands that produce every kind of reply the Telegram channel must render.</summary>
public sealed class ReplyShowcase : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("chon", [], "Chọn", "Choose", Role.Officer, Choose, InMenu: false),
        new("nhieu", [], "Nhiều", "Many", Role.Officer, Many, InMenu: false),
        new("anh", [], "Ảnh", "Photo", Role.Officer, Photo, InMenu: false),
        new("tep", [], "Tệp", "File", Role.Officer, File, InMenu: false),
        new("dai", [], "Dài", "Long", Role.Officer, Long, InMenu: false),
        new("DataQuaDai", [], "Data quá dài", "Long data", Role.Officer, LongData, InMenu: true),
    ];

    private static Task Choose(BotContext context, string args, CancellationToken ct)
    {
        context.Replies.Add(Reply.WithChoices("Chọn hoạt động:",
            new Choice("Ứng dụng máy móc thiết bị tiên tiến", "pick:machinery"),
            new Choice("Hội chợ, triển lãm", "pick:trade_fair"),
            new Choice("Bỏ qua", "skip", Numbered: false),
            new Choice("Hủy", "cancel", Numbered: false)));
        return Task.CompletedTask;
    }

    private static Task Many(BotContext context, string args, CancellationToken ct)
    {
        context.Replies.Add(Reply.WithChoices("Chọn tháng:", Enumerable.Range(1, 6).Select(i => new Choice("Tháng " + i, "m:" + i)).ToArray()));
        return Task.CompletedTask;
    }

    private static Task LongData(BotContext context, string args, CancellationToken ct)
    {
        context.Replies.Add(Reply.WithChoices("Chọn:", new Choice("Một", new string('x', 65)), new Choice("Hai", "hai")));
        return Task.CompletedTask;
    }

    private static Task Photo(BotContext context, string args, CancellationToken ct)
    {
        context.Replies.Add(new Reply { Text = "Biểu đồ <gian hàng>", Attachment = new Attachment(AttachmentKind.Photo, "chart.png", [1, 2, 3, 4], "image/png") });
        return Task.CompletedTask;
    }

    private static Task File(BotContext context, string args, CancellationToken ct)
    {
        context.Replies.Add(new Reply { Text = "Bảng số liệu", Attachment = new Attachment(AttachmentKind.Document, "so-lieu.xlsx", [9, 8, 7], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });
        return Task.CompletedTask;
    }

    private static Task Long(BotContext context, string args, CancellationToken ct)
    {
        context.Say(string.Join("\n", Enumerable.Range(1, 250).Select(i => $"Dòng {i:D3}: " + new string('x', 30))));
        return Task.CompletedTask;
    }

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (!data.StartsWith("pick:", StringComparison.Ordinal) && data != "skip")
        {
            return Task.FromResult(false);
        }
        context.Replies.Add(new Reply { Text = "Bạn đã chọn " + data, EditsPrevious = true });
        context.Replies.Add(Reply.Of("Tiếp theo…"));
        return Task.FromResult(true);
    }
}
