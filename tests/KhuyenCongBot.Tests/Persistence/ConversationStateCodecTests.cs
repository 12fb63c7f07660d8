using JsonSerializer = System.Text.Json.JsonSerializer;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Storage;
using LiteDB;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>States are stored as ConversationStateCodec bytes: every property must survive, and states written by earlier versions must still be read.</summary>
public sealed class ConversationStateCodecTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kcbot-codec-" + Guid.NewGuid().ToString("N"));

    public ConversationStateCodecTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void Every_property_survives_a_round_trip()
    {
        var original = Full();
        var decoded = ConversationStateCodec.Decode(ConversationStateCodec.Encode(original));
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(decoded));
        Assert.Equal(original.Id, ConversationStateCodec.IdOf(ConversationStateCodec.Encode(original)));
        Assert.Equal(original.Flow, ConversationStateCodec.FlowOf(ConversationStateCodec.Encode(original)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("form")]
    [InlineData("biểu mẫu 😀 \u202Eشسيب\u0000")]
    public void Empty_and_unusual_values_survive(string? text)
    {
        var original = new ConversationState
        {
            Id = long.MinValue,
            Flow = text,
            Step = -1,
            LastPrompt = text,
            LastChannel = text,
            LastChatId = text,
            UpdatedAt = new DateTimeOffset(2026, 11, 26, 18, 30, 0, TimeSpan.FromHours(7)),
            RemindedAt = null,
            RecentFacilities = null,
            LastUpdateKey = text,
            LastReplies = [],
        };
        if (text is not null)
        {
            original.Data[text] = text;
            original.LastChoices.Add(new Choice(text, text, Numbered: false));
        }
        var decoded = ConversationStateCodec.Decode(ConversationStateCodec.Encode(original));
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(decoded));
        Assert.Equal(TimeSpan.FromHours(7), decoded.UpdatedAt.Offset);
        Assert.Equal(text, ConversationStateCodec.FlowOf(ConversationStateCodec.Encode(original)));
    }

    [Fact]
    public void An_unknown_format_is_refused_rather_than_misread()
    {
        var bytes = ConversationStateCodec.Encode(Full());
        bytes[0] = 99;
        Assert.Throws<InvalidDataException>(() => ConversationStateCodec.Decode(bytes));
    }

    [Fact]
    public void A_file_written_by_an_earlier_version_is_read_from_the_collection_and_from_the_log()
    {
        var path = Path.Combine(_dir, "bot.db");
        var folded = Full();
        folded.Id = 1;
        var logged = Full();
        logged.Id = 2;
        logged.Flow = null;
        var activeInLog = Full();
        activeInLog.Id = 3;
        activeInLog.Step = 5;
        using (var db = new LiteDatabase(new ConnectionString { Filename = path }, LiteDbStore.CreateMapper()))
        {
            // The layout of earlier versions: states mapped field by field, in the collection and in the log.
            db.GetCollection("conversations").Insert(db.Mapper.ToDocument(folded));
            var stale = Full();
            stale.Id = 2; // in a form in the collection, then left idle (the log says so)
            db.GetCollection("conversations").Insert(db.Mapper.ToDocument(stale));
            db.GetCollection("conversation_log").Insert(new BsonDocument
            {
                ["_id"] = 1L,
                ["s"] = new BsonArray(db.Mapper.ToDocument(logged), db.Mapper.ToDocument(activeInLog)),
            });
        }
        using var store = new LiteDbStore(path);
        Assert.Equal(folded.LastReplies![0].Text, store.Conversations.Get(1)?.LastReplies?[0].Text);
        Assert.Equal(folded.Data, store.Conversations.Get(1)?.Data);
        Assert.Null(store.Conversations.Get(2)?.Flow);
        Assert.Equal(5, store.Conversations.Get(3)?.Step);
        Assert.Equal([1L, 3L], store.Conversations.Active().Select(s => s.Id).Order());

        // Saved again, a state is written in the new format and read back the same.
        var changed = store.Conversations.Get(1)!;
        changed.Step = 42;
        store.Conversations.Save(changed);
        Assert.Equal(42, store.Conversations.Get(1)?.Step);

        // States saved since (still in the log, not folded) decide what is active: 3 went idle, 4 started a form.
        store.Conversations.Save(new ConversationState { Id = 3, Flow = null });
        store.Conversations.Save(new ConversationState { Id = 4, Flow = "form", Step = 2 });
        Assert.Equal([1L, 4L], store.Conversations.Active().Select(s => s.Id).Order());
        Assert.Equal(2, store.Conversations.Active().Single(s => s.Id == 4).Step);
    }

    // A property added to the state without a sample here (and without a line in the codec) fails the round trip.
    private static ConversationState Full() => PropertySamples.Fill(new ConversationState(), Sample);

    private static object? Sample(Type type) => type switch
    {
        _ when type == typeof(string) => "giá trị",
        _ when type == typeof(int) => 7,
        _ when type == typeof(long) => 9L,
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?) => new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.Zero),
        _ when type == typeof(Dictionary<string, string>) => new Dictionary<string, string> { ["k"] = "v", ["tên"] = "Cơ sở Ánh Dương" },
        _ when type == typeof(List<Choice>) => new List<Choice> { new("Nhãn", "data", false), new("Hai", "d:2") },
        _ when type == typeof(List<RecentFacility>) => new List<RecentFacility> { new() { Id = 3, Name = "Cơ sở", ProvinceId = "bac-ninh" } },
        _ when type == typeof(List<StoredReply>) => new List<StoredReply> { new() { Text = "Đã lưu", Choices = [new Choice("Ghi thêm", "f:again:1")], IsPrompt = true } },
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
