using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>
/// De-duplication: an update key already handled is not applied twice; paths that store no conversation state (strangers)
/// still mark their update; an update whose save failed stays unmarked so a redelivery is handled.
/// </summary>
internal sealed class DeduplicateStep(IBotStore store, ConversationStates states, BotClock clock, ILogger<BotEngine> logger) : IMessageStep
{
    public async Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        var message = context.Message;
        if (message.UpdateKey is not null && store.Meta.IsHandled(message.UpdateKey))
        {
            return RepliesAgain(message);
        }
        var replies = await next(context).ConfigureAwait(false);
        if (replies is SaveFailed)
        {
            // Nothing of this update was kept: it stays unmarked, so a redelivery is handled.
            return replies;
        }
        if (message.UpdateKey is not null && !store.Meta.IsHandled(message.UpdateKey))
        {
            store.Meta.TryMarkHandled(message.UpdateKey, clock.Now);
        }
        return replies;
    }

    /// <summary>
    /// For an update delivered again: nothing is applied twice. If an earlier run handled it and it was the person's last
    /// message, its saved replies are sent again (that run may have died between saving and sending, e.g. a lost receipt).
    /// </summary>
    private IReadOnlyList<Reply> RepliesAgain(Incoming message)
    {
        var key = message.UpdateKey!;
        if (store.Meta.HandledBeforeStart(key)
            && store.Users.FindByIdentity(message.IdentityKey) is { } user
            && states.Load(user.Id) is { LastUpdateKey: { } last, LastReplies: { Count: > 0 } replies } state
            && last == key)
        {
            logger.LogInformation("Update {Key} was handled before a restart; its replies are sent again", key);
            return replies.Select(r => r.IsPrompt
                    ? new Reply { Text = state.LastPrompt ?? "", Choices = state.LastChoices }
                    : new Reply { Text = r.Text, Choices = r.Choices })
                .Where(r => r.Text.Length > 0)
                .ToList();
        }
        logger.LogInformation("Update {Key} already handled; ignored", key);
        return [];
    }
}
