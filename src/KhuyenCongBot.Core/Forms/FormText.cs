using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The words and buttons every step of a form shares: the title, the header line, clipped labels, back/skip/cancel.</summary>
public static class FormText
{
    /// <summary>The longest label of a button a form shows.</summary>
    internal const int MaxButtonLabel = 48;

    internal static Choice Back(BotContext ctx) => new(ctx.Text("form.common.back"), "f:back", false);

    internal static Choice Skip(BotContext ctx) => new(ctx.Text("form.common.skip"), "f:skip", false);

    internal static Choice Cancel(BotContext ctx) => new(ctx.Text("form.common.cancel"), "f:cancel", false);

    internal static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        // Never cut an emoji (a surrogate pair) in half: the half could not be stored or sent.
        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut] + "…";
    }

    internal static string Title(BotContext ctx, FormDefinition form) =>
        ctx.English
            ? form.TitleEn ?? ctx.Catalogue.Activity(form.Activity)?.EnglishName ?? form.Activity
            : form.Title ?? ctx.Catalogue.Activity(form.Activity)?.ShortName ?? form.Activity;

    /// <summary>"📝 Hội chợ · câu 3/8": the form and the question's place among those asked or still to be asked
    /// (<see cref="FormSession.Expected"/>: the number advances by one a question, the total only shrinks as answers rule questions out).
    /// The province filled in for an officer of one province is not asked, so not counted: the first question asked is "câu 1".</summary>
    /// <summary>
    /// The questions the counter counts: those asked or still to be asked, less the province when the bot fills it in (a
    /// one-province officer). "câu 1/10" and "đã trả lời 0/10 câu" count the same questions.
    /// </summary>
    internal static List<int> Counted(CatalogueIndex catalogue, BotUser? user, FormSession s, FormDefinition form)
    {
        var filledIn = user is not null && FieldReader.AllowedProvinces(catalogue, user) is [_] ? form.Bound("province") : null;
        return s.Expected(form).Where(i => i == s.Step || form.Fields[i] != filledIn).ToList();
    }

    internal static string Header(BotContext ctx, FormSession s, FormDefinition form)
    {
        var expected = Counted(ctx.Catalogue, ctx.User, s, form);
        var position = expected.IndexOf(s.Step) + 1;
        var edit = s.EditId is { } id ? ctx.Text("form.common.title_correcting", ("id", id)) : "";
        return $"📝 {Title(ctx, form)}{edit} · {ctx.Text("form.common.question_word")} {Math.Max(position, 1)}/{expected.Count}";
    }

    /// <summary>Spaces collapsed and trimmed.</summary>
    internal static string Clean(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>A button of another step, or "bỏ qua" at a step of a new facility that must be answered: said plainly.</summary>
    internal static string NotApplicable(BotContext ctx, string verb) => verb == "skip"
        ? ctx.Text("form.common.required_step")
        : ctx.Text("form.common.button_not_here");
}
