using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>/broadcast (/thongbao): an admin composes an announcement, previews it with the number of recipients, confirms, and may cancel it until sent; recipients press "Đã nhận".</summary>
public sealed partial class BroadcastModule(IBroadcastRepository repository, BroadcastRunner runner, BroadcastSignal signal, CatalogueIndex catalogue) : IBotModule
{
    public const string ComposeFlow = "broadcast.compose";
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;
    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png", ".webp"];

    public IEnumerable<BotCommand> Commands =>
    [
        new("broadcast", ["thongbao"], "Gửi thông báo tới nhiều người", "Send an announcement", Role.Admin, StartAsync, PrivateOnly: true),
    ];

    public IEnumerable<IConversationFlow> Flows => [new Flow(this)];

    public int TextPriority => -100;

    public async Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        // A document without caption while composing reaches modules, not the flow.
        if (context.State.Flow == ComposeFlow && text.Length == 0 && context.Message.Document is not null)
        {
            await ContinueAsync(context, "", false, cancellationToken).ConfigureAwait(false);
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
                context.Say(context.T("Không tìm thấy thông báo này.", "Broadcast not found."));
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
                context.Say(context.T("Thao tác này chỉ dành cho quản trị viên. Bạn không có quyền.", "This is for admins only."));
                return Task.FromResult(true);
            }
            var parts = data.Split(':');
            if (parts.Length == 3 && long.TryParse(parts[2], out var id))
            {
                if (parts[1] == "cancel")
                {
                    Cancel(context, id);
                }
                else
                {
                    Report(context, id);
                }
                return Task.FromResult(true);
            }
        }
        return Task.FromResult(false);
    }

    public IEnumerable<string> HelpExamples(BotContext context) =>
        context.IsAdmin ? [context.T("/thongbao huy 12 – hủy thông báo số 12 nếu chưa gửi xong", "/broadcast cancel 12")] : [];

    private void Acknowledge(BotContext context, BroadcastRecipient r)
    {
        if (r.AcknowledgedAt is null)
        {
            r.AcknowledgedAt = context.Now;
            repository.UpdateRecipient(r);
        }
        context.Say(context.T("Cảm ơn bạn, bot đã ghi nhận bạn đã nhận thông báo.", "Thank you, your acknowledgement is recorded."));
    }

    private Task StartAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var words = VnText.FoldWords(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 1 && words[0] is "huy" or "cancel")
        {
            if (words.Length == 2 && long.TryParse(words[1], out var id))
            {
                Cancel(context, id);
            }
            else
            {
                context.Say(context.T("Cách dùng: /thongbao huy <số thông báo>, ví dụ /thongbao huy 12.", "Usage: /broadcast cancel <number>."));
            }
            return Task.CompletedTask;
        }
        if (words.Length >= 1 && words[0] is "baocao" or "bao" or "report" or "ketqua")
        {
            if (long.TryParse(words[^1], out var id))
            {
                Report(context, id);
            }
            else
            {
                context.Say(context.T("Cách dùng: /thongbao baocao <số thông báo>.", "Usage: /broadcast report <number>."));
            }
            return Task.CompletedTask;
        }
        if (words.Length >= 1 && (words[0] is "ds" or "list" or "danhsach" || words is ["danh", "sach", ..]))
        {
            List(context);
            return Task.CompletedTask;
        }
        context.State.Clear();
        context.State.Flow = ComposeFlow;
        context.State.Step = 0;
        context.Say(context.T(
            "Soạn thông báo: gửi nội dung thông báo (có thể gửi kèm một ảnh hoặc tệp, nội dung ghi ở phần chú thích). Gõ /huy để bỏ.",
            "Compose: send the announcement's text (you may attach a photo or a file with the text as caption). /cancel to drop."));
        return Task.CompletedTask;
    }

    internal async Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken ct)
    {
        if (!context.IsAdmin)
        {
            context.State.Clear();
            context.Say(context.T("Thao tác này chỉ dành cho quản trị viên. Bạn không có quyền.", "This is for admins only."));
            return;
        }
        var state = context.State;
        switch (state.Step)
        {
            case 0:
                await TakeContentAsync(context, input, ct).ConfigureAwait(false);
                return;
            case 1:
                TakeAudience(context, input);
                return;
            case 2:
                TakeProvinces(context, input);
                return;
            case 3:
                TakeTime(context, input);
                return;
            default:
                Confirm(context, input);
                return;
        }
    }

    private async Task TakeContentAsync(BotContext context, string input, CancellationToken ct)
    {
        var doc = context.Message.Document;
        var text = (context.Message.Text ?? input).Trim();
        if (text.Length == 0)
        {
            context.Say(context.T("Thông báo cần có nội dung chữ. Bạn gửi lại kèm nội dung (chú thích của ảnh/tệp), hoặc /huy.", "The announcement needs text; send it again with a caption, or /cancel."));
            return;
        }
        if (text.Length > 3500)
        {
            context.Say(context.T($"Nội dung quá dài ({VnFormat.Number(text.Length)} ký tự); tối đa 3.500 ký tự.", $"Too long ({text.Length} characters); at most 3,500."));
            return;
        }
        var draft = new Broadcast
        {
            CreatedByUserId = context.User.Id, Text = text, CreatedAt = context.Now, SendAt = context.Now, Status = BroadcastStatus.Draft,
            ReportChannel = context.Message.Channel, ReportChatId = context.Message.ChatId,
        };
        if (doc is not null)
        {
            if (doc.Size > MaxAttachmentBytes)
            {
                context.Say(context.T("Tệp đính kèm lớn hơn 10 MB; bạn gửi tệp nhỏ hơn nhé.", "The attachment is over 10 MB."));
                return;
            }
            await using var stream = await doc.OpenAsync(ct).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
            draft.AttachmentName = doc.FileName;
            draft.AttachmentContent = buffer.ToArray();
            var ext = Path.GetExtension(doc.FileName).ToLowerInvariant();
            draft.AttachmentIsPhoto = PhotoExtensions.Contains(ext);
            draft.AttachmentContentType = ext switch
            {
                ".jpg" or ".jpeg" => "image/jpeg",
                ".png" => "image/png",
                ".webp" => "image/webp",
                ".pdf" => "application/pdf",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                _ => "application/octet-stream",
            };
        }
        context.State.Data["id"] = repository.Add(draft).ToString(CultureInfo.InvariantCulture);
        AskAudience(context, context.T("Gửi cho ai?", "Who receives it?"));
    }

    private static void AskAudience(BotContext context, string question)
    {
        context.State.Step = 1;
        context.Ask(question,
        [
            new(context.T("Tất cả mọi người", "Everyone"), "aud:all"),
            new(context.T("Cán bộ khuyến công", "Officers"), "aud:role:officer"),
            new(context.T("Lãnh đạo, quản lý", "Managers"), "aud:role:manager"),
            new(context.T("Quản trị viên", "Admins"), "aud:role:admin"),
            new(context.T("Một hoặc nhiều tỉnh/thành", "One or more provinces"), "aud:provinces"),
            new(context.T("Cán bộ khuyến công của một số tỉnh/thành", "Officers of some provinces"), "aud:rp:officer"),
            new(context.T("Lãnh đạo, quản lý của một số tỉnh/thành", "Managers of some provinces"), "aud:rp:manager"),
        ]);
    }

    private void TakeAudience(BotContext context, string input)
    {
        var draft = Draft(context);
        if (draft is null)
        {
            return;
        }
        switch (input)
        {
            case "aud:all":
                draft.Audience = AudienceKind.Everyone;
                break;
            case "aud:role:officer" or "aud:role:manager" or "aud:role:admin":
                draft.Audience = AudienceKind.Role;
                draft.AudienceRole = input switch { "aud:role:officer" => Role.Officer, "aud:role:manager" => Role.Manager, _ => Role.Admin };
                break;
            case "aud:rp:officer" or "aud:rp:manager":
                draft.Audience = AudienceKind.Role;
                draft.AudienceRole = input == "aud:rp:officer" ? Role.Officer : Role.Manager;
                repository.Update(draft);
                context.State.Step = 2;
                context.Say(context.T(
                    $"{Texts.RoleName(draft.AudienceRole.Value, "vi")} của những tỉnh/thành nào? Gõ tên, cách nhau bằng dấu phẩy (ví dụ: Phú Thọ, Hà Nội).",
                    $"{Texts.RoleName(draft.AudienceRole.Value, "en")} of which provinces? Type them separated by commas."));
                return;
            case "aud:provinces":
                draft.Audience = AudienceKind.Provinces;
                repository.Update(draft);
                context.State.Step = 2;
                context.Say(context.T("Gõ tên các tỉnh/thành, cách nhau bằng dấu phẩy (ví dụ: Phú Thọ, Hà Nội, 38).", "Type the provinces, separated by commas (e.g. Phu Tho, Ha Noi, 38)."));
                return;
            default:
                context.Ask(context.T("Bạn chọn người nhận trong danh sách:", "Pick the recipients from the list:"), context.State.LastChoices);
                return;
        }
        repository.Update(draft);
        AskTime(context);
    }

    private void TakeProvinces(BotContext context, string input)
    {
        var draft = Draft(context);
        if (draft is null)
        {
            return;
        }
        var names = input.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = new List<string>();
        var unknown = new List<string>();
        foreach (var name in names.SelectMany(n => n.Split(" và ", StringSplitOptions.TrimEntries)))
        {
            var unit = catalogue.FindProvince(name);
            var current = unit is null ? null : catalogue.CurrentOf(unit.Id);
            if (current is null)
            {
                unknown.Add(name);
            }
            else if (!found.Contains(current.Id))
            {
                found.Add(current.Id);
            }
        }
        if (unknown.Count > 0 || found.Count == 0)
        {
            context.Say(context.T(
                $"Không tìm thấy tỉnh/thành: {string.Join(", ", unknown.DefaultIfEmpty(input))}. Bạn gõ lại danh sách (tên hiện nay hoặc mã tỉnh), hoặc /huy.",
                $"Unknown provinces: {string.Join(", ", unknown.DefaultIfEmpty(input))}. Type the list again, or /cancel."));
            return;
        }
        // Provinces alone, or narrowing a role chosen just before.
        if (draft.Audience != AudienceKind.Role)
        {
            draft.Audience = AudienceKind.Provinces;
        }
        draft.AudienceProvinces = found;
        repository.Update(draft);
        AskTime(context);
    }

    private static void AskTime(BotContext context)
    {
        context.State.Step = 3;
        context.Ask(context.T(
            "Gửi khi nào? Chọn \"Gửi ngay\" hoặc gõ thời điểm (ví dụ: \"8h sáng mai\", \"20/12 14:00\", \"thứ hai 7h30\").",
            "When? Pick \"Send now\" or type a time (e.g. \"8h sáng mai\", \"20/12 14:00\")."),
            [new(context.T("Gửi ngay", "Send now"), "when:now")]);
    }

    private void TakeTime(BotContext context, string input)
    {
        var draft = Draft(context);
        if (draft is null)
        {
            return;
        }
        DateTimeOffset at;
        if (input == "when:now" || VnDateTimeParser.Strip(VnText.FoldWords(input)) is "ngay" or "gui ngay" or "bay gio" or "now")
        {
            at = context.Now;
        }
        else if (!VnDateTimeParser.TryParse(input, context.Now, out at))
        {
            context.Ask(context.T(
                $"Bot không hiểu thời điểm \"{input}\". Bạn gõ như \"8h sáng mai\", \"20/12 14:00\", \"15/01/2027 9h\" hoặc chọn Gửi ngay.",
                $"Could not read the time \"{input}\". Type e.g. \"20/12 14:00\" or pick Send now."),
                [new(context.T("Gửi ngay", "Send now"), "when:now")]);
            return;
        }
        else if (at <= context.Now)
        {
            context.Ask(context.T(
                $"Thời điểm {VnFormat.DateTime(at)} đã qua. Bạn gõ một thời điểm sau bây giờ, hoặc chọn Gửi ngay.",
                $"{VnFormat.DateTime(at)} is in the past. Type a later time or pick Send now."),
                [new(context.T("Gửi ngay", "Send now"), "when:now")]);
            return;
        }
        draft.SendAt = at;
        repository.Update(draft);
        context.State.Step = 4;
        Preview(context, draft);
    }

    private void Preview(BotContext context, Broadcast draft)
    {
        var members = BroadcastAudience.Members(draft, context.Store.Users.All());
        var reachable = members.Count(u => BroadcastAudience.ChatOf(u, runner.Channels) is not null);
        if (reachable == 0)
        {
            // Nothing is scheduled for nobody: the admin picks the recipients again.
            var who = AudienceText(draft, context.Language);
            draft.AudienceProvinces = [];
            draft.Audience = AudienceKind.Everyone;
            draft.AudienceRole = null;
            repository.Update(draft);
            AskAudience(context, context.T(
                $"⚠ Không có ai nhận được thông báo này ({who}: 0 người"
                    + (members.Count > 0 ? $"; {VnFormat.Number(members.Count)} người chưa có kênh nhắn tin với bot" : "") + "). Bot chưa lên lịch. Chọn lại người nhận, hoặc /huy:",
                $"⚠ Nobody would receive this broadcast ({who}: 0 people). Nothing is scheduled. Pick the recipients again, or /cancel:"));
            return;
        }
        var sb = new StringBuilder(context.T("Xem trước thông báo:\n", "Preview:\n"));
        sb.AppendLine("――――――").AppendLine(draft.Text).AppendLine("――――――");
        if (draft.AttachmentName is not null)
        {
            sb.AppendLine(context.T($"Kèm {(draft.AttachmentIsPhoto ? "ảnh" : "tệp")}: {draft.AttachmentName}", $"Attached: {draft.AttachmentName}"));
        }
        sb.AppendLine(context.T($"Người nhận: {AudienceText(draft, "vi")} – {VnFormat.Number(reachable)} người", $"Recipients: {AudienceText(draft, "en")} – {reachable} people"));
        if (members.Count > reachable)
        {
            sb.AppendLine(context.T(
                $"({VnFormat.Number(members.Count - reachable)} người khác trong nhóm này chưa có kênh nhắn tin với bot nên sẽ không nhận được.)",
                $"({members.Count - reachable} others cannot be reached: no chat with the bot yet.)"));
        }
        sb.Append(draft.SendAt <= context.Now
            ? context.T("Gửi: ngay khi xác nhận.", "Sent: as soon as you confirm.")
            : context.T($"Gửi lúc: {VnFormat.DateTime(draft.SendAt)} ({Until(draft.SendAt - context.Now)} nữa).", $"Sent at: {VnFormat.DateTime(draft.SendAt)}."));
        context.Say(new Reply
        {
            Text = sb.ToString(),
            Attachment = BroadcastRunner.MessageOf(draft).Attachment,
            Choices = [new(context.T("Xác nhận gửi", "Confirm"), "confirm"), new(context.T("Hủy", "Cancel"), "drop")],
        });
    }

    private void Confirm(BotContext context, string input)
    {
        var draft = Draft(context);
        if (draft is null)
        {
            return;
        }
        var folded = VnDateTimeParser.Strip(VnText.FoldWords(input));
        if (input == "drop" || folded is "huy" or "khong")
        {
            draft.Status = BroadcastStatus.Cancelled;
            repository.Update(draft);
            context.State.Clear();
            context.Say(context.T("Đã hủy, thông báo không được gửi.", "Dropped; nothing was sent."));
            return;
        }
        if (input != "confirm" && folded is not ("xac nhan" or "dong y" or "gui" or "ok" or "co"))
        {
            context.Ask(context.T("Bạn chọn Xác nhận gửi hoặc Hủy:", "Pick Confirm or Cancel:"),
                [new(context.T("Xác nhận gửi", "Confirm"), "confirm"), new(context.T("Hủy", "Cancel"), "drop")]);
            return;
        }
        if (draft.SendAt < context.Now)
        {
            draft.SendAt = context.Now;
        }
        draft.Status = BroadcastStatus.Scheduled;
        repository.Update(draft);
        context.State.Clear();
        signal.Wake();
        var cancel = new Choice(context.T("Hủy thông báo này", "Cancel this broadcast"), "bc:cancel:" + draft.Id.ToString(CultureInfo.InvariantCulture), Numbered: false);
        context.Say(new Reply
        {
            Text = draft.SendAt <= context.Now
                ? context.T(
                    $"Đang gửi thông báo #{draft.Id}. Bot sẽ báo tiến độ và kết quả tại đây. Hủy phần chưa gửi: /thongbao huy {draft.Id}.",
                    $"Sending broadcast #{draft.Id}. Progress and the report will come here. Cancel: /broadcast cancel {draft.Id}.")
                : context.T(
                    $"Đã lên lịch thông báo #{draft.Id} lúc {VnFormat.DateTime(draft.SendAt)}. Hủy trước giờ gửi: /thongbao huy {draft.Id}.",
                    $"Broadcast #{draft.Id} scheduled for {VnFormat.DateTime(draft.SendAt)}. Cancel: /broadcast cancel {draft.Id}."),
            Choices = [cancel],
        });
    }

    private Broadcast? Draft(BotContext context)
    {
        if (context.State.Data.TryGetValue("id", out var s) && long.TryParse(s, out var id) && repository.Get(id) is { Status: BroadcastStatus.Draft } b)
        {
            return b;
        }
        context.State.Clear();
        context.Say(context.T("Bản nháp thông báo không còn. Gõ /thongbao để soạn lại.", "The draft is gone. Type /broadcast to start again."));
        return null;
    }

    private string AudienceText(Broadcast b, string language) => b.Audience switch
    {
        AudienceKind.Role when b.AudienceProvinces.Count > 0 => Texts.RoleName(b.AudienceRole ?? Role.Officer, language)
            + (language == "en" ? " of " : " của ") + string.Join(", ", b.AudienceProvinces.Select(p => catalogue.Province(p)?.ShortName ?? p)),
        AudienceKind.Role => Texts.RoleName(b.AudienceRole ?? Role.Officer, language),
        AudienceKind.Provinces => string.Join(", ", b.AudienceProvinces.Select(p => catalogue.Province(p)?.ShortName ?? p)),
        AudienceKind.Users => language == "en" ? "chosen people" : "những người được chọn",
        _ => language == "en" ? "everyone" : "tất cả mọi người",
    };

    private static string Until(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays} ngày {span.Hours} giờ";
        }
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours} giờ {span.Minutes} phút" : $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} phút";
    }

    private sealed class Flow(BroadcastModule module) : IConversationFlow
    {
        public string Name => ComposeFlow;

        public Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken cancellationToken) =>
            module.ContinueAsync(context, input, isButton, cancellationToken);

        public string Describe(BotContext context) => context.T("soạn thông báo", "composing a broadcast");

        /// <summary>A broadcast being written keeps what is written, like a form.</summary>
        public DialogKind KindAt(ConversationState state) => DialogKind.Form;

        /// <summary>The announcement's text may say anything, a question included.</summary>
        public bool TakesAnyText(ConversationState state) => state.Step == 0;
    }
}
