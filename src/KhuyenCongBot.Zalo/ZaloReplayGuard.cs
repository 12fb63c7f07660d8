namespace KhuyenCongBot.Zalo;

/// <summary>Remembers recent Zalo message ids so a replayed webhook delivery is answered once (the core also checks UpdateKey).</summary>
public sealed class ZaloReplayGuard
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time a message id is seen; false for a replay.</summary>
    public bool TryAccept(string messageId)
    {
        lock (_gate)
        {
            if (!_seen.Add(messageId))
            {
                return false;
            }
            _order.Enqueue(messageId);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
