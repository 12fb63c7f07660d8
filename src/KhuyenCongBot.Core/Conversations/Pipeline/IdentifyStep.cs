using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>
/// Identification: the registered person of the identity, a bootstrap admin from the options, or the
/// <see cref="IUnknownUserHandler"/> (invitation codes) for a stranger. Notes the chat a person writes from in private.
/// </summary>
internal sealed class IdentifyStep(
    IBotStore store, IUnknownUserHandler unknown, IOptions<BotOptions> options, BotClock clock, UserTexts texts, ILogger<BotEngine> logger) : IMessageStep
{
    public async Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        var message = context.Message;
        var user = store.Users.FindByIdentity(message.IdentityKey);
        if (user is null && options.Value.Admins.Any(a => string.Equals(a.Trim(), message.IdentityKey, StringComparison.OrdinalIgnoreCase)))
        {
            user = new BotUser
            {
                DisplayName = message.DisplayName ?? message.IdentityKey,
                Role = Role.Admin,
                ScopeKind = ScopeKind.All,
                Identities = [message.IdentityKey],
                CreatedAt = clock.Now,
                Language = context.Language,
            };
            user.Id = store.Users.Add(user);
            logger.LogInformation("Bootstrap admin {Identity} registered as user {Id}", message.IdentityKey, user.Id);
        }
        if (user is null || !user.Active)
        {
            try
            {
                var (replies, registered) = await unknown.HandleAsync(message, context.CancellationToken).ConfigureAwait(false);
                if (registered is null)
                {
                    return replies;
                }
                user = registered;
                if (replies.Count > 0)
                {
                    return replies;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Unknown-user handling failed for {Identity}", message.IdentityKey);
                return [Reply.Of(texts.Text(context.Language, "core.error"))];
            }
        }

        if (!message.IsGroupChat && user.Chats.GetValueOrDefault(message.Channel) != message.ChatId)
        {
            user.Chats[message.Channel] = message.ChatId;
            store.Users.Update(user);
        }
        context.User = user;
        return await next(context).ConfigureAwait(false);
    }
}
