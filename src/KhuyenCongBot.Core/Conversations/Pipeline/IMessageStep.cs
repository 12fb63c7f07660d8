using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>The rest of the pipeline after a step: the replies of the message.</summary>
public delegate Task<IReadOnlyList<Reply>> MessageStepDelegate(MessageContext context);

/// <summary>
/// One named step of the path of a message through the engine (clean the input, identify, de-duplicate, flood control,
/// route, commit). A step does its part and calls <c>next</c> for the rest, or returns replies without calling it to stop
/// there. Steps are registered in order by <see cref="ServiceCollectionExtensions.AddKhuyenCongCore"/>.
/// </summary>
public interface IMessageStep
{
    Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next);
}
