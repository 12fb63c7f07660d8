using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Amounts far outside what a field expects are asked back before they are accepted (never refused: they may be right).</summary>
public sealed partial class FormRunner
{
    /// <summary>Below this many đồng an amount is surely meant in millions ("85" for 85 triệu).</summary>
    public const long SmallestPlausibleVnd = 1_000;

    /// <summary>True, with a yes/no question asked, when <paramref name="value"/> (a money answer just read) looks wrong.</summary>
    private bool AskIfImplausible(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value, string? echo = null)
    {
        if (field.Kind == FieldType.Location)
        {
            return AskIfFar(ctx, s, form, field, value);
        }
        if (field.Kind != FieldType.Money || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var vnd) || vnd <= 0)
        {
            return false;
        }
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var label = field.LabelIn(ctx.English);
        var (low, high, per) = PlausibleBounds(s, form, field);
        var inRange = vnd >= low && vnd <= high || s.Get(RangeKey + field.Id) == RangeMark(s, field, vnd);
        if (!inRange && vnd < low)
        {
            // Typed in millions ("85") or in thousands ("15000" for 15 triệu): offer the reading that falls in the usual range.
            long[] factors = vnd < 1_000 ? [1_000_000, 1_000] : [1_000, 1_000_000];
            var guess = factors.Select(f => vnd * f).FirstOrDefault(g => g >= low && g <= high && (field.Max is null || g <= field.Max));
            var n = VnFormat.Money(vnd);
            if (guess > 0)
            {
                Ask(ctx, s, ctx.T($"❔ {label}: {n} là rất nhỏ. Ý bạn là {VnFormat.Money(guess)} ({VnFormat.MoneyFull(guess)})?",
                        $"❔ {label}: {n} is very small. Did you mean {VnFormat.Money(guess)} ({VnFormat.MoneyFull(guess)})?"),
                    new Choice(ctx.T($"Đúng, {VnFormat.Money(guess)}", $"Yes, {VnFormat.Money(guess)}"), $"f:{step}:pl:{guess}"),
                    new Choice(ctx.T($"Không, đúng là {n}", $"No, it is {n}"), $"f:{step}:pl:{vnd}"));
                return true;
            }
            Ask(ctx, s, ctx.T($"❔ {label}: {n}{per} là rất nhỏ, đúng chứ?", $"❔ {label}: {n}{per} is very small. Is it right?"),
                new Choice(ctx.T($"Đúng, giữ {n}", $"Yes, keep {n}"), $"f:{step}:pl:{vnd}"),
                new Choice(ctx.T("Không, gõ lại số tiền", "No, type it again"), $"f:{step}:pl:no"));
            return true;
        }
        if (!inRange)
        {
            var n = VnFormat.Money(vnd);
            Ask(ctx, s, ctx.T($"❔ {label}: {n}{per} là khá lớn, đúng chứ?", $"❔ {label}: {n}{per} is rather large. Is it right?"),
                new Choice(ctx.T($"Đúng, giữ {n}", $"Yes, keep {n}"), $"f:{step}:pl:{vnd}"),
                new Choice(ctx.T("Không, gõ lại số tiền", "No, type it again"), $"f:{step}:pl:no"));
            return true;
        }
        if (field.AtMost is { } otherId && form.Fields.FirstOrDefault(f => f.Id == otherId) is { } other
            && long.TryParse(s.Answer(otherId), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 && vnd > limit
            && s.Get(AtMostKey + field.Id) != AtMostMark(s, field, vnd))
        {
            Ask(ctx, s, ctx.T(
                    $"❔ {label} ({VnFormat.Money(vnd)}) lớn hơn {other.LabelIn(false)} ({VnFormat.Money(limit)}). Số này đúng chứ?",
                    $"❔ {label} ({VnFormat.Money(vnd)}) is more than {other.LabelIn(true)} ({VnFormat.Money(limit)}). Is it right?"),
                new Choice(ctx.T($"Đúng, giữ {VnFormat.Money(vnd)}", $"Yes, keep {VnFormat.Money(vnd)}"), $"f:{step}:plx:{vnd}"),
                new Choice(ctx.T("Không, gõ lại số tiền", "No, type it again"), $"f:{step}:pl:no"));
            return true;
        }
        return false;

        void Ask(BotContext ctx, FormSession s, string question, Choice yes, Choice no) =>
            FormRunner.Ask(ctx, s, echo is null ? question : echo + "\n" + question, yes, no);
    }

