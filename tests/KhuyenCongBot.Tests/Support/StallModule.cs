using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Tests.Support;

/// <summary>A command (/cham) that waits, honouring its token, until the test releases it, then answers "Xong việc chậm".</summary>
public sealed class StallModule : IBotModule
{
    public const string Answer = "Xong việc chậm";

    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a /cham is in hand.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets the /cham in hand finish.</summary>
    public void Release() => _release.TrySetResult();

    public IEnumerable<BotCommand> Commands =>
    [
        new("cham", [], "Việc chậm", "Slow job", Role.Officer, async (c, _, ct) =>
        {
            _entered.TrySetResult();
            await _release.Task.WaitAsync(ct);
            c.Say(Answer);
        }, InMenu: false),
    ];
}
