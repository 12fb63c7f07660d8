namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Stores broadcasts and every recipient's delivery state; each write is durable when the call returns.</summary>
public interface IBroadcastRepository
{
    long Add(Broadcast broadcast);
    Broadcast? Get(long id);
    void Update(Broadcast broadcast);

    /// <summary>Broadcasts not finished nor cancelled (scheduled or sending), oldest first.</summary>
    IReadOnlyList<Broadcast> Open();

    /// <summary>The most recent broadcasts, newest first.</summary>
    IReadOnlyList<Broadcast> Recent(int count);

    /// <summary>Writes the whole recipient list in one transaction and marks the broadcast's list as created.</summary>
    void CreateRecipients(Broadcast broadcast, IReadOnlyList<BroadcastRecipient> recipients);

    IReadOnlyList<BroadcastRecipient> Recipients(long broadcastId);
    BroadcastRecipient? Recipient(long broadcastId, long userId);
    void UpdateRecipient(BroadcastRecipient recipient);

    /// <summary>Recipients of any broadcast for a user, newest first (for "Đã nhận" typed on text channels).</summary>
    IReadOnlyList<BroadcastRecipient> ForUser(long userId, int limit);
}
