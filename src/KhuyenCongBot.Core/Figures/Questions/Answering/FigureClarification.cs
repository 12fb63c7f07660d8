using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The steps of the figures clarification (saved as their number: never renumber).</summary>
public enum ClarifyStep
{
    /// <summary>"Bạn muốn xem số liệu nào?": a measure to choose for the question kept in <see cref="QuestionMemory.PendingKey"/>.</summary>
    Measure = 0,
}

/// <summary>
/// The figures module's clarifying question as a dialog table (<see cref="Dialog{TStep}"/>): which measure a question without one
/// means ("số liệu Bắc Ninh năm 2024"), or which measure an activity records when the one asked is not ("doanh thu hội chợ").
/// A button answers the question kept pending; anything typed instead is read as a new question. It is a list choice, so the
/// engine's rules apply (a command or another intent leaves it, it ends when idle).
/// </summary>
public sealed class FigureClarification(ScopeResolver scopes)
{
    public const string Name = "figures:clarify";

    /// <summary>The dialog: one step, whose choices are those the question that opened it showed.</summary>
    /// <param name="onButton">A button of the figures module ("fq:m:…"): answers the pending question.</param>
    /// <param name="onText">Anything typed instead: a new question (the dialog is closed first).</param>
    public static Dialog<ClarifyStep> Table(Action<BotContext, string> onButton, Action<BotContext, string> onText) =>
        new(Name,
        [
            new(ClarifyStep.Measure, null, turn =>
            {
                if (turn.IsButton && turn.Input.StartsWith("fq:", StringComparison.Ordinal))
                {
                    onButton(turn.Context, turn.Input);
                    return DialogMove.Handled;
                }
                End(turn.Context);
                onText(turn.Context, turn.Input);
                return DialogMove.Handled;
            }),
        ])
        {
            Description = context => context.Text("figures.clarify.describe"),
        };

    /// <summary>Opens the dialog with <paramref name="pending"/> waiting (the follow-up context is kept); the caller asks.</summary>
    public static void Open(BotContext context, Question pending)
    {
        context.State.Flow = Name;
        context.State.Step = (int)ClarifyStep.Measure;
        context.State.Data[QuestionMemory.PendingKey] = pending.ToJson();
    }

    /// <summary>Closes the dialog (if open) and forgets the pending question.</summary>
    public static void End(BotContext context)
    {
        if (context.State.Flow == Name)
        {
            context.State.Flow = null;
            context.State.Step = 0;
        }
        context.State.Data.Remove(QuestionMemory.PendingKey);
    }

    /// <summary>A question with a period or a place and no measure: which figure?</summary>
    public void AskMetric(BotContext context, Question pending)
    {
        Open(context, pending);
        context.Ask(
            context.Text("figures.clarify.which_figure", ("period", FigureAnswerer.PeriodText(context.Texts, pending, context.English)), ("scope", scopes.ShortName(pending.Scope, context.English))),
            [
                new Choice(context.Text("figures.clarify.booths"), "fq:m:trade_fair.booths"),
                new Choice(context.Text("figures.clarify.participations"), "fq:m:*.participations"),
                new Choice(context.Text("figures.clarify.facilities"), "fq:m:*.facilities"),
                new Choice(context.Text("figures.clarify.revenue"), "fq:m:consulting.revenue_vnd"),
                new Choice(context.Text("figures.clarify.funding"), "fq:m:*.funding_vnd"),
                new Choice(context.Text("figures.clarify.everything"), "fq:m:all"),
            ]);
    }

    /// <summary>Whether button data names a metric the bot offers (tampered data is treated as an expired button).</summary>
    public static bool IsKnownMetric(BotContext context, string metric)
    {
        if (metric == "all")
        {
            return true;
        }
        var dot = metric.IndexOf('.');
        var activity = dot <= 0 ? null : metric[..dot];
        var measure = dot < 0 ? metric : metric[(dot + 1)..];
        return (measure.Length == 0 || Measures.All.Contains(measure) || Measures.FromForms.Contains(measure))
            && (activity is null or "*" || context.Catalogue.Activity(activity) is not null);
    }

    /// <summary>The question with the metric of a button: "all", "&lt;activity&gt;.&lt;measure&gt;" ("*" for every activity).</summary>
    public static Question ApplyMetric(Question q, string metric)
    {
        if (metric == "all")
        {
            return q with { Summary = true, ActivityId = null, Measure = null };
        }
        var dot = metric.IndexOf('.');
        var activity = dot <= 0 ? null : metric[..dot];
        var measure = dot < 0 ? metric : metric[(dot + 1)..];
        return q with { Summary = false, ActivityId = activity == "*" ? null : activity, Measure = measure.Length == 0 ? null : measure };
    }
}
