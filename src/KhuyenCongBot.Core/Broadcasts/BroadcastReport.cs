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
    public static Reply Build(Broadcast broadcast, IReadOnlyList<BroadcastRecipient> recipients, UserTexts texts, string language = UserTexts.Vietnamese)
    {
        var c = Count(recipients);
        var sb = new StringBuilder();
        var status = broadcast.Status switch
        {
            BroadcastStatus.Done => texts.Text(language, "broadcast.report.done"),
            BroadcastStatus.Cancelled => texts.Text(language, "broadcast.report.cancelled"),
            BroadcastStatus.Sending => texts.Text(language, "broadcast.report.sending"),
            _ => texts.Text(language, "broadcast.report.scheduled"),
        };
        sb.AppendLine(texts.Text(language, "broadcast.report.head", ("id", broadcast.Id), ("status", status)));
        sb.AppendLine(texts.Text(language, "broadcast.report.recipients", ("count", c.Total)));
        sb.AppendLine(texts.Text(language, "broadcast.report.sent", ("count", c.Sent)));
        if (c.Pending > 0)
        {
            sb.AppendLine(texts.Text(language, "broadcast.report.pending", ("count", c.Pending)));
        }
        sb.AppendLine(texts.Text(language, "broadcast.report.failed", ("count", c.Failed)));
        foreach (var (reason, n) in c.FailedByReason.OrderByDescending(kv => kv.Value))
        {
            sb.AppendLine($"   – {ReasonText(texts, reason, language)}: {NumberText.For(UserTexts.Resolve(language) != UserTexts.Vietnamese).Number(n)}");
        }
        sb.Append(texts.Text(language, "broadcast.report.acknowledged", ("count", c.Acknowledged)));
        return new Reply
        {
            Text = sb.ToString(),
            Attachment = new Attachment(AttachmentKind.Document, $"thong-bao-{broadcast.Id}.csv", Csv(recipients, texts), "text/csv"),
        };
    }

    /// <summary>The list of recipients as UTF-8 CSV (with BOM, for Excel).</summary>
    public static byte[] Csv(IReadOnlyList<BroadcastRecipient> recipients, UserTexts texts)
    {
        var sb = new StringBuilder("nguoi_nhan,kenh,trang_thai,ly_do,so_lan_gui,gui_luc,da_nhan_luc\n");
        foreach (var r in recipients.OrderBy(r => r.Id))
        {
            sb.Append(Field(r.DisplayName)).Append(',').Append(Field(r.Channel)).Append(',')
              .Append(StateText(r.State)).Append(',').Append(Field(r.Reason is null ? "" : ReasonText(texts, ReasonKey(r.Reason), UserTexts.Vietnamese) + " (" + r.Reason + ")")).Append(',')
              .Append(r.Attempts).Append(',')
              .Append(r.SentAt is { } s ? VnFormat.DateTime(s) : "").Append(',')
              .Append(r.AcknowledgedAt is { } a ? VnFormat.DateTime(a) : "").Append('\n');
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>The stable first word of a reason ("blocked: Forbidden" -> "blocked").</summary>
    public static string ReasonKey(string? reason) => (reason ?? "error").Split(':', 2)[0].Trim();

    public static string ReasonText(UserTexts texts, string key, string language) => key switch
    {
        "blocked" => texts.Text(language, "broadcast.reason.blocked"),
        "rate_limited" => texts.Text(language, "broadcast.reason.rate_limited"),
        "uncertain" => texts.Text(language, "broadcast.reason.uncertain"),
        "cancelled" => texts.Text(language, "broadcast.reason.cancelled"),
        "no_channel" => texts.Text(language, "broadcast.reason.no_channel"),
        _ => texts.Text(language, "broadcast.reason.error"),
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
