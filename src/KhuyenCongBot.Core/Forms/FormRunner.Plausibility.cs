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
    private bool AskIfImplausible(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value)
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
        if (vnd < SmallestPlausibleVnd && vnd * 1_000_000 is var millions && (field.Max is null || millions <= field.Max))
        {
            var n = VnFormat.Number(vnd);
            Ask(ctx, s, ctx.T($"❔ {label}: {n} đồng là rất nhỏ. Ý bạn là {n} triệu đồng ({VnFormat.MoneyFull(millions)})?",
                    $"❔ {label}: {n} đồng is very small. Did you mean {n} million đồng ({VnFormat.MoneyFull(millions)})?"),
                new Choice(ctx.T($"Đúng, {n} triệu đồng", $"Yes, {n} million"), $"f:{step}:pl:{millions}"),
                new Choice(ctx.T($"Không, đúng là {n} đồng", $"No, it is {n} đồng"), $"f:{step}:pl:{vnd}"));
            return true;
        }
        if (field.AtMost is { } otherId && form.Fields.FirstOrDefault(f => f.Id == otherId) is { } other
            && long.TryParse(s.Answer(otherId), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 && vnd > limit)
        {
            Ask(ctx, s, ctx.T(
                    $"❔ {label} ({VnFormat.Money(vnd)}) lớn hơn {other.LabelIn(false)} ({VnFormat.Money(limit)}). Số này đúng chứ?",
                    $"❔ {label} ({VnFormat.Money(vnd)}) is more than {other.LabelIn(true)} ({VnFormat.Money(limit)}). Is it right?"),
                new Choice(ctx.T($"Đúng, giữ {VnFormat.Money(vnd)}", $"Yes, keep {VnFormat.Money(vnd)}"), $"f:{step}:pl:{vnd}"),
                new Choice(ctx.T("Không, gõ lại số tiền", "No, type it again"), $"f:{step}:pl:no"));
            return true;
        }
        return false;
    }

    private static void Ask(BotContext ctx, FormSession s, string question, Choice yes, Choice no)
    {
        s.Misses = 0;
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
