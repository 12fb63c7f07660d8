using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// At a step whose answer is free text (a fair's name, a facility to search, a craft village), refuses what is clearly something
/// else: a date ("20/11/2026", "hôm qua"), a number alone ("3", "120tr"), a command's words without the slash ("báo cáo", "trợ
/// giúp"), a question ("bao nhiêu…", "…?"). Nothing already answered is touched; the refusal says what the step wants, and
/// where the date or number belongs when the form asks it elsewhere. Names with a number or a year ("Hội chợ CNNT 2024") pass.
/// </summary>
public static partial class FreeTextGuard
{
    private static readonly string[] DayWords = ["hom nay", "hom qua", "hom kia", "ngay mai", "today", "yesterday", "tomorrow"];

    private static readonly string[] QuestionWords =
        ["bao nhieu", "bn", "the nao", "ra sao", "o dau", "khi nao", "la gi", "tai sao", "vi sao", "how many", "how much", "what", "how"];

    /// <summary>Words of commands typed without their slash ("bao cao" for /baocao), besides the commands' own names.</summary>
    private static readonly string[] CommandWords =
        ["bao cao", "tro giup", "huong dan", "help", "cua toi", "nguoi dung", "thong bao", "ke hoach", "lien ket", "de an", "moi nguoi dung", "start"];

    /// <summary>Whether a text field is a name the guard checks: not a note (anything goes) nor a number's text ("Số quyết định").</summary>
    public static bool Guards(FormField field) =>
        field.Kind == FieldType.Text && field.Bind != "note" && !VnText.FoldWords(field.Label).StartsWith("so ", StringComparison.Ordinal);

    /// <summary>Why <paramref name="text"/> is not an answer to <paramref name="field"/> (a free-text step), or null when it may be one.</summary>
    /// <param name="asks">What the step asks, when it is not the field itself (a new facility's craft village).</param>
    public static string? Refusal(BotContext ctx, FormSession s, FormDefinition form, FormField field, string text, string? asks = null)
    {
        var what = asks ?? field.LabelIn(ctx.English).ToLowerInvariant();
        var shown = FormText.Clip(text.Trim(), 40);
        var folded = VnText.FoldWords(text);
        if (folded.Length == 0)
        {
            return null;
        }
        string? kind = null;
        FieldType? belongs = null;
        if (IsDate(ctx, text, folded))
        {
            kind = ctx.Text("form.free_text.is_date");
            belongs = FieldType.Date;
        }
        else if (Number().IsMatch(folded) && (VnParse.TryParseInteger(text, out _) || VnParse.TryParseMoney(text, out _)))
        {
            var listed = s.State.LastChoices.Count(c => c.Numbered);
            if (listed > 0 && folded.All(char.IsAsciiDigit))
            {
                // "3" under a list of two: not a name, and not on the list either.
                return ctx.Text("form.free_text.number_not_listed", ("shown", shown), ("listed", listed), ("what", what));
            }
            kind = ctx.Text("form.free_text.is_number");
            belongs = VnParse.TryParseInteger(text, out _) ? FieldType.Integer : FieldType.Money;
        }
        else if (IsCommandWords(ctx, folded))
        {
            kind = ctx.Text("form.free_text.is_command", ("command", folded.Replace(" ", "", StringComparison.Ordinal)));
        }
        else if (text.Contains('?') || QuestionWords.Any(w => VnText.ContainsWords(folded, w)))
        {
            kind = ctx.Text("form.free_text.is_question");
        }
        var owner = kind is null ? ChoiceOwner(form, field, folded) : null;
        if (owner is not null)
        {
            // "KCĐP", "chính thức", "cả hai" typed ahead: another question's answer, not a fair's or a facility's name.
            kind = ctx.Text("form.free_text.is_choice_answer", ("label", owner.LabelIn(ctx.English)));
        }
        if (kind is null)
        {
            return null;
        }
        var line = ctx.Text("form.free_text.wrong_kind", ("shown", shown), ("kind", kind), ("what", what));
        if (owner is not null)
        {
            var name = owner.LabelIn(ctx.English);
            line += " " + (s.HasAnswer(owner.Id)
                ? ctx.Text("form.free_text.other_question_now", ("name", name), ("name_lower", name.ToLowerInvariant()))
                : ctx.Text("form.free_text.other_question_later", ("name", name)));
        }
        else if (belongs is { } type && Elsewhere(ctx, s, form, field, type, text) is { } where)
        {
            line += " " + where;
        }
        if (field.Example is { Length: > 0 } example && field.Kind != FieldType.Facility)
        {
            line += ctx.Text("form.free_text.example", ("example", example));
        }
        return line;
    }

    /// <summary>The funding source or figure status question whose choice <paramref name="folded"/> is, whole (its value, label or an
    /// alias: "kcdp", "khuyen cong dia phuong (kcdp)", "chinh thuc"); null when it names none. Other choices ("cơ khí", "website") may
    /// well begin a facility's or a product's name.</summary>
    private static FormField? ChoiceOwner(FormDefinition form, FormField field, string folded) =>
        form.Fields.FirstOrDefault(f => f != field && f.Kind == FieldType.Choice && f.Bind is "funding_source" or "status"
            && f.Choices.Any(c => VnText.FoldWords(c.Value) == folded || VnText.FoldWords(c.Label) == folded
                || VnText.FoldWords(c.LabelEn ?? "") == folded || c.Aliases.Any(a => VnText.FoldWords(a) == folded)));

    private static bool IsDate(BotContext ctx, string text, string folded) =>
        (folded.Any(char.IsAsciiDigit) || DayWords.Contains(folded) || DayWords.Any(w => folded == "ngay " + w))
        && VnParse.TryParseDate(text, ctx.Today, out _);

    private static bool IsCommandWords(BotContext ctx, string folded) =>
        CommandWords.Contains(folded)
        || ctx.Modules.SelectMany(m => m.Commands).SelectMany(c => c.Aliases.Prepend(c.Name)).Any(n => n.Length > 2 && n == folded);

    /// <summary>Where a date or a number belongs in this form: the question after, or how to correct the one already answered.</summary>
    private static string? Elsewhere(BotContext ctx, FormSession s, FormDefinition form, FormField field, FieldType type, string text)
    {
        // An amount ("45 trieu") belongs to a money question, never to a count ("Số gian hàng", an outside tester was pointed there);
        // a plain number to a count it fits (1 to 50 booths) or to an amount.
        var plain = VnParse.TryParseInteger(text, out var n) ? n : (long?)null;
        var other = s.Applicable(form).Select(i => form.Fields[i]).FirstOrDefault(f => f != field && (type == FieldType.Date
            ? f.Kind == FieldType.Date
            : f.Kind == FieldType.Money || (f.Kind == FieldType.Integer && plain is { } count && count >= (f.Min ?? 0) && count <= (f.Max ?? decimal.MaxValue))));
        if (other is null)
        {
            return null;
        }
        var name = other.LabelIn(ctx.English);
        return s.HasAnswer(other.Id)
            ? ctx.Text("form.free_text.other_question_now", ("name", name), ("name_lower", name.ToLowerInvariant()))
            : ctx.Text("form.free_text.other_question_later", ("name", name));
    }

    [GeneratedRegex(@"^\d[\d\s.,]*\s?(tr|trieu|ty|ti|k|nghin|ngan|d|dong|vnd)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
