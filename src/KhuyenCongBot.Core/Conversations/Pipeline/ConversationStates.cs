using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>Reading and saving a person's conversation state, shared by the steps that need it.</summary>
internal sealed class ConversationStates(IBotStore store, BotClock clock, ILogger<BotEngine> logger)
{
    /// <summary>The person's conversation state; a fresh one when the stored one cannot be read (their saved records are untouched,
    /// only a form in progress is lost), so one damaged state never locks a person out.</summary>
    public ConversationState Load(long userId)
    {
        try
        {
            return store.Conversations.Get(userId) ?? new ConversationState { Id = userId };
        }
        catch (UnreadableStateException ex)
        {
            logger.LogWarning("Conversation state of user {UserId} could not be read and starts afresh: {Error}", userId, ex.InnerException?.Message);
            return new ConversationState { Id = userId };
        }
    }

    /// <summary>Keeps this message's replies with the state, to send again if the update comes back after a restart.</summary>
    public static void KeepReplies(ConversationState state, Incoming message, IReadOnlyList<Reply> replies)
    {
        state.LastUpdateKey = message.UpdateKey;
        state.LastReplies = message.UpdateKey is null
            ? null
            : replies.Where(r => r.Text.Length > 0)
                .Select(r => r.Text == state.LastPrompt && r.Choices.SequenceEqual(state.LastChoices)
                    ? new StoredReply { IsPrompt = true }
                    : new StoredReply { Text = r.Text, Choices = [.. r.Choices] })
                .ToList();
    }

    /// <summary>
    /// Saves where the conversation is, the writes the handler staged and the update mark together: a redelivered update
    /// never moves a form on or saves a record twice. The replies wait for the commit, which is shared with the other
    /// messages handled meanwhile (group commit).
    /// </summary>
    public Task<int> SaveAsync(ConversationState state, Incoming message, IReadOnlyList<Action>? staged = null)
    {
        var now = clock.Now;
        // Without staged writes (which may still change the state) the state is copied and serialized here, in parallel
        // with other messages, so the shared transaction only stores it.
        var prepared = staged is { Count: > 0 } ? null : store.Conversations.Prepare(state);
        return store.InTransactionAsync(() =>
        {
            if (staged is not null)
            {
                foreach (var write in staged)
                {
                    write();
                }
            }
            if (prepared is not null)
            {
                store.Conversations.Save(prepared);
            }
            else
            {
                store.Conversations.Save(state);
            }
            if (message.UpdateKey is { } key)
            {
                store.Meta.TryMarkHandled(key, now);
            }
            return 0;
        });
    }
}
