using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>/thongbao huy, baocao, danh sach: what an admin does with broadcasts already confirmed.</summary>
public sealed class ConfirmedBroadcasts
{
    private readonly IBroadcastRepository repository;
    private readonly BroadcastSignal signal;
    private readonly CatalogueIndex catalogue;

    public ConfirmedBroadcasts(IBroadcastRepository repository, BroadcastSignal signal, CatalogueIndex catalogue)
    {
        this.repository = repository;
        this.signal = signal;
        this.catalogue = catalogue;
    }

    public void Cancel(BotContext context, long id)
    {
        var b = repository.Get(id);
        if (b is null || b.Status == BroadcastStatus.Draft)
        {
            context.Say(context.T($"Không có thông báo #{id}.", $"No broadcast #{id}."));
            return;
        }
        if (b.Status is BroadcastStatus.Done or BroadcastStatus.Cancelled)
        {
            context.Say(context.T(
                $"Thông báo #{id} {(b.Status == BroadcastStatus.Done ? "đã gửi xong" : "đã được hủy trước đó")}; không còn gì để hủy.",
                $"Broadcast #{id} is already {(b.Status == BroadcastStatus.Done ? "sent" : "cancelled")}."));
            return;
        }
        var wasSending = b.Status == BroadcastStatus.Sending;
        b.Status = BroadcastStatus.Cancelled;
        repository.Update(b);
        signal.Cancel(id);
        signal.Wake();
        context.Say(wasSending
            ? context.T($"Đã hủy thông báo #{id}: những người chưa nhận sẽ không nhận nữa. Gõ /thongbao baocao {id} để xem ai đã nhận.", $"Broadcast #{id} cancelled: nobody else will receive it.")
            : context.T($"Đã hủy thông báo #{id}; chưa ai nhận được.", $"Broadcast #{id} cancelled; nobody received it."));
    }

    public void Report(BotContext context, long id)
    {
        var b = repository.Get(id);
        if (b is null || b.Status == BroadcastStatus.Draft)
        {
            context.Say(context.T($"Không có thông báo #{id}.", $"No broadcast #{id}."));
            return;
        }
        context.Say(BroadcastReport.Build(b, repository.Recipients(id), context.Language));
    }

    /// <summary>/thongbao danh sach: what is scheduled (not sent yet) first, then the recent ones.</summary>
    public void List(BotContext context)
    {
        var all = repository.Recent(50);
        if (all.Count == 0)
        {
            context.Say(context.T("Chưa có thông báo nào.", "No broadcasts yet."));
            return;
        }
        var pending = all.Where(b => b.Status is BroadcastStatus.Scheduled or BroadcastStatus.Sending).OrderBy(b => b.SendAt).ToList();
        var recent = all.Where(b => b.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Sending)).Take(10).ToList();
        var sb = new StringBuilder();
        sb.Append(pending.Count == 0
            ? context.T("Không có thông báo nào đang chờ gửi.", "Nothing is scheduled.")
            : context.T($"Đang chờ gửi ({VnFormat.Number(pending.Count)}):", $"Scheduled ({pending.Count}):"));
        foreach (var b in pending)
        {
            AppendLine(context, sb, b);
        }
        if (recent.Count > 0)
        {
            sb.Append("\n\n").Append(context.T("Gần đây:", "Recent:"));
            foreach (var b in recent)
            {
                AppendLine(context, sb, b);
            }
        }
        sb.Append("\n\n").Append(context.T("Hủy: /thongbao huy <số>; kết quả: /thongbao baocao <số>.", "Cancel: /broadcast cancel <n>; report: /broadcast report <n>."));
        context.Say(sb.ToString());
    }

    private void AppendLine(BotContext context, StringBuilder sb, Broadcast b)
    {
        var snippet = b.Text.Length > 40 ? b.Text[..40] + "…" : b.Text;
        sb.Append('\n').Append('#').Append(b.Id).Append(' ').Append(VnFormat.DateTime(b.SendAt)).Append(" – ").Append(snippet)
          .Append(" → ").Append(BroadcastAudience.Describe(b, context.Language, catalogue))
          .Append(" (").Append(b.Status switch
          {
              BroadcastStatus.Scheduled => context.T("đã lên lịch", "scheduled"),
              BroadcastStatus.Sending => context.T("đang gửi", "sending"),
              BroadcastStatus.Done => context.T("đã gửi", "sent"),
              _ => context.T("đã hủy", "cancelled"),
          }).Append(')');
    }
}