    private const string RangeKey = "plr:";
    private const string AtMostKey = "plm:";
    private const string PendingKey = "plq";

    /// <summary>What a confirmation of an amount outside its usual range holds to: the amount and the count it is per.</summary>
    private static string RangeMark(FormSession s, FormField field, long vnd) =>
        vnd.ToString(CultureInfo.InvariantCulture) + "|" + (field.Plausible?.Per is { } per ? s.Answer(per) : "");

    /// <summary>What a confirmation of an amount above another holds to: both amounts.</summary>
    private static string AtMostMark(FormSession s, FormField field, long vnd) =>
        vnd.ToString(CultureInfo.InvariantCulture) + "|" + (field.AtMost is { } other ? s.Answer(other) : "");

    /// <summary>The officer confirmed an amount ("pl": outside its range; "plx": above the other amount): kept while the figures it
    /// was compared with stay the same.</summary>
    private static void NoteConfirmed(FormSession s, FormField field, string verb, string value)
    {
        if (field.Kind == FieldType.Money && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var vnd))
        {
            s.Set((verb == "plx" ? AtMostKey : RangeKey) + field.Id, verb == "plx" ? AtMostMark(s, field, vnd) : RangeMark(s, field, vnd));
        }
    }

    /// <summary>A record opened again was accepted as it is: its amounts count as confirmed until an answer they depend on changes.</summary>
    private static void MarkAllConfirmed(FormSession s, FormDefinition form)
    {
        foreach (var field in form.Fields.Where(f => f.Kind == FieldType.Money))
        {
            if (s.Answer(field.Id) is { Length: > 0 } value)
            {
                NoteConfirmed(s, field, "pl", value);
                NoteConfirmed(s, field, "plx", value);
            }
        }
    }

    /// <summary>
    /// Before the summary, every check between answers runs again (an answer edited at the summary may break one: the investment
    /// lowered under the support, the support under its KCQG part): true, with the question asked, when one does not hold.
    /// </summary>
    private bool CrossCheck(BotContext ctx, FormSession s, FormDefinition form, string? echo)
    {
        var step = s.Step;
        foreach (var i in s.Applicable(form))
        {
            var field = form.Fields[i];
            if (field.Kind != FieldType.Money || s.Answer(field.Id) is not { Length: > 0 } value)
            {
                continue;
            }
            s.Step = i;
            if (field.Bind == "funding_kcqg" && CheckSplit(ctx, s, form, field, FieldResult.Accept(value)) is { Ok: false } split)
            {
                s.ClearAnswer(field.Id);
                s.Phase = FormPhase.Ask;
                s.Misses = 0;
                Prompt(ctx, s, (echo is null ? "" : echo + "\n") + "⚠ " + split.Error);
                return true;
            }
            if (AskIfImplausible(ctx, s, form, field, value, echo))
            {
                s.Phase = FormPhase.Ask;
                return true;
            }
        }
        s.Step = step;
        return false;
    }

    /// <summary>A yes/no word typed for the amount question still open, even after something else was answered in between
    /// (its buttons are no longer the last shown): the data of the choice it picks.</summary>
    private static string? PendingAnswer(FormSession s, string input)
    {
        if (s.Get(PendingKey) is not { } pending)
        {
            return null;
        }
        s.Set(PendingKey, null);
        var parts = pending.Split('\n');
        var folded = VnText.FoldWords(input);
        if (parts.Length != 3 || parts[0] != s.Step.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }
        return ChoiceMatcher.YesWords.Contains(folded) ? parts[1] : ChoiceMatcher.NoWords.Contains(folded) ? parts[2] : null;
    }

    /// <summary>The usual range of the field's amounts (seeds/forms "plausible"), multiplied by the count it is per ("cho 2 gian hàng").</summary>
    private static (long Low, long High, string Per) PlausibleBounds(FormSession s, FormDefinition form, FormField field)
    {
        var range = field.Plausible;
        long count = 1;
        var per = "";
        if (range?.Per is { } perId && form.Field(perId) is { } unitField
            && long.TryParse(s.Answer(perId), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0)
        {
            count = c;
            per = $" cho {VnFormat.Number(c)} {unitField.Unit ?? unitField.Label.ToLowerInvariant()}";
        }
        var low = range?.Min is { } min ? (long)min * count : SmallestPlausibleVnd;
        var high = range?.Max is { } max ? (long)Math.Min(max * count, long.MaxValue / 2) : long.MaxValue;
        return (low, high, per);
    }

    private static void Ask(BotContext ctx, FormSession s, string question, Choice yes, Choice no)
    {
        s.Misses = 0;
        s.Set(PendingKey, string.Join('\n', s.Step.ToString(CultureInfo.InvariantCulture), yes.Data, no.Data));
        ctx.Ask(question + "\n" + ctx.T("Chọn, gõ \"có\"/\"không\", hoặc gõ lại số tiền.", "Choose, type yes/no, or type the amount again."),
            [yes, no, Back(ctx), CancelChoice(ctx)]);
    }

    /// <summary>
    /// The KCQG part of an amount funded by both sources cannot pass that amount (KCĐP, the rest, would be below 0): refused.
    /// An amount changed below a KCQG part already typed clears the part, so it is asked again.
    /// </summary>
    private static FieldResult CheckSplit(BotContext ctx, FormSession s, FormDefinition form, FormField field, FieldResult result)
    {
        if (!result.Ok || field.Kind != FieldType.Money || !long.TryParse(result.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var vnd))
        {
            return result;
        }
        if (field.Bind == "funding_kcqg" && form.Bound("funding_vnd") is { } total
            && long.TryParse(s.Answer(total.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var sum) && vnd > sum)
        {
            return FieldResult.Refuse(ctx.T(
                $"Phần KCQG ({VnFormat.Money(vnd)}) không thể lớn hơn kinh phí khuyến công hỗ trợ ({VnFormat.Money(sum)}); phần KCĐP là số còn lại.",
                $"The KCQG part ({VnFormat.Money(vnd)}) cannot be more than the extension funding ({VnFormat.Money(sum)}); KCĐP is the rest."));
        }
        if (field.Bind == "funding_kcqg" && form.Bound("funding_vnd") is { } whole
            && long.TryParse(s.Answer(whole.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var all) && all > 0 && (vnd == all || vnd == 0))
        {
            // "Cả hai" with the whole amount (or nothing) under KCQG is one source, not both: the figures by source would say KCĐP paid 0 of a "both".
            return FieldResult.Refuse(vnd == all
                ? ctx.T($"Phần KCQG bằng cả kinh phí hỗ trợ ({VnFormat.Money(all)}): như vậy KCĐP không góp gì, không phải \"cả hai\". Gõ phần KCQG nhỏ hơn {VnFormat.Money(all)}, hoặc \"quay lại\" để chọn nguồn KCQG.",
                    $"The KCQG part is the whole funding ({VnFormat.Money(all)}): KCĐP pays nothing, so it is not \"both\". Type a smaller KCQG part, or \"back\" to pick KCQG as the source.")
                : ctx.T("Phần KCQG bằng 0: như vậy KCĐP trả toàn bộ, không phải \"cả hai\". Gõ phần KCQG lớn hơn 0, hoặc \"quay lại\" để chọn nguồn KCĐP.",
                    "The KCQG part is 0: KCĐP pays it all, so it is not \"both\". Type a KCQG part above 0, or \"back\" to pick KCĐP as the source."));
        }
        if (field.Bind == "funding_vnd" && form.Bound("funding_kcqg") is { } part
            && long.TryParse(s.Answer(part.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var kcqg) && kcqg > vnd)
        {
            s.ClearAnswer(part.Id);
        }
        return result;
    }
}
