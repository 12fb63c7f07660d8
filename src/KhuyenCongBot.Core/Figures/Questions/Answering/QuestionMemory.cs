using System.Globalization;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// What the conversation keeps of the figures questions (in <see cref="ConversationState.Data"/>, saved with every message): the
/// last question answered and when, for follow-ups and the buttons under an answer, and a question waiting for a clarification.
/// </summary>
/// <param name="followUp">How long the last question may be built on (<see cref="FiguresOptions.FollowUpMinutes"/>).</param>
public sealed class QuestionMemory(TimeSpan followUp)
{
    /// <summary>What every key of this memory starts with (it is never a dialog's own data).</summary>
    public const string KeyPrefix = "q:";

    /// <summary>ConversationState.Data key of the last answered question (compact JSON), for follow-ups and buttons.</summary>
    public const string LastKey = "q:last";

    /// <summary>ConversationState.Data key of when the last question was answered (ISO 8601): older than the follow-up time, it is not reused.</summary>
    public const string LastAtKey = "q:last:at";

    /// <summary>ConversationState.Data key of the question waiting for a clarification.</summary>
    public const string PendingKey = "q:pending";

    /// <summary>The previous question, if it was answered less than the follow-up time ago (a context without a time is stale).</summary>
    public Question? FreshLast(BotContext context)
    {
        var last = Last(context);
        if (last is null || !DateTimeOffset.TryParse(context.State.Data.GetValueOrDefault(LastAtKey), CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at))
        {
            return null;
        }
        return context.Now - at <= followUp && context.Now >= at ? last : null;
    }

    /// <summary>The last question answered, however old (the buttons under an answer act on it).</summary>
    public static Question? Last(BotContext context) => Question.FromJson(context.State.Data.GetValueOrDefault(LastKey));

    public static void SetLast(BotContext context, Question q)
    {
        context.State.Data[LastKey] = q.ToJson();
        context.State.Data[LastAtKey] = context.Now.ToString("O", CultureInfo.InvariantCulture);
    }

    public static Question? Pending(BotContext context) => Question.FromJson(context.State.Data.GetValueOrDefault(PendingKey));
}
