using System.Text.Json;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>The store maps a person once and hands out clones: a clone must carry every property and share nothing mutable.</summary>
public sealed class BotUserCloneTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kcbot-userclone-" + Guid.NewGuid().ToString("N"));

    public BotUserCloneTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void A_clone_carries_every_property_and_changing_the_original_leaves_it_alone()
    {
        var original = Full();
        var before = JsonSerializer.Serialize(original);

        var clone = original.Clone();

        Assert.Equal(before, JsonSerializer.Serialize(clone));
        original.Identities.Add("zalo:1");
        original.Chats["zalo"] = "1";
        Assert.Equal(before, JsonSerializer.Serialize(clone));
    }

    [Fact]
    public void Changing_a_person_read_from_the_store_changes_nothing_until_it_is_saved()
    {
        using var store = new LiteDbStore(Path.Combine(_dir, "bot.db"));
        var person = Full();
        person.Id = 0;
        var id = store.Users.Add(person);

        var first = store.Users.FindByIdentity("telegram:42")!;
        first.Identities.Add("zalo:9");
        first.Chats["zalo"] = "9";
        first.Role = Role.Admin;

        var second = store.Users.Get(id)!;
        Assert.Equal(["telegram:42"], second.Identities);
        Assert.False(second.Chats.ContainsKey("zalo"));
        Assert.Equal(Role.Manager, second.Role);

        store.Users.Update(first);
        Assert.Equal(Role.Admin, store.Users.Get(id)!.Role);
        Assert.Equal(id, store.Users.FindByIdentity("zalo:9")?.Id);
    }

    // A property added to BotUser without a sample here (and without a line in Clone) fails these tests.
    private static BotUser Full() => PropertySamples.Fill(new BotUser(), Sample);

    private static object? Sample(Type type) => type switch
    {
        _ when type == typeof(string) => "giá trị",
        _ when type == typeof(long) => 9L,
        _ when type == typeof(bool) => false,
        _ when type == typeof(Role) => Role.Manager,
        _ when type == typeof(ScopeKind) => ScopeKind.Region,
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)),
        _ when type == typeof(List<string>) => new List<string> { "telegram:42" },
        _ when type == typeof(Dictionary<string, string>) => new Dictionary<string, string> { ["telegram"] = "42" },
        _ => null,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
