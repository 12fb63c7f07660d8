using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>/broadcast (/thongbao): an admin composes an announcement, previews it with the number of recipients, confirms, and may cancel it until sent; recipients press "Đã nhận".</summary>
/// <remarks>The composing dialog is <see cref="BroadcastComposer"/>; cancel, report and list are <see cref="ConfirmedBroadcasts"/>.</remarks>
public sealed class BroadcastModule : IBotModule
{
    private readonly IBroadcastRepository repository;
    private readonly Dialog<ComposeStep> _compose;
    private readonly ConfirmedBroadcasts _confirmed;

    public BroadcastModule(IBroadcastRepository repository, BroadcastComposer composer, ConfirmedBroadcasts confirmed, UserTexts texts)
    {
        this.texts = texts;
        this.repository = repository;
        _compose = composer.Dialog;
        _confirmed = confirmed;
        composer.ShowList = confirmed.List;
    }

    private readonly UserTexts texts;

    public const string ComposeFlow = BroadcastComposer.ComposeFlow;

    public IEnumerable<BotCommand> Commands =>
    [
        new("broadcast", ["thongbao"], texts.Text(UserTexts.Vietnamese, "broadcast.command"), texts.Text("en", "broadcast.command"), Role.Admin, StartAsync, PrivateOnly: true),
    ];

    public IEnumerable<IConversationFlow> Flows => [_compose];

    public int TextPriority => -100;

    public async Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        // A document without caption while composing reaches modules, not the flow.
        if (context.State.Flow == ComposeFlow && text.Length == 0 && context.Message.Document is not null)
        {
            await _compose.ContinueAsync(context, "", false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (VnDateTimeParser.Strip(VnText.FoldWords(text)) is "da nhan" or "nhan roi" or "da nhan duoc")
        {
            var latest = repository.ForUser(context.User.Id, 5).FirstOrDefault(r => r.State == DeliveryState.Sent && r.AcknowledgedAt is null);
            if (latest is not null)
            {
                Acknowledge(context, latest);
                return true;
            }
        }
        return false;
    }

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (data.StartsWith("ack:", StringComparison.Ordinal) && long.TryParse(data[4..], out var ackId))
        {
            var r = repository.Recipient(ackId, context.User.Id);
            if (r is null)
            {
                context.Say(context.Text("broadcast.broadcast_not_found"));
            }
            else
            {
                Acknowledge(context, r);
            }
            return Task.FromResult(true);
        }
        if (data.StartsWith("bc:", StringComparison.Ordinal))
        {
            if (!context.IsAdmin)
            {
                context.Say(context.Text("people.admins_only"));
                return Task.FromResult(true);
            }
            var parts = data.Split(':');
            if (parts.Length == 3 && long.TryParse(parts[2], out var id))
            {
                if (parts[1] == "cancel")
                {
                    _confirmed.Cancel(context, id);
                }
                else
                {
                    _confirmed.Report(context, id);
                }
                return Task.FromResult(true);
            }
        }
        return Task.FromResult(false);
    }

    public IEnumerable<string> HelpExamples(BotContext context) =>
        context.IsAdmin ? [context.Text("broadcast.help_example_cancel")] : [];

    private void Acknowledge(BotContext context, BroadcastRecipient r)
    {
        if (r.AcknowledgedAt is null)
        {
            r.AcknowledgedAt = context.Now;
            repository.UpdateRecipient(r);
        }
        context.Say(context.Text("broadcast.acknowledged"));
    }

    private Task StartAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var words = VnText.FoldWords(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 1 && words[0] is "huy" or "cancel")
        {
            if (words.Length == 2 && long.TryParse(words[1], out var id))
            {
                _confirmed.Cancel(context, id);
            }
            else
            {
                context.Say(context.Text("broadcast.usage_broadcast_cancel_number"));
            }
            return Task.CompletedTask;
        }
        if (words.Length >= 1 && words[0] is "baocao" or "bao" or "report" or "ketqua")
        {
            if (long.TryParse(words[^1], out var id))
            {
                _confirmed.Report(context, id);
            }
            else
            {
                context.Say(context.Text("broadcast.usage_broadcast_report_number"));
            }
            return Task.CompletedTask;
        }
        if (words.Length >= 1 && (words[0] is "ds" or "list" or "danhsach" || words is ["danh", "sach", ..]))
        {
            _confirmed.List(context);
            return Task.CompletedTask;
        }
        _compose.Start(context, ComposeStep.Body);
        return Task.CompletedTask;
    }
}
