using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A correction of an earlier answer typed anywhere in a form or at its summary: "nhầm, số gian hàng là 3", "sửa ngày là 20/11",
/// "đổi kinh phí thành 150tr". The field is found by the words naming it ("ngày nghiệm thu" → the form's one date question), the
/// value read as that question reads it; what changed is shown ("Ngày tham gia: 26/11/2026 → 20/11/2026") and the form goes on
/// where it was. A correction that names no question of the form, or one the words cannot tell apart, changes nothing and says so.
/// </summary>
public sealed partial class FormCorrections(FormNavigator navigator, FormPrompter prompter, AmountPlausibility plausibility)
{
    /// <summary>Words that name no question by themselves ("số gian hàng": "gian hàng" names it).</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "so", "ngay", "ten", "cua", "cau", "phan", "muc", "the", "of", "number", "name" };

    /// <summary>Handles <paramref name="input"/> when it is a correction; false when it is not one (then it is the step's answer).</summary>
    internal bool TryHandle(BotContext ctx, FormSession s, FormDefinition form, string input)
    {
        var m = Correction().Match(input.Trim());
        if (!m.Success)
        {
            return TryValueOnly(ctx, s, form, input) || TryReopen(ctx, s, form, input);
        }
        var named = VnText.FoldWords(m.Groups["field"].Value);
        var value = m.Groups["value"].Value.Trim();
        if (named.Length == 0 || value.Length == 0)
        {
            return false;
        }
        var (field, candidates) = Find(s, form, named);
        return field is null ? NotFound(ctx, s, form, m.Groups["field"].Value.Trim(), candidates) : Correct(ctx, s, form, field, value);
    }

    /// <summary>A correction whose words name no question, or several: nothing changed, said with the questions (and examples that work).</summary>
    private bool NotFound(BotContext ctx, FormSession s, FormDefinition form, string typed, List<FormField> candidates)
    {
        var known = candidates.Count > 1
            ? ctx.Text("form.correction.several_match", ("count", candidates.Count), ("typed", typed), ("labels", string.Join("; ", candidates.Select(f => f.LabelIn(ctx.English)))), ("examples", Examples(ctx, s, form, candidates)))
            : ctx.Text("form.correction.no_such_question", ("typed", typed), ("labels", string.Join(", ", s.Applicable(form).Select(i => form.Fields[i].LabelIn(ctx.English)))));
        prompter.Prompt(ctx, s, "⚠ " + known, edits: false);
        return true;
    }

    /// <summary>The question <paramref name="field"/> gets <paramref name="value"/> (read as that question reads it), and the form goes on.</summary>
    private bool Correct(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value)
    {
        if (field.Kind is FieldType.Facility or FieldType.Project or FieldType.Photo or FieldType.Location or FieldType.Commune)
        {
            var number = s.Applicable(form).IndexOf(form.Fields.IndexOf(field)) + 1;
            prompter.Prompt(ctx, s, ctx.Text("form.correction.choice_by_summary", ("label", field.LabelIn(ctx.English)), ("number", number)), edits: false);
            return true;
        }
        var read = FieldReader.Read(field, value, ctx.Today, ctx.Catalogue, ctx.User, ctx.Texts, ctx.English);
        if (read.Ok)
        {
            read = AmountPlausibility.CheckSplit(ctx, s, form, field, read);
        }
        if (!read.Ok)
        {
            prompter.Prompt(ctx, s, ctx.Text("form.correction.refused", ("label", field.LabelIn(ctx.English)), ("error", read.Error)), edits: false);
            return true;
        }
        var inFacility = s.Phase is not (FormPhase.Ask or FormPhase.Summary or FormPhase.EditPick);
        if (!inFacility && field.Kind == FieldType.Money && AskedBack(ctx, s, form, field, read.Value))
        {
            return true;
        }
        var before = s.HasAnswer(field.Id) ? prompter.DisplayAnswer(ctx, s, field) : null;
        s.SetAnswer(field.Id, read.Value);
        var after = prompter.DisplayAnswer(ctx, s, field);
        var echo = before is null
            ? ctx.Text("form.correction.noted_ahead", ("label", field.LabelIn(ctx.English)), ("after", after))
            : before == after
                ? ctx.Text("form.correction.unchanged", ("label", field.LabelIn(ctx.English)), ("after", after))
                : ctx.Text("form.correction.changed", ("label", field.LabelIn(ctx.English)), ("before", before), ("after", after));
        if (inFacility || (s.Phase == FormPhase.Ask && form.Fields.IndexOf(field) != s.Step && s.HasAnswer(form.Fields[s.Step].Id)))
        {
            // A new facility's own steps, or an answer being changed from the summary: the same question again.
            prompter.Prompt(ctx, s, echo);
            return true;
        }
        // The first question still unanswered (one the change switched on comes first), or the summary after the checks between answers.
        navigator.Advance(ctx, s, form, -1, echo);
        return true;
    }

