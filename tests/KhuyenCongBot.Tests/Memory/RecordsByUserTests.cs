using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;
using LiteDB;

namespace KhuyenCongBot.Tests.Memory;

/// <summary>Records.ByUser finds a user's latest records through the user-then-id index, reading only as many as asked.</summary>
public sealed class RecordsByUserTests
{
    private static SupportRecord Record(long user, int i) => new()
    {
        ActivityId = "trade_fair", Date = new DateOnly(2025, 1, 1).AddDays(i % 300), ProvinceId = "bac-ninh", Booths = i % 7,
        CreatedByUserId = user, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static LiteDbStore Seeded(out List<SupportRecord> records)
    {
        var store = new LiteDbStore(":memory:");
        var random = new Random(7);
        // Users 0..5 interleaved at random, with user 3 holding none; ids are given in insertion order.
        records = Enumerable.Range(0, 600).Select(i => Record(new long[] { 0, 1, 2, 4, 5 }[random.Next(5)], i)).ToList();
        store.Records.AddMany(records);
        return store;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 30)]
    [InlineData(2, 1000)]
    [InlineData(0, 5)]
    [InlineData(5, 30)]
    [InlineData(3, 30)]
    [InlineData(4, 0)]
    public void ByUser_returns_the_latest_records_of_the_user_newest_first(long user, int limit)
    {
        using var store = Seeded(out var records);
        var expected = records.Where(r => r.CreatedByUserId == user).OrderByDescending(r => r.Id).Take(limit).Select(r => r.Id).ToList();

        var ids = store.Records.ByUser(user, limit).Select(r => r.Id).ToList();

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void ByUser_follows_adds_updates_and_deletes()
    {
        using var store = Seeded(out var records);
        var latest = store.Records.ByUser(1, 3);
        store.Records.Delete(latest[0].Id);
        var moved = latest[1];
        moved.CreatedByUserId = 2;
        store.Records.Update(moved);
        var added = store.Records.Add(Record(1, 9));

        var ids = store.Records.ByUser(1, 3).Select(r => r.Id).ToList();

        var expected = records.Where(r => r.CreatedByUserId == 1 && r.Id != latest[0].Id && r.Id != moved.Id)
            .OrderByDescending(r => r.Id).Select(r => r.Id).Take(2).Prepend(added).ToList();
        Assert.Equal(expected, ids);
        Assert.Contains(moved.Id, store.Records.ByUser(2, 1000).Select(r => r.Id));
    }

    [Fact]
    public void The_plan_uses_the_index_for_the_range_and_the_order_without_a_sort()
    {
        using var store = Seeded(out _);
        var repo = (RecordRepository)store.Records;

        var plan = repo.UserLatestQuery(1, 30).GetPlan();

        Assert.Equal(RecordRepository.UserLatestIndex, IndexName(plan));
        Assert.Contains("INDEX RANGE SCAN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.Equal(-1, plan["index"]["order"].AsInt32);
        Assert.False(plan.ContainsKey("orderBy"), plan.ToString());
        Assert.Equal(30, plan["limit"].AsInt32);
    }

    [Fact]
    public void Opening_a_file_made_with_the_old_user_index_replaces_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "kcbot-byuser-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var db = new LiteDatabase(path))
            {
                var col = db.GetCollection("records");
                col.Insert(new BsonDocument { ["_id"] = 1L, ["CreatedByUserId"] = 7L });
                col.EnsureIndex("CreatedByUserId", "$.CreatedByUserId");
            }
            using var store = new LiteDbStore(path);
            var indexes = store.Database.GetCollection("$indexes").Find("$.collection = 'records'").Select(d => d["name"].AsString).ToList();

            Assert.Contains(RecordRepository.UserLatestIndex, indexes);
            Assert.DoesNotContain("CreatedByUserId", indexes);
            Assert.Equal(1L, Assert.Single(store.Records.ByUser(7, 30)).Id);
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, null) + "-log.db");
        }
    }

    private static string IndexName(BsonDocument plan) => plan["index"]["name"].AsString;
}
