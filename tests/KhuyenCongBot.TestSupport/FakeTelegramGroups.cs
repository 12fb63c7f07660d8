using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static KhuyenCongBot.TestSupport.FakeTelegramWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>Who is in each group of the fake Telegram server (getChatMemberCount, getChatMember): those seen or put there, and silent ones.</summary>
internal sealed class FakeTelegramGroups(FakeServerSync sync)
{
    private readonly Dictionary<long, HashSet<long>> _members = [];
    private readonly Dictionary<long, int> _silent = [];

    /// <summary>Puts people in a group, or takes them out.</summary>
    public void Set(long groupId, bool inGroup, params long[] userIds)
    {
        lock (sync.Gate)
        {
            if (inGroup)
            {
                Members(groupId).UnionWith(userIds);
            }
            else
            {
                Members(groupId).ExceptWith(userIds);
            }
        }
    }

    /// <summary>People in the group who never write (Telegram counts them; the bot never hears of them).</summary>
    public void Silent(long groupId, int count)
    {
        lock (sync.Gate)
        {
            _silent[groupId] = count;
        }
    }

    public IResult MemberCount(long chat)
    {
        lock (sync.Gate)
        {
            // Telegram counts the bot too.
            return Ok(JsonValue.Create(Members(chat).Count + _silent.GetValueOrDefault(chat) + 1));
        }
    }

    public IResult MemberOf(long chat, long user)
    {
        lock (sync.Gate)
        {
            var status = Members(chat).Contains(user) ? "member" : "left";
            return Ok(new JsonObject { ["status"] = status, ["user"] = Person(user, "vi") });
        }
    }

    private HashSet<long> Members(long groupId)
    {
        if (!_members.TryGetValue(groupId, out var members))
        {
            _members[groupId] = members = [];
        }
        return members;
    }
}
