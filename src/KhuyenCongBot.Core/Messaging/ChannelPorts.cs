using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Messaging;

/// <summary>What a channel adapter may know of the people: the language they chose, by identity ("zalo:123").</summary>
public interface IUserLanguages
{
    /// <summary>"vi", "en", or null when the identity is not a registered person.</summary>
    string? LanguageOf(string identityKey);
}

/// <summary>
/// A channel's durable queue of platform payloads (Telegram updates waiting their turn, Zalo replies not yet sent), so a
/// restart loses none. The adapter depends on this port, not on the store.
/// </summary>
public interface IChannelQueue
{
    /// <summary>Queues one payload of <paramref name="chat"/> on <paramref name="channel"/>; returns its id.</summary>
    long Add(string channel, string chat, string payload, DateTimeOffset at);

    /// <summary>Queues several payloads together (one transaction: all or none).</summary>
    void AddAll(string channel, IReadOnlyList<(string Chat, string Payload)> items, DateTimeOffset at);

    /// <summary>The waiting payloads of a channel, oldest first.</summary>
    IReadOnlyList<InboxItem> Pending(string channel);

    /// <summary>Removes a handled payload.</summary>
    void Remove(long id);
}

/// <summary>The channel ports over the store.</summary>
internal sealed class StoreChannelPorts(IBotStore store) : IUserLanguages, IChannelQueue
{
    public string? LanguageOf(string identityKey) => store.Users.FindByIdentity(identityKey)?.Language;

    public long Add(string channel, string chat, string payload, DateTimeOffset at) => store.Inbox.Add(channel, chat, payload, at);

    public void AddAll(string channel, IReadOnlyList<(string Chat, string Payload)> items, DateTimeOffset at) =>
        store.InTransaction(() =>
        {
            foreach (var (chat, payload) in items)
            {
                store.Inbox.Add(channel, chat, payload, at);
            }
            return 0;
        });

    public IReadOnlyList<InboxItem> Pending(string channel) => store.Inbox.Pending(channel);

    public void Remove(long id) => store.Inbox.Remove(id);
}
