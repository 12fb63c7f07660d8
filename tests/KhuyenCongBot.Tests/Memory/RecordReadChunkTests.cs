using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Memory;

/// <summary>Records.All() reads in short chunks (to keep LiteDB's page cache small) yet returns every record once, in id order.</summary>
public sealed class RecordReadChunkTests
{
    private static SupportRecord Record(int i) => new()
    {
        ActivityId = "trade_fair", Date = new DateOnly(2025, 1, 1).AddDays(i % 300), ProvinceId = "bac-ninh", Booths = i % 7,
        CreatedByUserId = 1, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(LiteDbStore.RecordReadChunk)]
    [InlineData(LiteDbStore.RecordReadChunk * 2 + 3)]
    public void All_returns_every_record_once_in_id_order_across_chunks(int count)
    {
        using var store = new LiteDbStore(":memory:");
        store.Records.AddMany(Enumerable.Range(0, count).Select(Record).ToList());
        // Deleting across a chunk boundary leaves a gap that the next chunk must step over.
        var deleted = count > LiteDbStore.RecordReadChunk ? store.Records.Delete(LiteDbStore.RecordReadChunk) : false;

        var ids = store.Records.All().Select(r => r.Id).ToList();

        Assert.Equal(count - (deleted ? 1 : 0), ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(store.Records.Count(), ids.Count);
    }

    [Fact]
    public void A_record_added_while_reading_a_later_chunk_is_read_too()
    {
        using var store = new LiteDbStore(":memory:");
        store.Records.AddMany(Enumerable.Range(0, LiteDbStore.RecordReadChunk + 10).Select(Record).ToList());
        var seen = 0;
        foreach (var _ in store.Records.All())
        {
            if (++seen == 1)
            {
                store.Records.Add(Record(1));
            }
        }
        Assert.Equal(LiteDbStore.RecordReadChunk + 11, seen);
    }
}
