using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>
/// Commit: after the handlers ran, the conversation state (with the choices and prompt last shown, and the replies to send
/// again after a restart), the staged writes and the update mark are saved in one transaction before any reply is sent.
/// A handler that fails gets an apology and its state reloaded; a failed save is said instead of the replies.
/// </summary>
internal sealed class CommitStep(ConversationStates states, BotClock clock, ILogger<BotEngine> logger) : IMessageStep
{
    public async Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        var message = context.Message;
        var bot = context.Bot!;
        var user = bot.User;
        var state = bot.State;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Handling a message from user {UserId} failed", user.Id);
            bot.Replies.Clear();
            bot.Say(bot.Text("engine.handler_failed"));
            // Reload: the handler may have changed the state object before failing.
            state = states.Load(user.Id);
            state.UpdatedAt = clock.Now;
            ConversationStates.KeepReplies(state, message, bot.Replies);
            await states.SaveAsync(state, message).ConfigureAwait(false);
            return bot.Replies;
        }

        if (context.Aside)
        {
            // Only the update mark is kept; the person's own conversation is saved as it was.
            try
            {
                await states.SaveAsync(context.Saved!, message, bot.StagedWrites).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Saving a message from user {UserId} failed", user.Id);
                return new SaveFailed(Reply.Of(bot.Text("core.error")));
            }
            return bot.Replies;
        }
        var lastWithChoices = bot.Replies.LastOrDefault(r => r.Choices.Count > 0);
        state.LastChoices = lastWithChoices?.Choices.ToList() ?? [];
        DialogRules.NoteChoices(bot, bot.ShownAside);
        state.LastPrompt = state.Flow is not null && bot.Replies.Count > 0 ? bot.Replies[^1].Text : null;
        state.LastChannel = message.Channel;
        state.LastChatId = message.ChatId;
        state.UpdatedAt = clock.Now;
        ConversationStates.KeepReplies(state, message, bot.Replies);
        try
        {
            await states.SaveAsync(state, message, bot.StagedWrites).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing of this message was written (one transaction): say so rather than the replies that assumed it was.
            logger.LogError(ex, "Saving a message from user {UserId} failed", user.Id);
            return new SaveFailed(Reply.Of(bot.Text("engine.save_failed")));
        }
        return bot.Replies;
    }
}
