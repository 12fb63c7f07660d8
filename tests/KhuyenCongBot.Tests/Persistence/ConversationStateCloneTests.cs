using System.Text.Json;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>The store hands out clones of the states it keeps in memory: a clone must carry every property and share nothing mutable.</summary>
public sealed class ConversationStateCloneTests
{
    [Fact]
    public void A_clone_carries_every_property_and_changing_the_original_leaves_it_alone()
    {
        // A property added to the state without a sample here (and without a line in Clone) fails this test.
        var original = PropertySamples.Fill(new ConversationState(), Sample);
        var before = JsonSerializer.Serialize(original);

        var clone = original.Clone();

        Assert.Equal(before, JsonSerializer.Serialize(clone));
        original.Data["k2"] = "changed";
        original.LastChoices.Add(new Choice("x", "y"));
        original.RecentFacilities!.Add(new RecentFacility { Id = 99, Name = "n", ProvinceId = "p" });
        original.RecentFacilities[0].Name = "renamed";
        original.LastReplies!.Add(new StoredReply { Text = "more" });
        original.LastReplies[0].Choices.Add(new Choice("c", "d"));
        Assert.Equal(before, JsonSerializer.Serialize(clone));
    }

    private static object? Sample(Type type) => type switch
    {
        _ when type == typeof(string) => "value",
        _ when type == typeof(int) => 7,
        _ when type == typeof(long) => 9L,
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?) => new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)),
        _ when type == typeof(Dictionary<string, string>) => new Dictionary<string, string> { ["k"] = "v" },
        _ when type == typeof(List<Choice>) => new List<Choice> { new("Nhãn", "data", false) },
        _ when type == typeof(List<RecentFacility>) => new List<RecentFacility> { new() { Id = 3, Name = "Cơ sở", ProvinceId = "bac-ninh" } },
        _ when type == typeof(List<StoredReply>) => new List<StoredReply> { new() { Text = "Đã lưu", Choices = [new Choice("Ghi thêm", "f:again:1")], IsPrompt = true } },
        _ => null,
    };
}
