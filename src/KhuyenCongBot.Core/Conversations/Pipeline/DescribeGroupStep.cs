using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>In a group: asks the channel how many members it has and whether those the bot knows are still there
/// (<see cref="BotContext.GroupFacts"/>, null when it cannot tell), for what figures may be shown there.</summary>
internal sealed class DescribeGroupStep(IEnumerable<IGroupDirectory> directories, ILogger<BotEngine> logger, GroupRoster? roster = null)
    : IMessageStep
{
    private readonly IReadOnlyList<IGroupDirectory> _directories = directories.ToList();

    public async Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        if (context.Message.IsGroupChat)
        {
            context.Bot!.GroupFacts = await DescribeAsync(context.Message, context.CancellationToken).ConfigureAwait(false);
        }
        return await next(context).ConfigureAwait(false);
    }

    private async Task<GroupFacts?> DescribeAsync(Incoming message, CancellationToken ct)
    {
        var directory = _directories.FirstOrDefault(d => d.Channel == message.Channel);
        if (directory is null || roster is null)
        {
            return null;
        }
        var known = roster.Members(message.Channel, message.ChatId).Where(id => id != message.UserId).ToList();
        if (known.Count > BotEngine.MaxGroupMembersChecked)
        {
            return null;
        }
        try
        {
            var facts = await directory.DescribeAsync(message.ChatId, known, ct).ConfigureAwait(false);
            if (facts is { Gone.Count: > 0 })
            {
                roster.Forget(message.Channel, message.ChatId, facts.Gone);
            }
            return facts;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Could not learn who is in group {ChatId} on {Channel}: {Error}", message.ChatId, message.Channel, ex.Message);
            return null;
        }
    }
}
