using System.Text;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>The admin's view of a broadcast: counts by state and reason, acknowledgements, and the full list as CSV.</summary>
public static class BroadcastReport
{
    /// <summary>Counts by outcome.</summary>
    public sealed record Counts(int Total, int Sent, int Failed, int Pending, int Acknowledged, IReadOnlyDictionary<string, int> FailedByReason);

    public static Counts Count(IReadOnlyList<BroadcastRecipient> recipients) => new(
        recipients.Count,
        recipients.Count(r => r.State == DeliveryState.Sent),
        recipients.Count(r => r.State == DeliveryState.Failed),
        recipients.Count(r => r.State is DeliveryState.Pending or DeliveryState.Sending),
        recipients.Count(r => r.AcknowledgedAt is not null),
        recipients.Where(r => r.State == DeliveryState.Failed).GroupBy(r => ReasonKey(r.Reason)).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>The report message with the CSV list attached.</summary>
    public static Reply Build(Broadcast broadcast, IReadOnlyList<BroadcastRecipient> recipients, string language = "vi")
    {
        var c = Count(recipients);
        var en = language == "en";
        var sb = new StringBuilder();
        var status = broadcast.Status switch
        {
            BroadcastStatus.Done => en ? "finished" : "đã gửi xong",
            BroadcastStatus.Cancelled => en ? "cancelled" : "đã hủy",
            BroadcastStatus.Sending => en ? "sending" : "đang gửi",
            _ => en ? "scheduled" : "đã lên lịch",
        };
        sb.AppendLine(en ? $"Broadcast #{broadcast.Id} ({status}):" : $"Thông báo #{broadcast.Id} ({status}):");
        sb.AppendLine(en ? $"• Recipients: {c.Total}" : $"• Người nhận: {VnFormat.Number(c.Total)}");
        sb.AppendLine(en ? $"• Sent: {c.Sent}" : $"• Đã gửi: {VnFormat.Number(c.Sent)}");
        if (c.Pending > 0)
        {
            sb.AppendLine(en ? $"• Not sent yet: {c.Pending}" : $"• Chưa gửi: {VnFormat.Number(c.Pending)}");
        }
        sb.AppendLine(en ? $"• Failed: {c.Failed}" : $"• Không gửi được: {VnFormat.Number(c.Failed)}");
        foreach (var (reason, n) in c.FailedByReason.OrderByDescending(kv => kv.Value))
        {
            sb.AppendLine($"   – {ReasonText(reason, language)}: {VnFormat.Number(n)}");
        }
        sb.Append(en ? $"• Acknowledged (\"Đã nhận\"): {c.Acknowledged}" : $"• Đã bấm \"Đã nhận\": {VnFormat.Number(c.Acknowledged)}");
        return new Reply
        {
            Text = sb.ToString(),
            Attachment = new Attachment(AttachmentKind.Document, $"thong-bao-{broadcast.Id}.csv", Csv(recipients), "text/csv"),
        };
    }

    /// <summary>The list of recipients as UTF-8 CSV (with BOM, for Excel).</summary>
    public static byte[] Csv(IReadOnlyList<BroadcastRecipient> recipients)
    {
        var sb = new StringBuilder("nguoi_nhan,kenh,trang_thai,ly_do,so_lan_gui,gui_luc,da_nhan_luc\n");
        foreach (var r in recipients.OrderBy(r => r.Id))
        {
            sb.Append(Field(r.DisplayName)).Append(',').Append(Field(r.Channel)).Append(',')
              .Append(StateText(r.State)).Append(',').Append(Field(r.Reason is null ? "" : ReasonText(ReasonKey(r.Reason), "vi") + " (" + r.Reason + ")")).Append(',')
              .Append(r.Attempts).Append(',')
              .Append(r.SentAt is { } s ? VnFormat.DateTime(s) : "").Append(',')
              .Append(r.AcknowledgedAt is { } a ? VnFormat.DateTime(a) : "").Append('\n');
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>The stable first word of a reason ("blocked: Forbidden" -> "blocked").</summary>
    public static string ReasonKey(string? reason) => (reason ?? "error").Split(':', 2)[0].Trim();

    public static string ReasonText(string key, string language) => (key, language == "en") switch
    {
        ("blocked", false) => "người nhận đã chặn bot hoặc xóa tài khoản",
        ("blocked", true) => "blocked the bot or deleted the account",
        ("rate_limited", false) => "nền tảng giới hạn tốc độ quá nhiều lần",
        ("rate_limited", true) => "rate limited too many times",
        ("uncertain", false) => "không rõ (bot khởi động lại đúng lúc gửi; có thể đã nhận)",
        ("uncertain", true) => "uncertain (the bot restarted while sending; may have been delivered)",
        ("cancelled", false) => "thông báo đã bị hủy",
        ("cancelled", true) => "broadcast cancelled",
        ("no_channel", false) => "không có kênh liên lạc",
        ("no_channel", true) => "no channel to reach them",
        (_, false) => "lỗi khi gửi",
        (_, true) => "send error",
    };

    private static string StateText(DeliveryState state) => state switch
    {
        DeliveryState.Sent => "da_gui",
        DeliveryState.Failed => "loi",
        DeliveryState.Sending => "dang_gui",
        _ => "chua_gui",
    };

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
