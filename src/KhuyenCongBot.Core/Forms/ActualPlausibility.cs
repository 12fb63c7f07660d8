using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The actual figure typed for an estimate is asked back, before it is taken, when it is far from the estimate (ten times more or
/// less) or, for an amount, below <see cref="AmountPlausibility.SmallestPlausibleVnd"/>: "4" typed for 4 triệu would otherwise
/// become an official "4 đồng" in every total. Never refused (the actual may really be that far off). An amount typed in millions
/// or thousands is offered its reading closest to the estimate ("Ý bạn là 4 triệu đồng?").
/// </summary>
internal static class ActualPlausibility
{
    private const string TakePrefix = "ra:ok:", Retype = "ra:no";

    /// <summary>How far from the estimate an actual may be, either way, before it is asked back.</summary>
    private const long Factor = 10;

    /// <summary>Whether <paramref name="value"/> (an integer or an amount in đồng) is to be asked back before it is taken.</summary>
    public static bool Doubtful(FormField field, string? estimate, string value)
    {
        if (field.Kind is not (FieldType.Money or FieldType.Integer) || !TryLong(value, out var actual) || actual <= 0)
        {
            return false;
        }
        if (field.Kind == FieldType.Money && actual < AmountPlausibility.SmallestPlausibleVnd)
        {
            return true;
        }
        return TryLong(estimate, out var e) && e > 0 && (actual >= e * Factor || actual * Factor <= e);
    }

    /// <summary>
    /// The question. With a reading of the amount to offer, asked as the form asks it ("Ý bạn là 40 triệu đồng?": "có" is that
    /// reading in both, an outside tester found "có" took "40 đồng" here); otherwise "Đúng là …?". Then "type again" and cancel.
    /// </summary>
    public static Reply Question(BotContext ctx, FormField field, string? estimate, string pending, Choice cancel)
    {
        var label = field.LabelIn(ctx.English);
        var actual = ActualFigures.Short(ctx, field, pending);
        var far = TryLong(estimate, out var e) && e > 0;
        var choices = new List<Choice>();
        string text;
        if (Guess(field, estimate, pending) is { } guess)
        {
            var (money, full) = (ctx.Numbers.Money(guess), ctx.Numbers.MoneyFull(guess));
            text = far
                ? ctx.Text("records.actual.far_guess", ("label", label), ("actual", actual), ("estimate", ActualFigures.Short(ctx, field, estimate)), ("guess", money), ("guess_full", full))
                : ctx.Text("records.actual.small_guess", ("label", label), ("actual", actual), ("guess", money), ("guess_full", full));
            choices.Add(new Choice(ctx.Text("form.plausibility.yes_guess", ("guess", money)), TakePrefix + guess.ToString(CultureInfo.InvariantCulture)));
            choices.Add(new Choice(ctx.Text("form.plausibility.no_as_typed", ("n", actual)), TakePrefix + pending));
            choices.Add(new Choice(ctx.Text("records.actual.no_retype"), Retype));
            choices.Add(cancel);
            return new Reply { Text = text + "\n" + ctx.Text("records.actual.guess_hint", ("guess", money)), Choices = choices };
        }
        text = far
            ? ctx.Text("records.actual.far_from_estimate", ("label", label), ("actual", actual), ("estimate", ActualFigures.Short(ctx, field, estimate)))
            : ctx.Text("records.actual.very_small", ("label", label), ("actual", actual));
        choices.Add(new Choice(ctx.Text("records.actual.yes_as_typed", ("actual", actual)), TakePrefix + pending));
        choices.Add(new Choice(ctx.Text("records.actual.no_retype"), Retype));
        choices.Add(cancel);
        var hint = Tiny(field, pending) ? ctx.Text("records.actual.tiny_hint") : ctx.Text("records.actual.far_hint");
        return new Reply { Text = text + "\n" + hint, Choices = choices };
    }

    /// <summary>
    /// The answer to the question: the value to take, "" to ask the figure again, or null when the message answers something else
    /// (a new figure typed: read as the field's answer, and checked again). A yes word takes the reading offered, never an amount
    /// under <see cref="AmountPlausibility.SmallestPlausibleVnd"/> (that one only by its own button or number).
    /// </summary>
    public static string? Answer(DialogTurn turn, FormField field, string? estimate, string pending)
    {
        if (turn.IsButton)
        {
            if (turn.Input == Retype)
            {
                return "";
            }
            // Only the two values the question offered: the figure typed and the reading of it (a forged button takes nothing).
            return turn.Input.StartsWith(TakePrefix, StringComparison.Ordinal) && turn.Input[TakePrefix.Length..] is var taken
                && (taken == pending || IsGuessOf(taken, pending))
                ? taken : null;
        }
        var folded = VnText.FoldWords(turn.Input);
        if (ChoiceMatcher.YesWords.Contains(folded))
        {
            return Guess(field, estimate, pending) is { } guess ? guess.ToString(CultureInfo.InvariantCulture) : pending;
        }
        return ChoiceMatcher.NoWords.Contains(folded) ? "" : null;
    }

    /// <summary>A yes word typed (also when the engine read it as the "Đúng, 1 đồng" of a yes/no pair) where it would take an amount
    /// under <see cref="AmountPlausibility.SmallestPlausibleVnd"/> (no reading of it to offer): not taken, the question stays.</summary>
    public static bool YesToTiny(DialogTurn turn, FormField field, string? estimate, string pending) =>
        turn.Context.Message.ButtonData is null && ChoiceMatcher.YesWords.Contains(VnText.FoldWords(turn.Context.Message.Text ?? ""))
        && Tiny(field, pending) && Guess(field, estimate, pending) is null;

    private static bool Tiny(FormField field, string pending) =>
        field.Kind == FieldType.Money && TryLong(pending, out var vnd) && vnd < AmountPlausibility.SmallestPlausibleVnd;

    /// <summary>An amount typed in millions or thousands ("4", "4500"): its reading nearest the estimate, within a hundred
    /// times of it; the reading in millions when there is no estimate.</summary>
    private static long? Guess(FormField field, string? estimate, string pending)
    {
        if (field.Kind != FieldType.Money || !TryLong(pending, out var typed) || typed <= 0 || typed >= 1_000_000)
        {
            return null;
        }
        long[] readings = typed < AmountPlausibility.SmallestPlausibleVnd ? [typed * 1_000_000, typed * 1_000] : [typed * 1_000];
        if (!TryLong(estimate, out var e) || e <= 0)
        {
            return readings[0];
        }
        // "4" for an estimate of 45 triệu: 4 triệu is over ten times off too, but far nearer than 4 đồng or 4 nghìn; offered.
        var near = readings.Where(r => r < e * Factor * Factor && r * Factor * Factor > e).OrderBy(r => Math.Abs(Math.Log((double)r / e))).ToList();
        return near.Count > 0 ? near[0] : null;
    }

    /// <summary>Whether <paramref name="taken"/> is a reading of <paramref name="pending"/> in millions or thousands.</summary>
    private static bool IsGuessOf(string taken, string pending) =>
        TryLong(taken, out var t) && TryLong(pending, out var p) && p > 0 && p < 1_000_000 && (t == p * 1_000_000 || t == p * 1_000);

    private static bool TryLong(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
