using System.Globalization;
using System.Text.Json;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.People;

/// <summary>What a channel can tell about a group chat right now.</summary>
/// <param name="MemberCount">Members of the chat as the platform counts them, the bot included; null when it cannot tell.</param>
/// <param name="Present">Of the user ids asked about, those confirmed in the chat.</param>
/// <param name="Gone">Of the user ids asked about, those confirmed no longer in it.</param>
public sealed record GroupFacts(int? MemberCount, IReadOnlyCollection<string> Present, IReadOnlyCollection<string> Gone);

/// <summary>A channel that can count a group's members and check who is still in it (Telegram: getChatMemberCount, getChatMember).</summary>
public interface IGroupDirectory
{
    /// <summary>The channel's name ("telegram").</summary>
    string Channel { get; }

    /// <summary>The member count of <paramref name="chatId"/> and the status of <paramref name="userIds"/>; null when the channel cannot tell.</summary>
    Task<GroupFacts?> DescribeAsync(string chatId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}

/// <summary>
/// Everyone the bot has seen in each group chat (whoever wrote there, addressed to the bot or not, registered or not, and
/// whoever the platform said joined), kept in the store so a restart forgets no one. Figures shown in a group are limited to
/// what all of them may see.
/// </summary>
public sealed class GroupRoster(IBotStore store)
{
    private readonly Lock _gate = new();

    /// <summary>The channel user ids seen in the group and not known to have left.</summary>
    public IReadOnlySet<string> Members(string channel, string chatId)
    {
        lock (_gate)
        {
            return Load(channel, chatId);
        }
    }

    /// <summary>Notes that <paramref name="userId"/> is in the group (they wrote there).</summary>
    public void Note(string channel, string chatId, string userId) => Change(channel, chatId, members => members.Add(userId));

    /// <summary>Applies the joins and departures a channel reported.</summary>
    public void Apply(string channel, string chatId, IEnumerable<GroupMemberChange> changes) => Change(channel, chatId, members =>
    {
        var changed = false;
        foreach (var change in changes)
        {
            if (change.IsThisBot)
            {
                // Added again (or removed): nobody the bot saw before is known to be there now, and the member count decides.
                changed |= members.Count > 0;
                members.Clear();
            }
            else
            {
                changed |= change.Joined ? members.Add(change.UserId) : members.Remove(change.UserId);
            }
        }
        return changed;
    });

    /// <summary>Forgets members the channel confirmed are no longer in the group.</summary>
    public void Forget(string channel, string chatId, IReadOnlyCollection<string> gone) =>
        Change(channel, chatId, members => gone.Aggregate(false, (changed, id) => members.Remove(id) | changed));

    private void Change(string channel, string chatId, Func<HashSet<string>, bool> change)
    {
        lock (_gate)
        {
            var members = Load(channel, chatId);
            if (change(members))
            {
                store.Meta.Set(Key(channel, chatId), JsonSerializer.Serialize(members.Order(StringComparer.Ordinal)));
            }
        }
    }

    private HashSet<string> Load(string channel, string chatId)
    {
        var json = store.Meta.Get(Key(channel, chatId));
        if (json is not null)
        {
            return JsonSerializer.Deserialize<List<string>>(json)?.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        }
        // Earlier versions kept the registered people's user ids under another key: read them as their accounts on this channel.
        var members = new HashSet<string>(StringComparer.Ordinal);
        var prefix = channel + ":";
        foreach (var id in (store.Meta.Get($"group-members:{channel}:{chatId}") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) && store.Users.Get(userId) is { } user)
            {
                members.UnionWith(user.Identities.Where(i => i.StartsWith(prefix, StringComparison.Ordinal)).Select(i => i[prefix.Length..]));
            }
        }
        return members;
    }

    private static string Key(string channel, string chatId) => $"group:{channel}:{chatId}";
}
