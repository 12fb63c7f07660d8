using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Runs the conversational forms: start, answer, back, skip, cancel, facility search, summary, edit, save.</summary>
public sealed partial class FormRunner(FormCatalogue forms, IOptions<BotOptions> options, CommuneCatalogue communes, BeneficiaryCatalogue beneficiaries,
    ProvinceAreas? provinceAreas = null)
{
    public const string FlowName = "form";

    private static readonly string[] BackWords = ["quay lai", "back", "tro lai", "lui", "lui lai", "quay ve"];
    private static readonly string[] SkipWords = ["bo qua", "skip", "khong co", "ko co", "k co", "khong"];
    private static readonly string[] CancelWords = ["huy", "cancel", "huy bo", "huy phieu", "thoi"];
    private static readonly string[] ResumeWords = ["tiep", "tiep tuc", "continue", "resume"];
    private static readonly string[] SaveWords =
        ["luu", "save", "ok", "xong", "dong y", "luu lai", "luu ban ghi", "co", "ok luu", "luu di", "luu nhe", "co luu", "dong y luu", "luu luon", "ok save"];
    private static readonly string[] StartWords = ["ghi", "them", "nhap", "log", "add", "ghi nhan"];

    public FormCatalogue Forms => forms;

    public int EditWindowDays => options.Value.EditWindowDays;

    /// <summary>Reads "ghi hội chợ", "thêm hỗ trợ máy móc": the activity to log, "" for "ghi" alone, null when it is not a request to log.</summary>
    public string? ParseIntent(CatalogueIndex catalogue, string text)
    {
        var folded = VnText.FoldWords(text);
        if (folded.Length == 0 || text.Contains('?') || VnText.ContainsWords(folded, "bao nhieu") || VnText.ContainsWords(folded, "bn"))
        {
            return null;
        }
        foreach (var word in StartWords.OrderByDescending(w => w.Length))
        {
            if (folded == word)
            {
                return "";
            }
            if (folded.StartsWith(word + " ", StringComparison.Ordinal))
            {
                var rest = folded[(word.Length + 1)..];
                var activity = catalogue.FindActivity(rest) ?? catalogue.FindActivityIn(rest);
                return activity is not null && forms.Get(activity.Id) is not null ? activity.Id : null;
            }
        }
        return null;
    }

    /// <summary>"ghi máy móc", "ghi hội chợ": a start word and an activity's exact name or alias; null otherwise ("Thêm hội chợ Xuân" is a name).</summary>
    private string? ExactIntent(CatalogueIndex catalogue, string folded)
    {
        foreach (var word in StartWords.Where(w => w is "ghi" or "log" or "ghi nhan").OrderByDescending(w => w.Length))
        {
            if (folded.StartsWith(word + " ", StringComparison.Ordinal) && catalogue.FindActivity(folded[(word.Length + 1)..]) is { } activity
                && forms.Get(activity.Id) is not null)
            {
                return activity.Id;
            }
        }
        return null;
    }

    /// <summary>/log (/ghi) [activity].</summary>
    public Task LogCommandAsync(BotContext ctx, string arguments, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            Start(ctx, "pick");
            return Task.CompletedTask;
        }
        var activity = ctx.Catalogue.FindActivity(arguments) ?? ctx.Catalogue.FindActivityIn(VnText.FoldWords(arguments));
        if (activity is null || forms.Get(activity.Id) is null)
        {
            ctx.Say(ctx.T($"Không rõ hoạt động \"{Clip(arguments, 40)}\". Chọn một hoạt động dưới đây.",
                $"Unknown activity \"{Clip(arguments, 40)}\". Pick one below."));
            Start(ctx, "pick");
            return Task.CompletedTask;
        }
        Start(ctx, "a:" + activity.Id);
        return Task.CompletedTask;
    }

    /// <summary>Managers see figures and edit nothing (AccessPolicy): true, with a refusal said, when the person is a manager.</summary>
    private static bool RefusedAsManager(BotContext ctx)
    {
        if (ctx.User.Role != People.Role.Manager)
        {
            return false;
        }
        ctx.Say(ctx.T(
            "Ghi nhận và sửa bản ghi chỉ dành cho cán bộ khuyến công và quản trị viên. Lãnh đạo, quản lý xem số liệu bằng cách hỏi bot, ví dụ: \"bao nhiêu gian hàng từ đầu năm\".",
            "Logging and correcting records is for officers and admins. Managers read the figures by asking, e.g. \"how many booths this year\"."));
        return true;
    }

    /// <summary>Starts a form ("pick", "a:trade_fair", "edit:12", "again:12"), asking first when a draft would be lost.</summary>
    public void Start(BotContext ctx, string target)
    {
        if (RefusedAsManager(ctx))
        {
            return;
        }
        var state = ctx.State;
        if (state.Flow == FlowName)
        {
            var s = new FormSession(state);
            if (s.Phase == FormPhase.Draft)
            {
                s.Set("next", target);
                Prompt(ctx, s);
                return;
            }
            if (s.Phase != FormPhase.Pick && s.FormId is not null)
            {
                s.Set("next", target);
                s.Set("prevphase", FormPhases.Name(s.Phase));
                s.Phase = FormPhase.Draft;
                Prompt(ctx, s);
                return;
            }
        }
        else if (state.Flow is not null)
        {
            ctx.Say(ctx.T("Bạn đang có một thao tác khác làm dở. Gõ /huy để hủy nó trước, rồi mở phiếu mới.",
                "You have another unfinished step. Type /cancel first, then open a new form."));
            return;
        }
        Launch(ctx, target);
    }

    private void Launch(BotContext ctx, string target)
    {
        var s = new FormSession(ctx.State);
        if (target == "pick")
        {
            s.End();
            ctx.State.Flow = FlowName;
            s.Phase = FormPhase.Pick;
            Prompt(ctx, s);
            return;
        }
        var colon = target.IndexOf(':');
        var kind = colon < 0 ? target : target[..colon];
        var arg = colon < 0 ? "" : target[(colon + 1)..];
        if (kind == "a" && forms.Get(arg) is { } form)
        {
            Begin(ctx, form, null, false);
            return;
        }
        if (kind is "edit" or "again" && long.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var record = ctx.Store.Records.Get(id);
            if (record is null || record.CreatedByUserId != ctx.User.Id || !InScope(ctx, record))
            {
                ctx.Say(ctx.T($"Không tìm thấy bản ghi số {id} của bạn.", $"No record {id} of yours."));
                return;
            }
            if (forms.Get(record.ActivityId) is not { } recordForm)
            {
                ctx.Say(ctx.T("Hoạt động của bản ghi này chưa có mẫu phiếu.", "This record's activity has no form."));
                return;
            }
            if (kind == "edit" && !RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
            {
                ctx.Say(ctx.T($"Bản ghi số {id} đã quá {EditWindowDays} ngày nên không sửa được nữa. Liên hệ quản trị viên nếu cần điều chỉnh.",
                    $"Record {id} is older than {EditWindowDays} days and can no longer be changed. Ask an admin."));
                return;
            }
            Begin(ctx, recordForm, record, kind == "edit");
            return;
        }
        ctx.Say(ctx.T("Không mở được phiếu này. Gõ /ghi để chọn hoạt động.", "Could not open that form. Type /log to pick an activity."));
    }

    private void Begin(BotContext ctx, FormDefinition form, Records.SupportRecord? from, bool edit)
    {
        var s = new FormSession(ctx.State);
        s.End();
        DropDraftPhotos(ctx);
        ctx.State.Flow = FlowName;
        s.FormId = form.Activity;
        s.MarkLayout();
        if (from is not null)
        {
            RecordWriter.Load(from, form, s, f => edit || f.Repeat);
            MarkAllConfirmed(s, form);
            if (edit)
            {
                s.EditId = from.Id;
                // The project a corrected record is linked to stays offered even if it was settled since.
                s.Set("pjorig", from.ProjectCode);
            }
        }
        // An officer logs for one province only: no need to ask it (it stays in the summary and can be corrected there).
        if (form.Bound("province") is { } provinceField && !s.HasAnswer(provinceField.Id)
            && FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User) is [var only])
        {
            s.SetAnswer(provinceField.Id, only.Id);
        }
        var intro = edit
            ? ctx.T($"✏ Sửa bản ghi số {from!.Id}.", $"✏ Correcting record {from!.Id}.")
            : from is not null
                ? ctx.T("➕ Ghi thêm, giữ các câu trả lời chung của bản ghi trước.", "➕ Another one, keeping the shared answers of the last record.")
                : ctx.T($"📝 Phiếu mới: {Title(ctx, form)}. Gõ \"quay lại\", \"bỏ qua\" hoặc /huy bất cứ lúc nào.",
                    $"📝 New form: {Title(ctx, form)}. Type \"back\", \"skip\" or /cancel at any time.");
        Advance(ctx, s, form, -1, intro);
    }

    /// <summary>Takes the next answer of the active form.</summary>
    public Task ContinueAsync(BotContext ctx, string input, bool isButton, CancellationToken ct)
    {
        ctx.State.RemindedAt = null;
        var s = new FormSession(ctx.State);
        if (isButton && IsGlobal(input))
        {
            HandleGlobal(ctx, input);
            return Task.CompletedTask;
        }
        var folded = isButton ? "" : VnText.FoldWords(input);
        if (s.Phase == FormPhase.Draft && (input == "f:cancel" || (!isButton && CancelWords.Contains(folded))))
        {
            // "thôi" at "continue the unfinished form or drop it?" gives up the new one; only "Bỏ phiếu cũ" drops the draft.
            KeepDraft(ctx, s);
            return Task.CompletedTask;
        }
        if (input == "f:cancel" || (!isButton && CancelWords.Contains(folded)))
        {
            Cancel(ctx, s);
            return Task.CompletedTask;
        }
        if (!isButton && ResumeWords.Contains(folded) && s.Phase != FormPhase.Draft)
        {
            Prompt(ctx, s);
            return Task.CompletedTask;
        }
        if (s.Phase == FormPhase.Pick)
        {
            HandlePick(ctx, s, input, isButton);
            return Task.CompletedTask;
        }
        var form = forms.Get(s.FormId);
        if (form is null)
        {
            s.End();
            ctx.Say(ctx.T("Mẫu phiếu đang dở không còn nữa nên đã được bỏ. Gõ /ghi để mở phiếu mới.",
                "The unfinished form no longer exists and was dropped. Type /log to open a new one."));
            return Task.CompletedTask;
        }
        s.Realign(form);
        if (s.Step < 0 || s.Step >= form.Fields.Count)
        {
            Advance(ctx, s, form, -1, null);
            return Task.CompletedTask;
        }
        if (s.Phase == FormPhase.Draft)
        {
            HandleDraft(ctx, s, input);
            return Task.CompletedTask;
        }
        if (!isButton && (ctx.Message.Photo is not null || ctx.Message.Location is not null))
        {
            return HandleMediaAsync(ctx, s, form, ct);
        }
        // "ghi máy móc" is a request to log, not an answer; where any text may answer (a name), only when it names an activity exactly.
        if (!isButton && s.Phase is FormPhase.Ask && (form.Fields[s.Step].Kind is not (FieldType.Text or FieldType.Commune or FieldType.Facility)
                ? ParseIntent(ctx.Catalogue, input)
                : ExactIntent(ctx.Catalogue, folded)) is { } intent)
        {
            Start(ctx, intent.Length == 0 ? "pick" : "a:" + intent);
            return Task.CompletedTask;
        }
        var (verb, arg, stale) = Classify(s, input, isButton, folded);
        if (stale)
        {
            ctx.Say(ctx.T("Nút đó thuộc câu hỏi trước. Câu hiện tại:", "That button belongs to an earlier question. The current one:"));
            Prompt(ctx, s);
            return Task.CompletedTask;
        }
        switch (s.Phase)
        {
            case FormPhase.Summary:
            case FormPhase.EditPick:
                HandleSummary(ctx, s, form, verb, arg, input, isButton, folded);
                break;
            case FormPhase.Facility:
            case FormPhase.NewFacilityDuplicate:
            case FormPhase.NewFacilityCommune:
            case FormPhase.NewFacilityCommunePick:
            case FormPhase.NewFacilityCommuneConfirm:
            case FormPhase.NewFacilityLegal:
            case FormPhase.NewFacilityTaxId:
            case FormPhase.NewFacilityPriority:
            case FormPhase.NewFacilityVillage:
            case FormPhase.NewFacilityPhone:
                HandleFacilityPhase(ctx, s, form, verb, arg, input, isButton);
                break;
            default:
                s.Phase = FormPhase.Ask;
                HandleAnswer(ctx, s, form, verb, arg, input, isButton);
                break;
        }
        return Task.CompletedTask;
    }

    /// <summary>Splits button data "f:{step}:{verb}[:{arg}]" (or a typed action word) into verb and argument; stale when the step is not the current one.</summary>
    private static (string Verb, string Arg, bool Stale) Classify(FormSession s, string input, bool isButton, string folded)
    {
        if (!isButton)
        {
            if (BackWords.Contains(folded))
            {
                return ("back", "", false);
            }
            if (SkipWords.Contains(folded))
            {
                return ("skip", "", false);
            }
            return ("text", "", false);
        }
        var parts = input.Split(':', 4);
        if (parts.Length < 2 || parts[0] != "f")
        {
            return ("unknown", "", false);
        }
        if (parts[1] is "back" or "skip" or "save" or "edit")
        {
            return (parts[1], "", false);
        }
        if (parts[1] == "e" && parts.Length >= 3)
        {
            return ("e", parts[2], false);
        }
        if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && parts.Length >= 3)
        {
            if (step != s.Step || s.Phase is FormPhase.Summary or FormPhase.EditPick)
            {
                return ("", "", true);
            }
            return (parts[2], parts.Length >= 4 ? parts[3] : "", false);
        }
        return ("unknown", "", false);
    }

    private void Cancel(BotContext ctx, FormSession s)
    {
        var form = forms.Get(s.FormId);
        var edit = s.EditId;
        s.End();
        DropDraftPhotos(ctx);
        ctx.Say(edit is not null
            ? ctx.T($"Đã hủy việc sửa. Bản ghi số {edit} giữ nguyên như trước.", $"Correction cancelled. Record {edit} is unchanged.")
            : form is null
                ? ctx.T("Đã hủy.", "Cancelled.")
                : ctx.T($"Đã hủy phiếu {Title(ctx, form)}. Không có gì được lưu. Gõ /ghi để mở phiếu mới.",
                    $"Form {Title(ctx, form)} cancelled; nothing was saved. Type /log to open a new one."));
    }

    private void HandlePick(BotContext ctx, FormSession s, string input, bool isButton)
    {
        Activity? activity = null;
        if (isButton && input.StartsWith("f:a:", StringComparison.Ordinal))
        {
            activity = ctx.Catalogue.Activity(input[4..]);
        }
        else if (!isButton)
        {
            activity = ctx.Catalogue.FindActivity(input) ?? ctx.Catalogue.FindActivityIn(VnText.FoldWords(input));
        }
        if (activity is null || forms.Get(activity.Id) is not { } form)
        {
            Prompt(ctx, s, ctx.T("⚠ Chưa rõ hoạt động nào. Chọn số thứ tự hoặc gõ tên (ví dụ: hội chợ).",
                "⚠ Which activity? Pick a number or type a name (e.g. trade fair)."));
            return;
        }
        Begin(ctx, form, null, false);
    }

    /// <summary>Moves to the next field that still needs an answer, or to the summary.</summary>
    private void Advance(BotContext ctx, FormSession s, FormDefinition form, int from, string? echo)
    {
        s.Misses = 0;
        RefreshProjects(ctx, s, form);
        var next = s.NextMissing(form, from);
        if (next < 0 && CrossCheck(ctx, s, form, echo))
        {
            return;
        }
        if (next < 0)
        {
            s.Phase = FormPhase.Summary;
            Prompt(ctx, s, echo);
            return;
        }
        s.Step = next;
        s.Phase = FormPhase.Ask;
        Prompt(ctx, s, echo);
    }

    private void GoBack(BotContext ctx, FormSession s, FormDefinition form)
    {
        s.Misses = 0;
        var previous = s.Previous(form, s.Step);
        if (previous < 0)
        {
            if (s.EditId is not null)
            {
                s.Phase = FormPhase.Summary;
                Prompt(ctx, s);
                return;
            }
            Prompt(ctx, s, ctx.T("Đây là câu đầu tiên. Gõ /huy nếu muốn bỏ phiếu này.", "This is the first question. Type /cancel to drop the form."));
            return;
        }
        s.Step = previous;
        s.Phase = FormPhase.Ask;
        Prompt(ctx, s);
    }

    private void Refuse(BotContext ctx, FormSession s, FormDefinition form, string error)
    {
        s.Misses++;
        var text = "⚠ " + error;
        if (s.Misses >= 3)
        {
            text += "\n" + ctx.T("💡 Ví dụ một câu trả lời đúng: ", "💡 An example of a valid answer: ")
                + (StepExample(ctx, s) ?? FieldReader.Example(form.Fields[s.Step], ctx.Today))
                + ctx.T(". Gõ \"bỏ qua\" nếu câu này không bắt buộc, hoặc /huy để dừng.", ". Type \"skip\" if the question is optional, or /cancel to stop.");
        }
        Prompt(ctx, s, text, edits: false);
    }

    /// <summary>The example for a new facility's own questions (its commune, type, number...), not the facility field's.</summary>
    private static string? StepExample(BotContext ctx, FormSession s) => s.Phase switch
    {
        FormPhase.NewFacilityCommune => "xã Tiên Lữ",
        FormPhase.NewFacilityCommunePick or FormPhase.NewFacilityCommuneConfirm => "1",
        FormPhase.NewFacilityLegal => ctx.T("hộ kinh doanh", "household"),
        FormPhase.NewFacilityTaxId => "0101234565",
        FormPhase.NewFacilityPriority => ctx.T("không", "none"),
        FormPhase.NewFacilityVillage => "làng gốm Hương Canh",
        FormPhase.NewFacilityPhone => "0912345678",
        _ => null,
    };

    private void HandleAnswer(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input, bool isButton)
    {
        var field = form.Fields[s.Step];
        if (PendingAnswer(s, input) is { } picked && !isButton && picked.Split(':', 4) is [_, _, var pv, ..] pickedParts)
        {
            // "có" to the amount question asked before something else was answered in between.
            (verb, arg) = (pv, pickedParts.Length >= 4 ? pickedParts[3] : "");
        }
        switch (verb)
        {
            case "back":
                GoBack(ctx, s, form);
                return;
            case "skip":
                if (field.IsRequired)
                {
                    Refuse(ctx, s, form, ctx.T($"Câu \"{field.LabelIn(ctx.English)}\" là bắt buộc, không bỏ qua được.",
                        $"\"{field.LabelIn(ctx.English)}\" is required and cannot be skipped."));
                    return;
                }
                s.SetAnswer(field.Id, "");
                if (field.Kind == FieldType.Photo)
                {
                    DropDraftPhotos(ctx);
                }
                Advance(ctx, s, form, s.Step, ctx.T($"⏭ Bỏ qua: {field.LabelIn(ctx.English)}.", $"⏭ Skipped: {field.LabelIn(ctx.English)}."));
                return;
            case "keep" when s.HasAnswer(field.Id):
                Advance(ctx, s, form, s.Step, null);
                return;
        }
        if (field.Kind == FieldType.Project)
        {
            HandleProjectAnswer(ctx, s, form, field, verb, arg, input);
            return;
        }
        if (field.Kind == FieldType.Facility)
        {
            HandleFacilityAnswer(ctx, s, form, field, verb, arg, input, isButton);
            return;
        }
        if (HandlePhotoAnswer(ctx, s, form, field, verb, input))
        {
            return;
        }
        FieldResult result;
        switch (verb)
        {
            case "def" when field.Default is not null:
                result = DefaultValue(ctx, field) is { } dv ? FieldResult.Accept(dv) : FieldResult.Refuse(ctx.T("Không có giá trị mặc định.", "No default."));
                break;
            case "today" when field.Kind == FieldType.Date:
                result = FieldResult.Accept(ctx.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case "yday" when field.Kind == FieldType.Date:
                result = FieldResult.Accept(ctx.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case "v" when field.Kind == FieldType.Choice && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < field.Choices.Count:
                result = FieldResult.Accept(field.Choices[i].Value);
                break;
            case "prov" when field.Kind == FieldType.Province:
                result = FieldReader.Read(field, ctx.Catalogue.Province(arg)?.Name ?? arg, ctx.Today, ctx.Catalogue, ctx.User, ctx.English);
                break;
            case "cm" when field.Kind == FieldType.Commune && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var ci) && Suggestion(s, ci) is { } commune:
                result = FieldResult.Accept(commune);
                break;
            case "text":
                result = FieldReader.Read(field, input, ctx.Today, ctx.Catalogue, ctx.User, ctx.English);
                if (result.Ok && AskIfImplausible(ctx, s, form, field, result.Value))
                {
                    return;
                }
                break;
            case "pl" when arg == "no":
                Prompt(ctx, s);
                return;
            case "pl" or "plx" when field.Kind is FieldType.Money or FieldType.Location:
                result = FieldReader.Read(field, arg, ctx.Today, ctx.Catalogue, ctx.User, ctx.English);
                NoteConfirmed(s, field, verb, result.Value);
                if (result.Ok && field.Kind == FieldType.Money && AskIfImplausible(ctx, s, form, field, result.Value))
                {
                    return;
                }
                break;
            default:
                Prompt(ctx, s, ctx.T("Nút đó không dùng được ở câu này.", "That button does not apply here."));
                return;
        }
        result = CheckSplit(ctx, s, form, field, result);
        if (!result.Ok)
        {
            Refuse(ctx, s, form, result.Error!);
            return;
        }
        s.SetAnswer(field.Id, result.Value);
        var echo = $"✓ {field.LabelIn(ctx.English)}: {FieldReader.Display(field, result.Value, ctx.Catalogue, ctx.English)}";
        if (result.Note is not null && field.Kind != FieldType.Money)
        {
            echo += "\nℹ " + result.Note;
        }
        Advance(ctx, s, form, s.Step, echo);
    }

    private static string? DefaultValue(BotContext ctx, FormField field) => field.Kind switch
    {
        _ when field.Default is null => null,
        FieldType.Date when field.Default == "today" => ctx.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldType.Date when field.Default == "yesterday" => ctx.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => field.Default,
    };

    private static string? Suggestion(FormSession s, int index)
    {
        var list = (s.Get("cms") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return index >= 0 && index < list.Length ? list[index] : null;
    }

    internal static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        // Never cut an emoji (a surrogate pair) in half: the half could not be stored or sent.
        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut] + "…";
    }

    internal static string Title(BotContext ctx, FormDefinition form) =>
        ctx.English
            ? form.TitleEn ?? ctx.Catalogue.Activity(form.Activity)?.EnglishName ?? form.Activity
            : form.Title ?? ctx.Catalogue.Activity(form.Activity)?.ShortName ?? form.Activity;
}
