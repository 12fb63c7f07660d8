using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>Flood control: a message sent too fast waits for its turn (never dropped: it may be a form answer) and the first one
/// slowed down is told so. The terminal is one local person and is never slowed.</summary>
internal sealed class FloodControlStep(FloodGate flood, BotClock clock, UserTexts texts, ILogger<BotEngine> logger) : IMessageStep
{
    public async Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        var message = context.Message;
        var slowed = false;
        if (message.Channel != "terminal" && flood.Reserve(message.IdentityKey) is { Wait: var wait } slot && wait > TimeSpan.Zero)
        {
            if (slot.FirstWait)
            {
                slowed = true;
                logger.LogWarning("Flood from {Identity}: messages are handled at the allowed pace", message.IdentityKey);
            }
            await Task.Delay(wait, clock.TimeProvider, context.CancellationToken).ConfigureAwait(false);
        }
        var handled = await next(context).ConfigureAwait(false);
        if (!slowed)
        {
            return handled;
        }
        var notice = Reply.Of(texts.Text(context.Language, "engine.flood_slowed"));
        return [notice, .. handled];
    }
}
