using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Honest replies without a figure: words not understood, data the bot does not hold, small talk.</summary>
internal static class UnderstandingReplies
{
    /// <summary>Words that change the meaning were not understood: quote them, ask, offer what works.</summary>
    public static void NotUnderstood(BotContext context, IReadOnlyList<string> unknown, IReadOnlyList<string>? examples)
    {
        var quoted = string.Join(", ", unknown.Select(u => $"\"{u}\""));
        examples ??= FiguresModule.Examples(context);
        context.Ask(
            context.Text("figures.understanding.not_understood", ("quoted", quoted), ("holds", context.Text("figures.understanding.holds"))),
            examples.Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }

    /// <summary>Data the bot does not hold (workers, profits, population...): say so, no figure.</summary>
    public static void CannotAnswer(BotContext context, string what)
    {
        context.Ask(
            context.Text("figures.understanding.not_held", ("what", what), ("holds", context.Text("figures.understanding.holds"))),
            FiguresModule.Examples(context).Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }

    /// <summary>
    /// Two activities or two measures in one question ("kinh phí máy móc và hội chợ"): no figure (one of the two would be dropped, or
    /// a sum made that nobody checked); what was read is said, and how to ask each in turn (the second as a follow-up).
    /// </summary>
    public static void TwoAtOnce(BotContext context, QuestionParts parts, (string? ActivityId, string? Measure) second)
    {
        var english = context.English;
        string Name(string? activityId, string? measure) => activityId is not null
            ? (context.Catalogue.Activity(activityId) is { } a ? (english ? a.EnglishName : a.ShortName) : activityId)
            : MetricText.Noun(context.Texts, measure ?? Measures.Funding, english);
        var first = second.ActivityId is not null ? Name(parts.ActivityId, null) : Name(null, parts.Measure);
        var other = Name(second.ActivityId, second.Measure);
        context.Say(context.Text("figures.two_at_once", ("first", first), ("other", other), ("other_lower", other.ToLowerInvariant())));
    }

    /// <summary>A greeting or thanks without a question.</summary>
    public static void SmallTalk(BotContext context, bool thanks)
    {
        context.Ask(
            thanks
                ? context.Text("figures.understanding.thanks")
                : context.Text("figures.understanding.hello", ("holds", context.Text("figures.understanding.holds"))),
            FiguresModule.Examples(context).Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }
}
