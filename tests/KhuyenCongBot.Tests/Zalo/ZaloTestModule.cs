using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>A small module for channel tests: choices, a chart, a spreadsheet and a long answer.</summary>
public sealed class ZaloTestModule : IBotModule
{
    /// <summary>Bytes that start like a PNG, different on each run so a test cannot pass by accident.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray(), .. "IEND"u8.ToArray()];

    public static readonly byte[] Xlsx = [0x50, 0x4B, 0x03, 0x04, .. Guid.NewGuid().ToByteArray()];

    /// <summary>A 3,000-character answer of numbered lines.</summary>
    public static string LongText()
    {
        var sb = new StringBuilder();
        for (var i = 1; sb.Length < 3000; i++)
        {
            sb.Append("Dòng ").Append(i).Append(": cơ sở công nghiệp nông thôn được hỗ trợ máy móc thiết bị.\n");
        }
        return sb.ToString(0, 3000).TrimEnd();
    }

    public IEnumerable<BotCommand> Commands =>
    [
        new("chon", [], "Chọn thử", "Pick", Role.Officer, (c, _, _) =>
        {
            c.Ask("Chọn hoạt động:", [new Choice("Hội chợ, triển lãm", "pick:trade_fair"), new Choice("Tư vấn", "pick:consulting"),
                new Choice("Đào tạo nghề", "pick:training"), new Choice("Bỏ qua", "pick:skip", Numbered: false)]);
            return Task.CompletedTask;
        }, InMenu: false),
        new("bieudo", [], "Biểu đồ thử", "Chart", Role.Officer, (c, _, _) =>
        {
            c.Say(new Reply { Text = "Biểu đồ gian hàng hội chợ", Attachment = new Attachment(AttachmentKind.Photo, "chart.png", Png, "image/png") });
            return Task.CompletedTask;
        }, InMenu: false),
        new("bang", [], "Bảng thử", "Sheet", Role.Officer, (c, _, _) =>
        {
            c.Say(new Reply { Text = "Bảng số liệu", Attachment = new Attachment(AttachmentKind.Document, "so-lieu.xlsx", Xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });
            return Task.CompletedTask;
        }, InMenu: false),
        new("dai", [], "Trả lời dài", "Long", Role.Officer, (c, _, _) =>
        {
            c.Say(LongText());
            return Task.CompletedTask;
        }, InMenu: false),
    ];

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (!data.StartsWith("pick:", StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }
        context.Say("Đã chọn: " + data["pick:".Length..]);
        return Task.FromResult(true);
    }
}
