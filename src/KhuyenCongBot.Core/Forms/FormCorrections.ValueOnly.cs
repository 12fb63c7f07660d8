using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// "nhầm, 6 gian hàng", "nhầm, 45 triệu", "nhầm, 6": a slip owned up to with only the new value. Its unit tells the question ("gian
/// hàng" is the booth count, an amount the form's one money question, a date its one date question): corrected as "sửa số gian hàng là
/// 6" is, and said so. A bare number, or a unit several questions share, changes nothing: the person is asked which answer, the
/// previous question offered (an outside tester's "nhầm, 6" one step late was read as a wrong date).
/// </summary>
public sealed partial class FormCorrections
{
    /// <summary>Handles "nhầm, &lt;value&gt;"; false when <paramref name="input"/> is not one.</summary>
    private bool TryValueOnly(BotContext ctx, FormSession s, FormDefinition form, string input)
    {
        var m = SlipValue().Match(input.Trim());
        if (!m.Success)
        {
            return false;
        }
        var value = m.Groups["value"].Value.Trim();
        var fields = s.Applicable(form).Select(i => form.Fields[i]).ToList();
        var belongs = BelongsTo(ctx, fields, value);
        if (belongs is [var field])
        {
            // The correction as if the question had been named: read, checked and echoed the same way.
            var typed = field.Kind == FieldType.Integer && Leading().Match(value) is { Success: true } n ? n.Value.Trim() : value;
            return TryHandle(ctx, s, form, "sua " + VnText.FoldWords(field.Label) + " la " + typed);
        }
        var previous = Previous(s, form, fields, belongs);
        var shown = FormText.Clip(input.Trim(), 40);
        var line = previous is null
            ? ctx.Text("form.correction.which_answer", ("typed", shown), ("value", value))
            : ctx.Text("form.correction.which_answer_previous", ("typed", shown), ("value", value),
                ("label", previous.LabelIn(ctx.English)), ("label_lower", previous.LabelIn(ctx.English).ToLowerInvariant()),
                ("current", prompter.DisplayAnswer(ctx, s, previous)));
        prompter.Prompt(ctx, s, "⚠ " + line, edits: false);
        return true;
    }

    /// <summary>The questions the value's unit points at: a unit of an integer question ("6 gian hàng"), an amount (money questions),
    /// a date (date questions); empty for a bare number or a unit no question has.</summary>
    private static List<FormField> BelongsTo(BotContext ctx, List<FormField> fields, string value)
    {
        var folded = VnText.FoldWords(value);
        if (Leading().Match(value) is { Success: true } lead && lead.Length < value.Length)
        {
            var unit = VnText.FoldWords(value[lead.Length..]);
            var counted = fields.Where(f => f.Kind == FieldType.Integer
                && (VnText.FoldWords(f.Unit ?? "") == unit || VnText.FoldWords(f.UnitEn ?? "") == unit)).ToList();
            if (counted.Count > 0)
            {
                return counted;
            }
            if (VnParse.TryParseMoney(value, out _) && folded.Any(char.IsAsciiLetter))
            {
                return fields.Where(f => f.Kind == FieldType.Money).ToList();
            }
        }
        if ((value.Contains('/') || value.Contains('-')) && VnParse.TryParseDate(value, ctx.Today, out _))
        {
            return fields.Where(f => f.Kind == FieldType.Date).ToList();
        }
        return [];
    }

    /// <summary>The question answered last before the current one (among <paramref name="among"/> when the unit named several).</summary>
    private static FormField? Previous(FormSession s, FormDefinition form, List<FormField> fields, List<FormField> among)
    {
        var before = s.Phase == FormPhase.Ask
            ? fields.Where(f => form.Fields.IndexOf(f) < s.Step).ToList()
            : fields;
        // A bare number: the last count or amount answered; a unit several questions share: the last of those answered.
        return before.Where(f => s.HasAnswer(f.Id) && (among.Count > 0 ? among.Contains(f) : f.Kind is FieldType.Integer or FieldType.Money))
            .LastOrDefault();
    }

    /// <summary>"nhầm, 6 gian hàng", "nhầm 45tr", "xin lỗi, 20/11": the slip word, then a value beginning with a digit.</summary>
    [GeneratedRegex(@"^(?:nhầm|nham|xin lỗi|xin loi)\s*[,.:!-]*\s*(?<value>\d.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlipValue();

    /// <summary>The number a value begins with ("6" of "6 gian hàng", "1.500" of "1.500 học viên").</summary>
    [GeneratedRegex(@"^\d[\d.,]*", RegexOptions.CultureInvariant)]
    private static partial Regex Leading();
}
