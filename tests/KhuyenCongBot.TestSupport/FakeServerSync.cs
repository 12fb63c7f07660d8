namespace KhuyenCongBot.TestSupport;

/// <summary>
/// The one lock of a fake server and its "something changed" signal, shared by the server's parts (updates, calls, sent
/// messages), so a test waiting for any of them wakes on every change.
/// </summary>
public sealed class FakeServerSync
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Held while a part reads or changes its state.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Completes at the next <see cref="Pulse"/>; read it under <see cref="Gate"/>, then wait outside.</summary>
    public Task Changed => _changed.Task;

    /// <summary>Wakes everyone waiting on <see cref="Changed"/> (call under <see cref="Gate"/>).</summary>
    public void Pulse()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
