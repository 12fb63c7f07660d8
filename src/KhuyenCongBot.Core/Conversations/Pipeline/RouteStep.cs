using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>Route: the <see cref="MessageRouter"/> hands the message to a button's module, a command, the open dialog or the modules' free-text handlers.</summary>
internal sealed class RouteStep(MessageRouter router) : IMessageStep
{
    public async Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        await router.DispatchAsync(context.Bot!, context.CancellationToken).ConfigureAwait(false);
        return context.Bot!.Replies;
    }
}
