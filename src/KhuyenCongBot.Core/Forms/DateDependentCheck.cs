using System.Globalization;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// What depends on the record's date, checked again whenever the form is complete (a date corrected at the summary included):
/// a province typed by its name before the 2025 merger ("Vĩnh Phúc") counts under that unit for a date before 1/7/2025 and under
/// the unit it was merged into from then on. When the date moves the record across the merger the province answer follows it and
/// the summary says so, for the officer to check before saving. (The project's approval date is checked at the save, with the
/// project's other warnings: <see cref="ProjectLinkConfirmation"/>.)
/// </summary>
public sealed class DateDependentCheck(FormPrompter prompter) : IFormCrossCheck
{
    /// <summary>The former unit the officer typed as the province ("vinh-phuc"), kept beside the answer (the current unit).</summary>
    internal const string TypedFormerKey = "provtyped";

    /// <summary>Notes whether a province answer was typed as the name of a former unit (null for a current one or a button).</summary>
    internal static void NoteTyped(BotContext ctx, FormSession s, FormField field, string? typed)
    {
        if (field.Bind != "province")
        {
            return;
        }
        var folded = Text.VnText.FoldWords(typed);
        var former = typed is null ? null : ctx.Catalogue.Provinces.FirstOrDefault(p => !p.IsCurrent
            && (Text.VnText.FoldWords(p.Name) == folded || Text.VnText.FoldWords(p.ShortName) == folded || p.Aliases.Any(a => Text.VnText.FoldWords(a) == folded)));
        s.Set(TypedFormerKey, former?.Id);
    }

    public bool Asks(BotContext ctx, FormSession s, FormDefinition form, string? echo)
    {
        if (s.Get(TypedFormerKey) is null && form.Bound("province") is { } answered
            && ctx.Catalogue.Province(s.Answer(answered.Id) ?? "") is { IsCurrent: false } loaded)
        {
            // A form opened from a saved record ("✏ Sửa", "➕ Ghi thêm như vậy") of a former unit: its date is checked the same way,
            // so a date moved past 1/7/2025 does not leave the record under a unit that no longer exists.
            s.Set(TypedFormerKey, loaded.Id);
        }
        if (s.Get(TypedFormerKey) is not { } formerId || form.Bound("province") is not { } provinceField || form.Bound("date") is not { } dateField
            || !DateOnly.TryParseExact(s.Answer(dateField.Id), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || ctx.Catalogue.Province(formerId) is not { } former || ctx.Catalogue.CurrentOf(formerId) is not { } current)
        {
            return false;
        }
        var expected = date < FieldReader.MergerDate ? former : current;
        if (s.Answer(provinceField.Id) == expected.Id)
        {
            return false;
        }
        s.SetAnswer(provinceField.Id, expected.Id);
        var note = date < FieldReader.MergerDate
            ? ctx.Text("form.merger.dated_before_merger", ("date", Text.VnFormat.Date(date)), ("former", former.Name), ("current", current.Name))
            : ctx.Text("form.merger.dated_after_merger", ("date", Text.VnFormat.Date(date)), ("former", former.Name), ("current", current.Name));
        s.Phase = FormPhase.Summary;
        prompter.Prompt(ctx, s, (echo is null ? "" : echo + "\n") + note);
        return true;
    }
}
