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
