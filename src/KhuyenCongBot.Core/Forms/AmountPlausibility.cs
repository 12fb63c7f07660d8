using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Answers far outside what a field expects are asked back before they are accepted (never refused: they may be right): an amount
/// outside its usual range or above another amount, a point far from the record's province. The KCQG part above its amount is refused.
/// </summary>
/// <remarks>Session keys: plr:{field} and plm:{field} (what a confirmation holds to), plq (the yes/no question still open).</remarks>
public sealed class AmountPlausibility(ProvinceAreas? provinceAreas = null)
{
    /// <summary>Below this many đồng an amount is surely meant in millions ("85" for 85 triệu).</summary>
    public const long SmallestPlausibleVnd = 1_000;

    private const string RangeKey = "plr:";
    private const string AtMostKey = "plm:";
    private const string PendingKey = "plq";

    /// <summary>True, with a yes/no question asked, when <paramref name="value"/> (a money answer just read) looks wrong.</summary>
    internal bool AskIfImplausible(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value, string? echo = null)
    {
        if (field.Kind == FieldType.Location)
        {
            return AskIfFar(ctx, s, form, field, value);
        }
        if (field.Kind == FieldType.Date)
        {
            return AskIfLongAgo(ctx, s, field, value, echo);
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
            var n = ctx.Numbers.Money(vnd);
            if (guess > 0)
            {
                Ask(ctx, s, ctx.Text("form.plausibility.money_too_small_guess", ("label", label), ("n", n), ("guess", ctx.Numbers.Money(guess)), ("guess_full", ctx.Numbers.MoneyFull(guess))),
                    new Choice(ctx.Text("form.plausibility.yes_guess", ("guess", ctx.Numbers.Money(guess))), $"f:{step}:pl:{guess}"),
                    new Choice(ctx.Text("form.plausibility.no_as_typed", ("n", n)), $"f:{step}:pl:{vnd}"));
                return true;
            }
            Ask(ctx, s, ctx.Text("form.plausibility.money_very_small", ("label", label), ("n", n), ("per", per)),
                new Choice(ctx.Text("form.plausibility.yes_keep", ("n", n)), $"f:{step}:pl:{vnd}"),
                new Choice(ctx.Text("form.plausibility.no_retype_money"), $"f:{step}:pl:no"));
            return true;
        }
        if (!inRange)
        {
            var n = ctx.Numbers.Money(vnd);
            Ask(ctx, s, ctx.Text("form.plausibility.money_rather_large", ("label", label), ("n", n), ("per", per)),
                new Choice(ctx.Text("form.plausibility.yes_keep", ("n", n)), $"f:{step}:pl:{vnd}"),
                new Choice(ctx.Text("form.plausibility.no_retype_money"), $"f:{step}:pl:no"));
            return true;
        }
        if (field.AtMost is { } wholeId && form.Fields.FirstOrDefault(f => f.Id == wholeId) is { } whole
            && long.TryParse(s.Answer(wholeId), NumberStyles.None, CultureInfo.InvariantCulture, out var investment) && investment > 0 && vnd <= investment
            && Support(s, form, field) is { } support && vnd + support.Vnd > investment
            && s.Get(AtMostKey + field.Id) != AtMostMark(s, form, field, vnd))
        {
            // The facility's counterpart and the support are both parts of its investment: together they cannot pass it either.
            Ask(ctx, s, ctx.Text("form.plausibility.sum_more_than_other", ("label", label), ("amount", ctx.Numbers.Money(vnd)),
                    ("support_label", support.Field.LabelIn(ctx.English)), ("support", ctx.Numbers.Money(support.Vnd)), ("sum", ctx.Numbers.Money(vnd + support.Vnd)),
                    ("other", whole.LabelIn(ctx.English)), ("other_amount", ctx.Numbers.Money(investment))),
                new Choice(ctx.Text("form.plausibility.yes_keep", ("n", ctx.Numbers.Money(vnd))), $"f:{step}:plx:{vnd}"),
                new Choice(ctx.Text("form.plausibility.no_retype_money"), $"f:{step}:pl:no"));
            return true;
        }
        if (field.AtMost is { } atMostId && form.Fields.FirstOrDefault(f => f.Id == atMostId) is { } other
            && long.TryParse(s.Answer(atMostId), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 && vnd > limit
            && s.Get(AtMostKey + field.Id) != AtMostMark(s, form, field, vnd))
        {
            Ask(ctx, s, ctx.Text("form.plausibility.more_than_other", ("label", label), ("amount", ctx.Numbers.Money(vnd)), ("other", other.LabelIn(ctx.English)), ("other_amount", ctx.Numbers.Money(limit))),
                new Choice(ctx.Text("form.plausibility.yes_keep", ("n", ctx.Numbers.Money(vnd))), $"f:{step}:plx:{vnd}"),
                new Choice(ctx.Text("form.plausibility.no_retype_money"), $"f:{step}:pl:no"));
            return true;
        }
        return false;

        void Ask(BotContext ctx, FormSession s, string question, Choice yes, Choice no) =>
            AskYesNo(ctx, s, echo is null ? question : echo + "\n" + question, yes, no);
    }

    /// <summary>
    /// True, with a yes/retype question asked, when the point <paramref name="value"/> ("21.028500,105.854200") lies far outside
    /// the record's province (seeds/catalogue/province-areas.json): another region, or a number slipped. Never refused.
    /// </summary>
    internal bool AskIfFar(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value)
    {
        if (form.Bound("province") is not { } pf || s.Answer(pf.Id) is not { Length: > 0 } answered
            || provinceAreas is not { } areas)
        {
            return false;
        }
        var province = ctx.Catalogue.CurrentOf(answered) ?? ctx.Catalogue.Province(answered);
        var parts = value.Split(',');
        if (province is null || parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || areas.FarFrom(province.Id, lat, lon) is not { } km)
        {
            return false;
        }
        var rounded = ctx.Numbers.Number((long)(km < 100 ? Math.Round(km / 5) * 5 : Math.Round(km / 10) * 10));
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        s.Misses = 0;
        ctx.Ask(ctx.Text("form.plausibility.location_far_from_province", ("coordinates", value), ("province", province.ShortName), ("km", rounded)),
            [
                new Choice(ctx.Text("form.plausibility.yes_keep_location"), $"f:{step}:pl:{value}"),
                new Choice(ctx.Text("form.plausibility.no_retype_location"), $"f:{step}:pl:no"),
                FormText.Back(ctx), FormText.Cancel(ctx),
            ]);
        return true;
    }

    /// <summary>How many years back a date is asked back before it is taken ("01/01/2019" for "01/01/2029"?).</summary>
    public const int LongAgoYears = 2;

    /// <summary>True, with a yes/retype question asked, when the date <paramref name="value"/> is more than
    /// <see cref="LongAgoYears"/> years before today: a record that old is rare, a slipped year is not. Never refused.</summary>
    private static bool AskIfLongAgo(BotContext ctx, FormSession s, FormField field, string value, string? echo)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date >= ctx.Today.AddYears(-LongAgoYears))
        {
            return false;
        }
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var shown = VnFormat.Date(date);
        var question = ctx.Text("sforms.date.long_ago", ("label", field.LabelIn(ctx.English)), ("date", shown), ("years", LongAgoYears));
        AskYesNo(ctx, s, echo is null ? question : echo + "\n" + question,
            new Choice(ctx.Text("sforms.date.yes_keep", ("date", shown)), $"f:{step}:pl:{value}"),
            new Choice(ctx.Text("sforms.date.no_retype"), $"f:{step}:pl:no"), ctx.Text("sforms.date.choose_yes_no_or_retype"));
        return true;
    }

    /// <summary>What a confirmation of an amount outside its usual range holds to: the amount and the count it is per.</summary>
    private static string RangeMark(FormSession s, FormField field, long vnd) =>
        vnd.ToString(CultureInfo.InvariantCulture) + "|" + (field.Plausible?.Per is { } per ? s.Answer(per) : "");

    /// <summary>What a confirmation of an amount above another holds to: both amounts (and, for the counterpart, the support).</summary>
    private static string AtMostMark(FormSession s, FormDefinition form, FormField field, long vnd) =>
        vnd.ToString(CultureInfo.InvariantCulture) + "|" + (field.AtMost is { } other ? s.Answer(other) : "")
        + (Support(s, form, field) is { } support ? "|" + support.Vnd.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>For the facility's counterpart funding: the support amount of the same record (funding_vnd), when answered.</summary>
    private static (FormField Field, long Vnd)? Support(FormSession s, FormDefinition form, FormField field) =>
        field.Bind == "funding_counterpart" && form.Bound("funding_vnd") is { } funding && funding != field
        && long.TryParse(s.Answer(funding.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var vnd) && vnd > 0
            ? (funding, vnd) : null;

    /// <summary>The officer confirmed an amount ("pl": outside its range; "plx": above the other amount): kept while the figures it
    /// was compared with stay the same.</summary>
    internal static void NoteConfirmed(FormSession s, FormDefinition form, FormField field, string verb, string value)
    {
        if (field.Kind == FieldType.Money && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var vnd))
        {
            s.Set((verb == "plx" ? AtMostKey : RangeKey) + field.Id, verb == "plx" ? AtMostMark(s, form, field, vnd) : RangeMark(s, field, vnd));
        }
    }

    /// <summary>A record opened again was accepted as it is: its amounts count as confirmed until an answer they depend on changes.</summary>
    internal static void MarkAllConfirmed(FormSession s, FormDefinition form)
    {
        foreach (var field in form.Fields.Where(f => f.Kind == FieldType.Money))
        {
            if (s.Answer(field.Id) is { Length: > 0 } value)
            {
                NoteConfirmed(s, form, field, "pl", value);
                NoteConfirmed(s, form, field, "plx", value);
            }
        }
    }

    /// <summary>A yes/no word typed for the amount question still open, even after something else was answered in between
    /// (its buttons are no longer the last shown): the data of the choice it picks.</summary>
    internal static string? PendingAnswer(FormSession s, string input)
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

    /// <summary>"không, 120tr" (or "không 120tr") typed at an amount question still open: the no and the amount retyped at once, so
    /// the amount that follows is the answer (an outside tester's natural reply was refused as "not an amount"); otherwise the input.</summary>
    internal static string WithoutLeadingNo(FormSession s, string input)
    {
        if (s.Get(PendingKey) is null)
        {
            return input;
        }
        var trimmed = input.Trim();
        var cut = trimmed.IndexOf(',') is var comma and > 0 ? comma : trimmed.IndexOf(' ');
        if (cut <= 0)
        {
            return input;
        }
        var rest = trimmed[(cut + 1)..].Trim();
        return ChoiceMatcher.NoWords.Contains(VnText.FoldWords(trimmed[..cut])) && rest.Any(char.IsAsciiDigit) ? rest : input;
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

    /// <summary>Asks a yes/no question about the current answer; a "có"/"không" typed later still answers it (<see cref="PendingAnswer"/>).</summary>
    internal static void AskYesNo(BotContext ctx, FormSession s, string question, Choice yes, Choice no, string? footer = null)
    {
        s.Misses = 0;
        s.Set(PendingKey, string.Join('\n', s.Step.ToString(CultureInfo.InvariantCulture), yes.Data, no.Data));
        ctx.Ask(question + "\n" + (footer ?? ctx.Text("form.plausibility.choose_yes_no_or_retype")),
            [yes, no, FormText.Back(ctx), FormText.Cancel(ctx)]);
    }

    /// <summary>
    /// The KCQG part of an amount funded by both sources cannot pass that amount (KCĐP, the rest, would be below 0): refused.
    /// An amount changed below a KCQG part already typed clears the part, so it is asked again.
    /// </summary>
    internal static FieldResult CheckSplit(BotContext ctx, FormSession s, FormDefinition form, FormField field, FieldResult result)
    {
        if (!result.Ok || field.Kind != FieldType.Money || !long.TryParse(result.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var vnd))
        {
            return result;
        }
        if (field.Bind == "funding_kcqg" && form.Bound("funding_vnd") is { } total
            && long.TryParse(s.Answer(total.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var sum) && vnd > sum)
        {
            return FieldResult.Refuse(ctx.Text("form.plausibility.national_part_over_total", ("national", ctx.Numbers.Money(vnd)), ("total", ctx.Numbers.Money(sum))));
        }
        if (field.Bind == "funding_kcqg" && form.Bound("funding_vnd") is { } whole
            && long.TryParse(s.Answer(whole.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var all) && all > 0 && (vnd == all || vnd == 0))
        {
            // "Cả hai" with the whole amount (or nothing) under KCQG is one source, not both: the figures by source would say KCĐP paid 0 of a "both".
            return FieldResult.Refuse(vnd == all
                ? ctx.Text("form.plausibility.national_part_is_total", ("total", ctx.Numbers.Money(all)))
                : ctx.Text("form.plausibility.national_part_zero"));
        }
        if (field.Bind == "funding_vnd" && form.Bound("funding_kcqg") is { } part
            && long.TryParse(s.Answer(part.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var kcqg) && kcqg > vnd)
        {
            s.ClearAnswer(part.Id);
        }
        return result;
    }
}
