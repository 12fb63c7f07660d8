using System.Globalization;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Reads the answer to the current question (typed, or a button of it), checks it, and moves on; "quay lại", "bỏ qua", "giữ".</summary>
public sealed class FieldAnswers(FormNavigator navigator, FormPrompter prompter, AmountPlausibility plausibility, FacilityAnswers facilities,
    EvidenceAnswers evidence)
{
    private static readonly HashSet<string> DoneWords = new(StringComparer.Ordinal) { "luu", "luu lai", "ok luu", "xong", "ok", "het", "save", "done" };

    internal void Handle(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input, bool isButton)
    {
        var field = form.Fields[s.Step];
        if (!isButton && field.Kind == FieldType.Money && AmountPlausibility.WithoutLeadingNo(s, input) is var retyped && retyped != input)
        {
            (verb, input) = ("text", retyped);
        }
        if (AmountPlausibility.PendingAnswer(s, input) is { } picked && !isButton && picked.Split(':', 4) is [_, _, var pv, ..] pickedParts)
        {
            // "có" to the amount question asked before something else was answered in between.
            (verb, arg) = (pv, pickedParts.Length >= 4 ? pickedParts[3] : "");
        }
        if (verb == "text" && !field.IsRequired && field.Bind == "note" && DoneWords.Contains(Text.VnText.FoldWords(input)))
        {
            // "lưu" at the last, optional note: the officer means "done", not a note reading "lưu"; the summary comes next.
            verb = "skip";
        }
        switch (verb)
        {
            case "back":
                navigator.GoBack(ctx, s, form);
                return;
            case "skip":
                if (field.IsRequired)
                {
                    navigator.Refuse(ctx, s, form, ctx.Text("form.answer.required_no_skip", ("label", field.LabelIn(ctx.English))));
                    return;
                }
                s.SetAnswer(field.Id, "");
                if (field.Kind == FieldType.Photo)
                {
                    DraftPhotos.Drop(ctx);
                }
                navigator.Advance(ctx, s, form, s.Step, ctx.Text("form.answer.skipped", ("label", field.LabelIn(ctx.English))));
                return;
            case "keep" when s.HasAnswer(field.Id):
                navigator.Advance(ctx, s, form, s.Step, null);
                return;
        }
        if (field.Kind == FieldType.Project)
        {
            HandleProject(ctx, s, form, field, verb, arg, input);
            return;
        }
        if (field.Kind == FieldType.Facility)
        {
            facilities.Handle(ctx, s, form, field, verb, arg, input);
            return;
        }
        if (evidence.HandlePhotoAnswer(ctx, s, form, field, verb, input))
        {
            return;
        }
        FieldResult result;
        switch (verb)
        {
            case "def" when field.Default is not null:
                result = FormPrompter.DefaultValue(ctx, field) is { } dv ? FieldResult.Accept(dv) : FieldResult.Refuse(ctx.Text("form.answer.no_default"));
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
                result = FieldReader.Read(field, ctx.Catalogue.Province(arg)?.Name ?? arg, ctx.Today, ctx.Catalogue, ctx.User, ctx.Texts, ctx.English);
                break;
            case "cm" when field.Kind == FieldType.Commune && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var ci) && NewFacilityView.Suggestion(s, ci) is { } commune:
                result = FieldResult.Accept(commune);
                break;
            case "text" when FreeTextGuard.Guards(field) && FreeTextGuard.Refusal(ctx, s, form, field, input) is { } notAName:
                navigator.Refuse(ctx, s, form, notAName);
                return;
            case "text":
                result = FieldReader.Read(field, input, ctx.Today, ctx.Catalogue, ctx.User, ctx.Texts, ctx.English);
                if (result.Ok && plausibility.AskIfImplausible(ctx, s, form, field, result.Value))
                {
                    return;
                }
                break;
            case "pl" when arg == "no":
                prompter.Prompt(ctx, s);
                return;
            case "pl" when field.Kind == FieldType.Date:
                // A date long ago, confirmed: taken as it was read (its bounds were checked then, and again here).
                result = DateOnly.TryParseExact(arg, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var kept)
                    && FieldReader.DateProblem(field, kept, ctx.Today, ctx.Texts, ctx.English) is null
                    ? FieldResult.Accept(arg) : FieldResult.Refuse(ctx.Text("form.answer.button_not_here"));
                break;
            case "pl" or "plx" when field.Kind is FieldType.Money or FieldType.Location:
                result = FieldReader.Read(field, arg, ctx.Today, ctx.Catalogue, ctx.User, ctx.Texts, ctx.English);
                AmountPlausibility.NoteConfirmed(s, form, field, verb, result.Value);
                if (result.Ok && field.Kind == FieldType.Money && plausibility.AskIfImplausible(ctx, s, form, field, result.Value))
                {
                    return;
                }
                break;
            default:
                prompter.Prompt(ctx, s, ctx.Text("form.answer.button_not_here"));
                return;
        }
        result = AmountPlausibility.CheckSplit(ctx, s, form, field, result);
        if (!result.Ok)
        {
            navigator.Refuse(ctx, s, form, result.Error!);
            return;
        }
        s.SetAnswer(field.Id, result.Value);
        DateDependentCheck.NoteTyped(ctx, s, field, verb == "text" ? input : null);
        var echo = $"✓ {field.LabelIn(ctx.English)}: {FieldReader.Display(field, result.Value, ctx.Catalogue, ctx.Texts, ctx.English)}";
        if (result.Note is not null && field.Kind != FieldType.Money)
        {
            echo += "\nℹ " + result.Note;
        }
        if (field.Kind == FieldType.Date && verb == "text" && DateOnly.TryParseExact(result.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var taken)
            && FieldReader.YearTaken(input, taken, ctx.Today))
        {
            // "31/12" has no year: which full date was taken is said, so a wrong year is corrected now.
            echo += "\nℹ " + ctx.Text("form.fix.date_year", ("typed", input.Trim()), ("date", Text.VnFormat.Date(taken)));
        }
        navigator.Advance(ctx, s, form, s.Step, echo);
    }

    /// <summary>The project question (<see cref="FormProjects"/>): a project of the list, or none.</summary>
    private void HandleProject(BotContext ctx, FormSession s, FormDefinition form, FormField field, string verb, string arg, string input)
    {
        var (code, error) = FormProjects.Read(ctx, s, verb, arg, input);
        if (code is null)
        {
            navigator.Refuse(ctx, s, form, error!);
            return;
        }
        s.SetAnswer(field.Id, code);
        navigator.Advance(ctx, s, form, s.Step, $"✓ {field.LabelIn(ctx.English)}: {FormProjects.Display(ctx, code)}");
    }
}
