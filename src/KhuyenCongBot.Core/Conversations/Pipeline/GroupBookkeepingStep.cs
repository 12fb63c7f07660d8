using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>
/// Group bookkeeping: everyone seen in a group counts for what figures may be shown there (<see cref="GroupRoster"/>), and
/// a code shown in a group no longer works. Member changes and group messages not addressed to the bot stop here.
/// </summary>
internal sealed class GroupBookkeepingStep(GroupRoster? roster = null, InvitationService? invitations = null) : IMessageStep
{
    public Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        var message = context.Message;
        if (message.IsGroupChat && roster is not null)
        {
            // Whoever wrote, addressed to the bot or not, registered or not, and whoever the platform says joined or left.
            if (message.MemberChanges is { Count: > 0 } changes)
            {
                roster.Apply(message.Channel, message.ChatId, changes);
                return Task.FromResult<IReadOnlyList<Reply>>([]);
            }
            roster.Note(message.Channel, message.ChatId, message.UserId);
            // A code shown in a group is known to everyone there: it no longer works.
            invitations?.CancelShownInGroup(message);
        }
        if (message.MemberChanges is not null || (message.IsGroupChat && !message.AddressedToBot))
        {
            return Task.FromResult<IReadOnlyList<Reply>>([]);
        }
        return next(context);
    }
}
