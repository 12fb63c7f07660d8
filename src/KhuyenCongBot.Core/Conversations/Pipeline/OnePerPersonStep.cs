using System.Collections.Concurrent;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>One message at a time per person: the rest of the pipeline runs under a lock per identity.</summary>
internal sealed class OnePerPersonStep : IMessageStep
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        var gate = _locks.GetOrAdd(context.Message.IdentityKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
