using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>The steps of /thongbao's composer. Their values are saved with the conversation: never renumber them.</summary>
public enum ComposeStep
{
    Body = 0,
    Audience = 1,
    Provinces = 2,
    Time = 3,
    Preview = 4,
    Edit = 5,
}

/// <summary>/thongbao as a dialog table: the text, who receives it, when, then a preview (the message as recipients see it, the
/// audience and its count) with Gửi ngay / Sửa / Hủy. Nothing is scheduled before the preview is confirmed.</summary>
public sealed class BroadcastComposer
{
    public const string ComposeFlow = "broadcast.compose";
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;
    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png", ".webp"];
    private const string EditingKey = "editing";

    private readonly IBroadcastRepository repository;
    private readonly BroadcastRunner runner;
    private readonly BroadcastSignal signal;
    private readonly CatalogueIndex catalogue;

    public BroadcastComposer(IBroadcastRepository repository, BroadcastRunner runner, BroadcastSignal signal, CatalogueIndex catalogue)
    {
        this.repository = repository;
        this.runner = runner;
        this.signal = signal;
        this.catalogue = catalogue;
        Dialog = ComposeDialog();
    }

    /// <summary>The composer's dialog: opened by /thongbao, continued by the engine.</summary>
    public Dialog<ComposeStep> Dialog { get; }