    /// <summary>
    /// "sửa ngày", "đổi số gian hàng" with no new value (as the bot's own advice says: gõ "sửa ngày"): that question is asked again,
    /// and the form goes on from there. Not where a name is being typed ("Sửa chữa cơ khí Minh Long" may be a facility's name), and
    /// only when the words name one question of the form.
    /// </summary>
    private bool TryReopen(BotContext ctx, FormSession s, FormDefinition form, string input)
    {
        if (s.Phase == FormPhase.Ask && NumberedEdit().Match(VnText.FoldWords(input)) is { Success: true } numbered)
        {
            // "sửa 3", "sửa câu 3" in the middle of the form: that question again, numbered as the "câu N/M" header the person last saw
            // (without the province the bot fills in for a one-province officer, which the summary numbers as its line 1).
            var counted = FormText.Counted(ctx.Catalogue, ctx.User, s, form);
            var n = int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n < 1 || n > counted.Count)
            {
                prompter.Prompt(ctx, s, ctx.Text("form.summary.no_such_item", ("number", n), ("count", counted.Count)), edits: false);
                return true;
            }
            if (!s.Applicable(form).Contains(counted[n - 1]))
            {
                // A question counted ahead that an answer still to come may rule out: not asked yet, so the current one again.
                prompter.Prompt(ctx, s);
                return true;
            }
            s.Step = counted[n - 1];
            s.Misses = 0;
            prompter.Prompt(ctx, s);
            return true;
        }
        var m = BareCorrection().Match(input.Trim());
        if (!m.Success || (s.Phase == FormPhase.Ask && s.Step >= 0 && s.Step < form.Fields.Count
            && form.Fields[s.Step].Kind is FieldType.Text or FieldType.Facility or FieldType.Commune))
        {
            return false;
        }
        var named = VnText.FoldWords(m.Groups["field"].Value);
        if (Find(s, form, named) is not ({ } field, _) || !NamesWhole(field, named))
        {
            return false;
        }
        var index = form.Fields.IndexOf(field);
        if (field.Kind is FieldType.Facility or FieldType.Project or FieldType.Photo or FieldType.Location or FieldType.Commune)
        {
            var number = s.Applicable(form).IndexOf(index) + 1;
            prompter.Prompt(ctx, s, ctx.Text("form.correction.choice_by_summary", ("label", field.LabelIn(ctx.English)), ("number", number)), edits: false);
            return true;
        }
        s.Step = index;
        s.Phase = FormPhase.Ask;
        s.Misses = 0;
        prompter.Prompt(ctx, s);
        return true;
    }

    /// <summary>Whether every word of <paramref name="named"/> (folded) is in the question's label ("ngày" for its one date question).</summary>
    private static bool NamesWhole(FormField field, string named)
    {
        if (field.Kind == FieldType.Date && (named == "ngay" || named == "date" || named.StartsWith("ngay ", StringComparison.Ordinal)))
        {
            return true;
        }
        var label = (VnText.FoldWords(field.Label) + " " + VnText.FoldWords(field.LabelEn ?? "")).Split(' ');
        var words = named.Split(' ').Where(w => !Generic.Contains(w)).ToList();
        return words.Count > 0 && words.All(label.Contains);
    }

    /// <summary>An amount far outside the usual range is asked back at its own question ("Ý bạn là 85 triệu?"); the form goes on from there.</summary>
    private bool AskedBack(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value)
    {
        var (step, phase) = (s.Step, s.Phase);
        s.Step = form.Fields.IndexOf(field);
        s.Phase = FormPhase.Ask;
        if (plausibility.AskIfImplausible(ctx, s, form, field, value))
        {
            return true;
        }
        (s.Step, s.Phase) = (step, phase);
        return false;
    }

    /// <summary>The one question <paramref name="named"/> (folded) names, or the several it could be.</summary>
    private static (FormField? Field, List<FormField> Candidates) Find(FormSession s, FormDefinition form, string named)
    {
        var fields = s.Applicable(form).Select(i => form.Fields[i]).ToList();
        var labels = fields.Select(f => (Field: f, Label: VnText.FoldWords(f.Label), En: VnText.FoldWords(f.LabelEn ?? ""))).ToList();
        if (labels.Where(l => l.Label == named || l.En == named || l.Field.Id == named.Replace(' ', '_')).Select(l => l.Field).ToList() is [var exact])
        {
            return (exact, [exact]);
        }
        // "ngày nghiệm thu": the form's only date question, whatever its name.
        if ((named == "ngay" || named.StartsWith("ngay ", StringComparison.Ordinal) || named == "date")
            && fields.Where(f => f.Kind == FieldType.Date).ToList() is [var date])
        {
            return (date, [date]);
        }
        var words = named.Split(' ').Where(w => w.Length > 1 && !Generic.Contains(w)).ToList();
        // "số máy": the start of one question's label ("Số máy/thiết bị") names it, though "máy" is in another label too. Two words at
        // least: "vốn" alone starts "Vốn đối ứng" but is as much the "vốn" of "Tổng vốn đầu tư".
        if (words.Count > 0 && named.Contains(' ') && labels.Where(l => StartsWithWords(l.Label, named) || StartsWithWords(l.En, named)).Select(l => l.Field).ToList() is [var start])
        {
            return (start, [start]);
        }
        var scored = labels.Select(l => (l.Field, Score: words.Count(w => l.Label.Split(' ').Contains(w) || l.En.Split(' ').Contains(w))))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).ToList();
        if (scored.Count == 0)
        {
            return (null, []);
        }
        var best = scored.Where(x => x.Score == scored[0].Score).Select(x => x.Field).ToList();
        return best.Count == 1 ? (best[0], best) : (null, best);
    }

    private static bool StartsWithWords(string label, string named) =>
        label == named || label.StartsWith(named + " ", StringComparison.Ordinal);

    /// <summary>"sửa máy móc là …, sửa số máy là …": for each question the words could name (two at most), the first words of its label
    /// that name it alone, as a correction reads them (a label's comma would end the question's name there).</summary>
    private static string Examples(BotContext ctx, FormSession s, FormDefinition form, List<FormField> candidates)
    {
        var examples = new List<string>();
        foreach (var field in candidates)
        {
            // Its label up to a comma or slash ("máy móc", "số máy"), else the whole label, else its first words that are enough.
            var label = field.LabelIn(ctx.English);
            var words = label.Split([' ', ',', '/', '(', ')', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
            var phrases = new[] { label.Split([',', '/', '(', ';', ':'])[0].Trim(), string.Join(' ', words) }
                .Concat(Enumerable.Range(Math.Min(2, words.Length), Math.Max(0, words.Length - 1)).Select(n => string.Join(' ', words.Take(n))));
            if (phrases.Select(p => p.ToLowerInvariant()).FirstOrDefault(p => p.Length > 0 && Find(s, form, VnText.FoldWords(p)).Field == field) is { } phrase)
            {
                examples.Add(ctx.Text("hforms.correction.example", ("name", phrase)));
            }
            if (examples.Count == 2)
            {
                break;
            }
        }
        return string.Join(ctx.Text("hforms.correction.example_or"), examples);
    }

    /// <summary>"nhầm, X là Y", "nhầm sửa X thành Y", "sửa X là Y", "đổi X thành Y" (a "nhầm" or a "sửa"/"đổi" is needed: "X là Y" alone may be a name).</summary>
    [GeneratedRegex(@"^(?:(?:nhầm|nham|xin lỗi|xin loi)\s*[,.:!-]*\s*(?:(?:sửa lại|sua lai|sửa|sua|đổi|doi|chỉnh|chinh)\s+)?|(?:sửa lại|sua lai|sửa|sua|đổi lại|doi lai|đổi|doi|chỉnh|chinh)\s+|(?:change|correct|set)\s+(?:the\s+)?(?=.*\s(?:to|is)\s))(?<field>[^\d,:=][^,:=]*?)(?:\s*[:=]\s*|\s+(?:là|la|thành|thanh|to|is)\s+)(?<value>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Correction();

    /// <summary>"sua 3", "sua cau 3" (folded): the question numbered so.</summary>
    [GeneratedRegex(@"^(?:sua|sua lai|doi|edit)\s+(?:cau\s+|so\s+)?([0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedEdit();

    /// <summary>"sửa ngày", "đổi lại số gian hàng": a question named, no value.</summary>
    [GeneratedRegex(@"^(?:sửa lại|sua lai|sửa|sua|đổi lại|doi lai|đổi|doi|chỉnh|chinh|change|correct)\s+(?:the\s+)?(?<field>[^\d,:=][^,:=]*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareCorrection();
}
