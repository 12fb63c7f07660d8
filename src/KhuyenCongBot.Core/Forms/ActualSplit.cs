using System.Globalization;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The KCQG part of an amount from both sources in "Cập nhật số chính thức", checked as the form checks it: above the amount, equal
/// to it or nothing is refused (the record would otherwise be saved under one source, silently); an amount lowered under the part
/// clears it. "Giữ" is offered only for a part that still fits the amount: after a new total the estimate's part may not.
/// </summary>
internal static class ActualSplit
{
    /// <summary>Why <paramref name="value"/> cannot be taken for <paramref name="field"/> ("⚠ …"), or null when it can.</summary>
    public static string? Refusal(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value)
    {
        if (field.Kind != FieldType.Money)
        {
            return null;
        }
        var total = Total(s, form);
        if (field.Bind == "funding_kcqg" && (value.Length == 0 || value == "0" || value == total))
        {
            // The form's own refusals advise "quay lại" to change the source, which this walk does not offer.
            return "⚠ " + ctx.Text("records.actual.national_part_between", ("total", Money(ctx, total)));
        }
        var result = AmountPlausibility.CheckSplit(ctx, s, form, field, FieldResult.Accept(value));
        return result.Ok ? null : "⚠ " + result.Error + "\n" + ctx.Text("records.actual.ask_hint");
    }

    /// <summary>Whether "giữ" would keep <paramref name="kept"/>: always, but for a KCQG part that no longer fits the amount.</summary>
    public static bool KeepFits(BotContext ctx, FormSession s, FormDefinition form, FormField field, string? kept) =>
        field.Bind != "funding_kcqg" || Refusal(ctx, s, form, field, kept ?? "") is null;

    /// <summary>Instead of "Giữ: —": the estimate's part does not fit the new amount (or there is none), so the part is asked.</summary>
    public static string AskPart(BotContext ctx, FormSession s, FormDefinition form, string? estimate)
    {
        var total = Money(ctx, Total(s, form));
        return long.TryParse(estimate, NumberStyles.None, CultureInfo.InvariantCulture, out var part) && part > 0
            ? ctx.Text("hforms.actual.part_no_longer_fits", ("estimate", ctx.Numbers.Money(part)), ("total", total))
            : ctx.Text("hforms.actual.part_needed", ("total", total));
    }

    private static string? Total(FormSession s, FormDefinition form) =>
        form.Bound("funding_vnd") is { } whole ? s.Answer(whole.Id) : null;

    private static string Money(BotContext ctx, string? vnd) =>
        long.TryParse(vnd, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? ctx.Numbers.Money(n) : "";
}