    private Dialog<ComposeStep> ComposeDialog() => new(ComposeFlow,
    [
        new(ComposeStep.Body, BodyPrompt, TakeBodyAsync) { Kind = DialogKind.Form, TakesAnyText = true },
        new(ComposeStep.Audience, c => Reply.Of(c.T("Gửi cho ai?", "Who receives it?")) with { Choices = AudienceChoices(c) },
            turn => WithDraft(turn, draft => TakeAudience(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Provinces, ProvincesPrompt, turn => WithDraft(turn, draft => TakeProvinces(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Time, c => Reply.Of(c.T(
                "Gửi khi nào? Chọn \"Ngay bây giờ\" hoặc gõ thời điểm (ví dụ: \"8h sáng mai\", \"20/12 14:00\", \"thứ hai 7h30\").",
                "When? Pick \"Right now\" or type a time (e.g. \"8h sáng mai\", \"20/12 14:00\").")) with { Choices = [Now(c)] },
            turn => WithDraft(turn, draft => TakeTime(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Preview, c => Preview(c, Draft(c)!), turn => WithDraft(turn, draft => Confirm(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Edit, c => Reply.Of(c.T("Sửa phần nào?", "Change what?")) with { Choices = EditChoices(c) },
            turn =>
            {
                turn.State.Data[EditingKey] = "1";
                return (ChoiceMatcher.MatchLabelStart(EditChoices(turn.Context), turn.Input) ?? turn.Input) switch
                {
                    "edit:text" => ComposeStep.Body,
                    "edit:aud" => ComposeStep.Audience,
                    "edit:time" => ComposeStep.Time,
                    _ => DialogMove.Stay(turn.T("Bạn chọn phần muốn sửa trong danh sách, hoặc /huy:", "Pick what to change, or /cancel:")),
                };
            }) { Kind = DialogKind.Form },
    ])
    {
        Description = c => c.T("soạn thông báo", "composing a broadcast"),
        Guard = c => c.IsAdmin ? null : c.T("Thao tác này chỉ dành cho quản trị viên. Bạn không có quyền.", "This is for admins only."),
    };

    private static Reply BodyPrompt(BotContext context) => Reply.Of(context.State.Data.ContainsKey(EditingKey)
        ? context.T("Gửi nội dung mới của thông báo (ảnh/tệp đã kèm được giữ nếu bạn không gửi ảnh/tệp khác).", "Send the new text (the attachment is kept unless you send another).")
        : context.T(
            "Soạn thông báo: gửi nội dung thông báo (có thể gửi kèm một ảnh hoặc tệp, nội dung ghi ở phần chú thích). Gõ /huy để bỏ.",
            "Compose: send the announcement's text (you may attach a photo or a file with the text as caption). /cancel to drop."));

    private static Choice Now(BotContext context) => new(context.T("Ngay bây giờ", "Right now"), "when:now");

    private static List<Choice> EditChoices(BotContext context) =>
        [new(context.T("Nội dung", "The text"), "edit:text"), new(context.T("Người nhận", "The recipients"), "edit:aud"), new(context.T("Thời điểm gửi", "The time"), "edit:time")];

    private static List<Choice> AudienceChoices(BotContext context) =>
    [
        new(context.T("Tất cả mọi người", "Everyone"), "aud:all"),
        new(context.T("Cán bộ khuyến công", "Officers"), "aud:role:officer"),
        new(context.T("Lãnh đạo, quản lý", "Managers"), "aud:role:manager"),
        new(context.T("Quản trị viên", "Admins"), "aud:role:admin"),
        new(context.T("Một hoặc nhiều tỉnh/thành", "One or more provinces"), "aud:provinces"),
        new(context.T("Cán bộ khuyến công của một số tỉnh/thành", "Officers of some provinces"), "aud:rp:officer"),
        new(context.T("Lãnh đạo, quản lý của một số tỉnh/thành", "Managers of some provinces"), "aud:rp:manager"),
    ];

    private async Task<DialogMove<ComposeStep>> TakeBodyAsync(DialogTurn turn)
    {
        var context = turn.Context;
        var doc = context.Message.Document;
        var text = (context.Message.Text ?? turn.Input).Trim();
        if (text.Length == 0)
        {
            return DialogMove.Stay(turn.T("Thông báo cần có nội dung chữ. Bạn gửi lại kèm nội dung (chú thích của ảnh/tệp), hoặc /huy.", "The announcement needs text; send it again with a caption, or /cancel."));
        }
        if (text.Length > 3500)
        {
            return DialogMove.Stay(turn.T($"Nội dung quá dài ({VnFormat.Number(text.Length)} ký tự); tối đa 3.500 ký tự.", $"Too long ({text.Length} characters); at most 3,500."));
        }
        if (doc is not null && doc.Size > MaxAttachmentBytes)
        {
            return DialogMove.Stay(turn.T("Tệp đính kèm lớn hơn 10 MB; bạn gửi tệp nhỏ hơn nhé.", "The attachment is over 10 MB."));
        }
        var editing = turn.State.Data.ContainsKey(EditingKey) ? Draft(context) : null;
        var draft = editing ?? new Broadcast
        {
            CreatedByUserId = context.User.Id, CreatedAt = context.Now, SendAt = context.Now, Status = BroadcastStatus.Draft,
            ReportChannel = context.Message.Channel, ReportChatId = context.Message.ChatId,
        };
        draft.Text = text;
        if (doc is not null)
        {
            await using var stream = await doc.OpenAsync(turn.CancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, turn.CancellationToken).ConfigureAwait(false);
            draft.AttachmentName = doc.FileName;
            draft.AttachmentContent = buffer.ToArray();
            var ext = Path.GetExtension(doc.FileName).ToLowerInvariant();
            draft.AttachmentIsPhoto = PhotoExtensions.Contains(ext);
            draft.AttachmentContentType = ContentType(ext);
        }
        if (editing is not null)
        {
            repository.Update(draft);
            return ToPreview(context, draft);
        }
        turn.State.Data["id"] = repository.Add(draft).ToString(CultureInfo.InvariantCulture);
        return ComposeStep.Audience;
    }

    private static string ContentType(string ext) => ext switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".pdf" => "application/pdf",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    private DialogMove<ComposeStep> TakeAudience(DialogTurn turn, Broadcast draft)
    {
        // A label typed by its first words, with or without diacritics ("tat ca", "cán bộ", "lanh dao"), as the engine reads other choices.
        var input = ChoiceMatcher.MatchLabelStart(AudienceChoices(turn.Context), turn.Input) ?? turn.Input;
        switch (input)
        {
            case "aud:all":
                draft.Audience = AudienceKind.Everyone;
                draft.AudienceRole = null;
                break;
            case "aud:role:officer" or "aud:role:manager" or "aud:role:admin":
                draft.Audience = AudienceKind.Role;
                draft.AudienceRole = input switch { "aud:role:officer" => Role.Officer, "aud:role:manager" => Role.Manager, _ => Role.Admin };
                break;
            case "aud:rp:officer" or "aud:rp:manager":
                draft.Audience = AudienceKind.Role;
                draft.AudienceRole = input == "aud:rp:officer" ? Role.Officer : Role.Manager;
                repository.Update(draft);
                return ComposeStep.Provinces;
            case "aud:provinces":
                draft.Audience = AudienceKind.Provinces;
                draft.AudienceRole = null;
                repository.Update(draft);
                return ComposeStep.Provinces;
            default:
                return DialogMove.Stay(turn.T("Bạn chọn người nhận trong danh sách:", "Pick the recipients from the list:"));
        }
        draft.AudienceProvinces = [];
        repository.Update(draft);
        return AfterAudience(turn.Context, draft);
    }

    /// <summary>A first pass asks the time next; an edit of the recipients goes straight back to the preview.</summary>
    private DialogMove<ComposeStep> AfterAudience(BotContext context, Broadcast draft) =>
        context.State.Data.ContainsKey(EditingKey) ? ToPreview(context, draft) : ComposeStep.Time;

    private Reply ProvincesPrompt(BotContext context) => Reply.Of(Draft(context) is { Audience: AudienceKind.Role, AudienceRole: { } role }
        ? context.T(
            $"{Texts.RoleName(role, "vi")} của những tỉnh/thành nào? Gõ tên, cách nhau bằng dấu phẩy (ví dụ: Phú Thọ, Hà Nội).",
            $"{Texts.RoleName(role, "en")} of which provinces? Type them separated by commas.")
        : context.T("Gõ tên các tỉnh/thành, cách nhau bằng dấu phẩy (ví dụ: Phú Thọ, Hà Nội, 38).", "Type the provinces, separated by commas (e.g. Phu Tho, Ha Noi, 38)."));

    private DialogMove<ComposeStep> TakeProvinces(DialogTurn turn, Broadcast draft)
    {
        var input = turn.Input;
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
            return DialogMove.Stay(turn.T(
                $"Không tìm thấy tỉnh/thành: {string.Join(", ", unknown.DefaultIfEmpty(input))}. Bạn gõ lại danh sách (tên hiện nay hoặc mã tỉnh), hoặc /huy.",
                $"Unknown provinces: {string.Join(", ", unknown.DefaultIfEmpty(input))}. Type the list again, or /cancel."));
        }
        // Provinces alone, or narrowing a role chosen just before.
        if (draft.Audience != AudienceKind.Role)
        {
            draft.Audience = AudienceKind.Provinces;
        }
        draft.AudienceProvinces = found;
        repository.Update(draft);
        return AfterAudience(turn.Context, draft);
    }

    private DialogMove<ComposeStep> TakeTime(DialogTurn turn, Broadcast draft)
    {
        var context = turn.Context;
        var input = turn.Input;
        DateTimeOffset at;
        if (input == "when:now" || VnDateTimeParser.Strip(VnText.FoldWords(input)) is "ngay" or "gui ngay" or "bay gio" or "ngay bay gio" or "now")
        {
            at = context.Now;
        }
        else if (!VnDateTimeParser.TryParse(input, context.Now, out at))
        {
            return DialogMove.Stay(turn.T(
                $"Bot không hiểu thời điểm \"{input}\". Bạn gõ như \"8h sáng mai\", \"20/12 14:00\", \"15/01/2027 9h\" hoặc chọn Ngay bây giờ.",
                $"Could not read the time \"{input}\". Type e.g. \"20/12 14:00\" or pick Right now."));
        }
        else if (at <= context.Now)
        {
            return DialogMove.Stay(turn.T(
                $"Thời điểm {VnFormat.DateTime(at)} đã qua. Bạn gõ một thời điểm sau bây giờ, hoặc chọn Ngay bây giờ.",
                $"{VnFormat.DateTime(at)} is in the past. Type a later time or pick Right now."));
        }
        draft.SendAt = at;
        repository.Update(draft);
        return ToPreview(context, draft);
    }

    /// <summary>The preview, or back to the recipients when nobody would receive it (nothing is scheduled for nobody).</summary>
    private DialogMove<ComposeStep> ToPreview(BotContext context, Broadcast draft)
    {
        var members = BroadcastAudience.Members(draft, context.Store.Users.All());
        if (members.Any(u => BroadcastAudience.ChatOf(u, runner.Channels) is not null))
        {
            return ComposeStep.Preview;
        }
        var who = BroadcastAudience.Describe(draft, context.Language, catalogue);
        draft.AudienceProvinces = [];
        draft.Audience = AudienceKind.Everyone;
        draft.AudienceRole = null;
        repository.Update(draft);
        return DialogMove.Go(ComposeStep.Audience, context.T(
            $"⚠ Không có ai nhận được thông báo này ({who}: 0 người"
                + (members.Count > 0 ? $"; {VnFormat.Number(members.Count)} người chưa có kênh nhắn tin với bot" : "") + "). Bot chưa lên lịch. Chọn lại người nhận, hoặc /huy:",
            $"⚠ Nobody would receive this broadcast ({who}: 0 people). Nothing is scheduled. Pick the recipients again, or /cancel:"));
    }

    /// <summary>The message exactly as recipients will see it, then who (and how many) receive it and when.</summary>
    private Reply Preview(BotContext context, Broadcast draft)
    {
        var members = BroadcastAudience.Members(draft, context.Store.Users.All());
        var reachable = members.Count(u => BroadcastAudience.ChatOf(u, runner.Channels) is not null);
        var message = BroadcastRunner.MessageOf(draft);
        var sb = new StringBuilder(context.T("Xem trước – người nhận sẽ thấy:\n", "Preview – recipients will see:\n"));
        sb.AppendLine("――――――").AppendLine(message.Text);
        if (draft.AttachmentName is not null)
        {
            sb.AppendLine(context.T($"[Kèm {(draft.AttachmentIsPhoto ? "ảnh" : "tệp")}: {draft.AttachmentName}]", $"[Attached: {draft.AttachmentName}]"));
        }
        foreach (var button in message.Choices)
        {
            sb.AppendLine(context.T($"[Nút: {button.Label}]", $"[Button: {button.Label}]"));
        }
        sb.AppendLine("――――――");
        sb.AppendLine(context.T($"Người nhận: {BroadcastAudience.Describe(draft, "vi", catalogue)} – {VnFormat.Number(reachable)} người", $"Recipients: {BroadcastAudience.Describe(draft, "en", catalogue)} – {reachable} people"));
        if (members.Count > reachable)
        {
            sb.AppendLine(context.T(
                $"({VnFormat.Number(members.Count - reachable)} người khác trong nhóm này chưa có kênh nhắn tin với bot nên sẽ không nhận được.)",
                $"({members.Count - reachable} others cannot be reached: no chat with the bot yet.)"));
        }
        var now = draft.SendAt <= context.Now;
        sb.Append(now
            ? context.T("Gửi: ngay khi bạn chọn Gửi ngay.", "Sent: as soon as you pick Send now.")
            : context.T($"Gửi lúc: {VnFormat.DateTime(draft.SendAt)} ({Until(draft.SendAt - context.Now)} nữa).", $"Sent at: {VnFormat.DateTime(draft.SendAt)}."));
        return new Reply { Text = sb.ToString(), Attachment = message.Attachment, Choices = ConfirmChoices(context, now) };
    }

    private static List<Choice> ConfirmChoices(BotContext context, bool now) =>
    [
        now ? new(context.T("Gửi ngay", "Send now"), "confirm") : new(context.T("Xác nhận hẹn giờ", "Confirm the schedule"), "confirm"),
        new(context.T("Sửa", "Change"), "edit"),
        new(context.T("Hủy", "Cancel"), "drop"),
    ];

    private DialogMove<ComposeStep> Confirm(DialogTurn turn, Broadcast draft)
    {
        var context = turn.Context;
        var input = turn.Input;
        var folded = VnDateTimeParser.Strip(VnText.FoldWords(input));
        if (input == "drop" || folded is "huy" or "khong")
        {
            draft.Status = BroadcastStatus.Cancelled;
            repository.Update(draft);
            return DialogMove.End(turn.T("Đã hủy, thông báo không được gửi.", "Dropped; nothing was sent."));
        }
        if (input == "edit" || folded is "sua" or "sua lai")
        {
            return ComposeStep.Edit;
        }
        if (input != "confirm" && folded is not ("xac nhan" or "xac nhan gui" or "dong y" or "gui" or "gui ngay" or "ok" or "co"))
        {
            return DialogMove.Stay(turn.T("Bạn chọn Gửi ngay, Sửa hoặc Hủy:", "Pick Send now, Change or Cancel:"));
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
        return DialogMove.Handled;
    }

    private Broadcast? Draft(BotContext context) =>
        context.State.Data.TryGetValue("id", out var s) && long.TryParse(s, out var id) && repository.Get(id) is { Status: BroadcastStatus.Draft } b ? b : null;

    private DialogMove<ComposeStep> WithDraft(DialogTurn turn, Func<Broadcast, DialogMove<ComposeStep>> next) =>
        Draft(turn.Context) is { } draft
            ? next(draft)
            : DialogMove.End(turn.T("Bản nháp thông báo không còn. Gõ /thongbao để soạn lại.", "The draft is gone. Type /broadcast to start again."));

    private static string Until(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays} ngày {span.Hours} giờ";
        }
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours} giờ {span.Minutes} phút" : $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} phút";
    }
}
