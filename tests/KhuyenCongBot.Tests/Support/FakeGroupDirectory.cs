using System.Collections.Concurrent;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Tests.Support;

/// <summary>Who is in each group, for engine-level tests on a channel without a real platform ("terminal"): what Telegram's
/// getChatMemberCount and getChatMember answer on the fake server.</summary>
public sealed class FakeGroupDirectory(string channel = "terminal") : IGroupDirectory
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _members = new();
    private readonly ConcurrentDictionary<string, int> _silent = new();

    public string Channel => channel;

    /// <summary>How many times the bot asked.</summary>
    public int Calls { get; private set; }

    public void Join(string chatId, params string[] userIds)
    {
        var members = _members.GetOrAdd(chatId, _ => []);
        lock (members)
        {
            members.UnionWith(userIds);
        }
    }

    public void Leave(string chatId, string userId)
    {
        var members = _members.GetOrAdd(chatId, _ => []);
        lock (members)
        {
            members.Remove(userId);
        }
    }

    /// <summary>Members who never write: counted, never heard of.</summary>
    public void Silent(string chatId, int count) => _silent[chatId] = count;

    public Task<GroupFacts?> DescribeAsync(string chatId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        Calls++;
        var members = _members.GetOrAdd(chatId, _ => []);
        lock (members)
        {
            var count = members.Count + _silent.GetValueOrDefault(chatId) + 1;
            return Task.FromResult<GroupFacts?>(new GroupFacts(
                count, userIds.Where(members.Contains).ToList(), userIds.Where(u => !members.Contains(u)).ToList()));
        }
    }
}
