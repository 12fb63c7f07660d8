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

    /// <summary>Shows the scheduled and recent broadcasts (set by the module): "danh sách" typed as the text opens it.</summary>
    public Action<BotContext>? ShowList { get; set; }

    private Dialog<ComposeStep> ComposeDialog() => new(ComposeFlow,
    [
        new(ComposeStep.Body, BodyPrompt, TakeBodyAsync) { Kind = DialogKind.Form, TakesAnyText = true },
        new(ComposeStep.Audience, c => Reply.Of(c.Text("broadcast.who_receives")) with { Choices = AudienceChoices(c) },
            turn => WithDraft(turn, draft => TakeAudience(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Provinces, ProvincesPrompt, turn => WithDraft(turn, draft => TakeProvinces(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Time, c => Reply.Of(c.Text("broadcast.when")) with { Choices = [Now(c)] },
            turn => WithDraft(turn, draft => TakeTime(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Preview, c => Preview(c, Draft(c)!), turn => WithDraft(turn, draft => Confirm(turn, draft))) { Kind = DialogKind.Form },
        new(ComposeStep.Edit, c => Reply.Of(c.Text("broadcast.change_what")) with { Choices = EditChoices(c) },
            turn =>
            {
                turn.State.Data[EditingKey] = "1";
                return (ChoiceMatcher.MatchLabelStart(EditChoices(turn.Context), turn.Input) ?? turn.Input) switch
                {
                    "edit:text" => ComposeStep.Body,
                    "edit:aud" => ComposeStep.Audience,
                    "edit:time" => ComposeStep.Time,
                    _ => DialogMove.Stay(turn.Text("broadcast.pick_what_change_cancel")),
                };
            }) { Kind = DialogKind.Form },
    ])
    {
        Description = c => c.Text("broadcast.composing_broadcast"),
        Guard = c => c.IsAdmin ? null : c.Text("people.admins_only"),
    };

    private static Reply BodyPrompt(BotContext context) => Reply.Of(context.State.Data.ContainsKey(EditingKey)
        ? context.Text("broadcast.new_text_prompt")
        : context.Text("broadcast.compose_prompt"));

    private static Choice Now(BotContext context) => new(context.Text("broadcast.right_now"), "when:now");

    private static List<Choice> EditChoices(BotContext context) =>
        [new(context.Text("broadcast.text"), "edit:text"), new(context.Text("broadcast.recipients"), "edit:aud"), new(context.Text("broadcast.time"), "edit:time")];

    private static List<Choice> AudienceChoices(BotContext context) =>
    [
        new(context.Text("broadcast.everyone"), "aud:all"),
        new(context.Text("broadcast.officers"), "aud:role:officer"),
        new(context.Text("broadcast.managers"), "aud:role:manager"),
        new(context.Text("broadcast.admins"), "aud:role:admin"),
        new(context.Text("broadcast.one_more_provinces"), "aud:provinces"),
        new(context.Text("broadcast.officers_some_provinces"), "aud:rp:officer"),
        new(context.Text("broadcast.managers_some_provinces"), "aud:rp:manager"),
    ];

    private async Task<DialogMove<ComposeStep>> TakeBodyAsync(DialogTurn turn)
    {
        var context = turn.Context;
        var doc = context.Message.Document;
        var text = (context.Message.Text ?? turn.Input).Trim();
        if (text.Length == 0)
        {
            return DialogMove.Stay(turn.Text("broadcast.needs_text"));
        }
        if (doc is null && ShowList is { } list && VnText.FoldWords(text) is "danh sach" or "ds" or "list" or "xem danh sach")
        {
            // "/thongbao" then "danh sách": the list of broadcasts, as "/thongbao danh sach" gives it, not a broadcast of two words.
            context.State.Clear();
            list(context);
            return DialogMove.Handled;
        }
        if (text.Length > 3500)
        {
            return DialogMove.Stay(turn.Text("broadcast.too_long", ("text_length", text.Length)));
        }
        if (doc is not null && doc.Size > MaxAttachmentBytes)
        {
            return DialogMove.Stay(turn.Text("broadcast.attachment_too_big"));
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
                return DialogMove.Stay(turn.Text("broadcast.pick_recipients_from_list"));
        }
        draft.AudienceProvinces = [];
        repository.Update(draft);
        return AfterAudience(turn.Context, draft);
    }

    /// <summary>A first pass asks the time next; an edit of the recipients goes straight back to the preview.</summary>
    private DialogMove<ComposeStep> AfterAudience(BotContext context, Broadcast draft) =>
        context.State.Data.ContainsKey(EditingKey) ? ToPreview(context, draft) : ComposeStep.Time;

    private Reply ProvincesPrompt(BotContext context) => Reply.Of(Draft(context) is { Audience: AudienceKind.Role, AudienceRole: { } role }
        ? context.Text("broadcast.role_which_provinces", ("role", Texts.RoleName(context, role)))
        : context.Text("broadcast.type_provinces_separated_by"));

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
            return DialogMove.Stay(turn.Text("broadcast.unknown_provinces", ("names", string.Join(", ", unknown.DefaultIfEmpty(input)))));
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
            return DialogMove.Stay(turn.Text("broadcast.could_not_read_time", ("input", input)));
        }
        else if (at <= context.Now)
        {
            return DialogMove.Stay(turn.Text("broadcast.past_type_later_time", ("at", at)));
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
        var who = BroadcastAudience.Describe(draft, context.Texts, context.Language, catalogue);
        draft.AudienceProvinces = [];
        draft.Audience = AudienceKind.Everyone;
        draft.AudienceRole = null;
        repository.Update(draft);
        return DialogMove.Go(ComposeStep.Audience, members.Count > 0
            ? context.Text("broadcast.nobody_receives_unreachable", ("who", who), ("count", members.Count))
            : context.Text("broadcast.nobody_receives", ("who", who)));
    }

    /// <summary>The message exactly as recipients will see it, then who (and how many) receive it and when.</summary>
    private Reply Preview(BotContext context, Broadcast draft)
    {
        var members = BroadcastAudience.Members(draft, context.Store.Users.All());
        var reachable = members.Count(u => BroadcastAudience.ChatOf(u, runner.Channels) is not null);
        var message = runner.MessageOf(draft);
        var sb = new StringBuilder(context.Text("broadcast.preview_header"));
        sb.AppendLine("――――――").AppendLine(message.Text);
        if (draft.AttachmentName is not null)
        {
            sb.AppendLine(draft.AttachmentIsPhoto
                ? context.Text("broadcast.attached_photo", ("name", draft.AttachmentName))
                : context.Text("broadcast.attached_file", ("name", draft.AttachmentName)));
        }
        foreach (var button in message.Choices)
        {
            sb.AppendLine(context.Text("broadcast.button", ("label", button.Label)));
        }
        sb.AppendLine("――――――");
        sb.AppendLine(context.Text("broadcast.preview_recipients", ("who", BroadcastAudience.Describe(draft, context.Texts, context.Language, catalogue)), ("count", reachable)));
        if (members.Count > reachable)
        {
            sb.AppendLine(context.Text("broadcast.others_unreachable", ("count", members.Count - reachable)));
        }
        var now = draft.SendAt <= context.Now;
        sb.Append(now
            ? context.Text("broadcast.sent_on_confirm")
            : context.Text("broadcast.sent_at", ("send_at", draft.SendAt), ("until", Until(context, draft.SendAt - context.Now))));
        return new Reply { Text = sb.ToString(), Attachment = message.Attachment, Choices = ConfirmChoices(context, now) };
    }

    private static List<Choice> ConfirmChoices(BotContext context, bool now) =>
    [
        now ? new(context.Text("broadcast.send_now"), "confirm") : new(context.Text("broadcast.confirm_schedule"), "confirm"),
        new(context.Text("broadcast.change"), "edit"),
        new(context.Text("broadcast.cancel"), "drop"),
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
            return DialogMove.End(turn.Text("broadcast.dropped_nothing_was_sent"));
        }
        if (input == "edit" || folded is "sua" or "sua lai")
        {
            return ComposeStep.Edit;
        }
        if (input != "confirm" && folded is not ("xac nhan" or "xac nhan gui" or "dong y" or "gui" or "gui ngay" or "ok" or "co"))
        {
            return DialogMove.Stay(turn.Text("broadcast.pick_send_now_change"));
        }
        if (draft.SendAt < context.Now)
        {
            draft.SendAt = context.Now;
        }
        draft.Status = BroadcastStatus.Scheduled;
        repository.Update(draft);
        context.State.Clear();
        signal.Wake();
        var cancel = new Choice(context.Text("broadcast.cancel_broadcast"), "bc:cancel:" + draft.Id.ToString(CultureInfo.InvariantCulture), Numbered: false);
        context.Say(new Reply
        {
            Text = draft.SendAt <= context.Now
                ? context.Text("broadcast.sending_now", ("id", draft.Id))
                : context.Text("broadcast.scheduled_at", ("id", draft.Id), ("send_at", draft.SendAt)),
            Choices = [cancel],
        });
        return DialogMove.Handled;
    }

    private Broadcast? Draft(BotContext context) =>
        context.State.Data.TryGetValue("id", out var s) && long.TryParse(s, out var id) && repository.Get(id) is { Status: BroadcastStatus.Draft } b ? b : null;

    private DialogMove<ComposeStep> WithDraft(DialogTurn turn, Func<Broadcast, DialogMove<ComposeStep>> next) =>
        Draft(turn.Context) is { } draft
            ? next(draft)
            : DialogMove.End(turn.Text("broadcast.draft_gone"));

    private static string Until(BotContext context, TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return context.Text("broadcast.until_days", ("days", (int)span.TotalDays), ("hours", span.Hours));
        }
        return span.TotalHours >= 1
            ? context.Text("broadcast.until_hours", ("hours", (int)span.TotalHours), ("minutes", span.Minutes))
            : context.Text("broadcast.until_minutes", ("minutes", Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))));
    }
}
