using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// What the project form reads back and asks back before it takes an answer, as the record form does: dates with their year,
/// amounts in words (<see cref="FieldReader.ReadBackMoney"/>), and a yes/no question for an answer that is allowed but looks
/// wrong (a planned end already past, an amount of a few đồng, counterpart funding above the support). The answer waiting for
/// that yes/no is kept under "pj:ask" (step and value) so it survives a question answered meanwhile.
/// </summary>
internal static class ProjectRegistrationChecks
{
    public const string PendingKey = "pj:ask";

    public const string Yes = "pj:keep";

    public const string No = "pj:retype";

    /// <summary>Below this an approved amount is asked back ("300" is 300 đồng, not 300 triệu).</summary>
    private const long SmallestApproved = 1_000_000;

    /// <summary>The value of <paramref name="step"/> waiting for a yes/no, or null.</summary>
    public static string? Pending(BotContext context, RegistrationStep step) =>
        context.State.Data.GetValueOrDefault(PendingKey) is { } pending && pending.Split('|', 2) is [var s, var value]
            && s == ((int)step).ToString(CultureInfo.InvariantCulture) ? value : null;

    public static void Clear(BotContext context) => context.State.Data.Remove(PendingKey);

    /// <summary>The yes/no buttons while an answer of <paramref name="step"/> waits for one.</summary>
    public static List<Choice> Choices(BotContext context, RegistrationStep step) => Pending(context, step) is null ? [] :
    [
        new Choice(context.Text("projects.register.keep"), Yes),
        new Choice(context.Text("projects.register.retype"), No),
    ];

    /// <summary>The question to ask back about <paramref name="value"/> (kept waiting), or null when it is taken as it is.</summary>
    public static string? AskBack(BotContext context, RegistrationStep step, string value, Func<RegistrationStep, string?> answer)
    {
        var question = step switch
        {
            RegistrationStep.PlannedEnd when Date(value) is var end && end < context.Today => context.Text("projects.register.check.past_end",
                ("end", end), ("today", context.Today), ("days", context.Today.DayNumber - end.DayNumber)),
            RegistrationStep.Approved when Vnd(value) < SmallestApproved => context.Text("projects.register.check.small_amount",
                ("amount", FieldReader.ReadBackMoney(Vnd(value), context.English))),
            RegistrationStep.Counterpart when answer(RegistrationStep.Approved) is { } approved && Vnd(value) > Vnd(approved) => context.Text("projects.register.check.counterpart_above",
                ("amount", FieldReader.ReadBackMoney(Vnd(value), context.English)), ("approved", FieldReader.ReadBackMoney(Vnd(approved), context.English)),
                ("times", context.Numbers.Decimal((decimal)Vnd(value) / Vnd(approved)))),
            _ => null,
        };
        if (question is not null)
        {
            context.State.Data[PendingKey] = ((int)step).ToString(CultureInfo.InvariantCulture) + "|" + value;
        }
        return question;
    }

    /// <summary>The line read back once an answer is taken (dates with their year, amounts in words), or null.</summary>
    public static string? Echo(BotContext context, RegistrationStep step, string? value) => value is null ? null : step switch
    {
        RegistrationStep.DecisionDate => context.Text("projects.register.echo.decision_date", ("date", Date(value))),
        RegistrationStep.PlannedEnd => context.Text("projects.register.echo.planned_end", ("date", Date(value))),
        RegistrationStep.Approved => context.Text("projects.register.echo.approved", ("amount", FieldReader.ReadBackMoney(Vnd(value), context.English))),
        RegistrationStep.Counterpart => context.Text("projects.register.echo.counterpart",
            ("amount", Vnd(value) == 0 ? context.Text("projects.register.echo.none") : FieldReader.ReadBackMoney(Vnd(value), context.English))),
        _ => null,
    };

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Vnd(string value) => long.Parse(value, CultureInfo.InvariantCulture);
}
