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
            context.Say(context.Text("broadcast.no_broadcast", ("id", id)));
            return;
        }
        if (b.Status is BroadcastStatus.Done or BroadcastStatus.Cancelled)
        {
            context.Say(b.Status == BroadcastStatus.Done
                ? context.Text("broadcast.cancel_already_sent", ("id", id))
                : context.Text("broadcast.cancel_already_cancelled", ("id", id)));
            return;
        }
        var wasSending = b.Status == BroadcastStatus.Sending;
        b.Status = BroadcastStatus.Cancelled;
        repository.Update(b);
        signal.Cancel(id);
        signal.Wake();
        context.Say(wasSending
            ? context.Text("broadcast.cancelled_while_sending", ("id", id))
            : context.Text("broadcast.cancelled_before_sending", ("id", id)));
    }

    public void Report(BotContext context, long id)
    {
        var b = repository.Get(id);
        if (b is null || b.Status == BroadcastStatus.Draft)
        {
            context.Say(context.Text("broadcast.no_broadcast", ("id", id)));
            return;
        }
        context.Say(BroadcastReport.Build(b, repository.Recipients(id), context.Texts, context.Language));
    }

    /// <summary>/thongbao danh sach: what is scheduled (not sent yet) first, then the recent ones.</summary>
    public void List(BotContext context)
    {
        var all = repository.Recent(50);
        if (all.Count == 0)
        {
            context.Say(context.Text("broadcast.no_broadcasts_yet"));
            return;
        }
        var pending = all.Where(b => b.Status is BroadcastStatus.Scheduled or BroadcastStatus.Sending).OrderBy(b => b.SendAt).ToList();
        var recent = all.Where(b => b.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Sending)).Take(10).ToList();
        var sb = new StringBuilder();
        sb.Append(pending.Count == 0
            ? context.Text("broadcast.nothing_scheduled")
            : context.Text("broadcast.scheduled", ("pending_count", pending.Count)));
        foreach (var b in pending)
        {
            AppendLine(context, sb, b);
        }
        if (recent.Count > 0)
        {
            sb.Append("\n\n").Append(context.Text("broadcast.recent"));
            foreach (var b in recent)
            {
                AppendLine(context, sb, b);
            }
        }
        sb.Append("\n\n").Append(context.Text("broadcast.list_usage"));
        context.Say(sb.ToString());
    }

    private void AppendLine(BotContext context, StringBuilder sb, Broadcast b)
    {
        var snippet = b.Text.Length > 40 ? b.Text[..40] + "…" : b.Text;
        sb.Append('\n').Append('#').Append(b.Id).Append(' ').Append(VnFormat.DateTime(b.SendAt)).Append(" – ").Append(snippet)
          .Append(" → ").Append(BroadcastAudience.Describe(b, context.Texts, context.Language, catalogue))
          .Append(" (").Append(b.Status switch
          {
              BroadcastStatus.Scheduled => context.Text("broadcast.status_scheduled"),
              BroadcastStatus.Sending => context.Text("broadcast.status_sending"),
              BroadcastStatus.Done => context.Text("broadcast.status_sent"),
              _ => context.Text("broadcast.status_cancelled"),
          }).Append(')');
    }
}
