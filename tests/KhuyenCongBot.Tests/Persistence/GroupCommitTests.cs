using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>Group commit: works queued at the same moment share a transaction, each commits or fails on its own, caches follow commits.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kcbot-groupcommit-" + Guid.NewGuid().ToString("N"));

    private string DbPath => Path.Combine(_dir, "bot.db");

    public GroupCommitTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task Works_queued_together_share_transactions_and_all_of_them_are_in_the_file_after_a_restart()
    {
        using (var store = new LiteDbStore(DbPath))
        {
            var works = Enumerable.Range(1, 500).Select(i => store.InTransactionAsync(() =>
            {
                store.Conversations.Save(new ConversationState { Id = i, Flow = "form", Step = i });
                store.Meta.TryMarkHandled("telegram:" + i, DateTimeOffset.UtcNow);
                return i;
            })).ToList();
            Assert.Equal(Enumerable.Range(1, 500), await Task.WhenAll(works));
            var (transactions, carried) = store.GroupCommitStats;
            Assert.Equal(500, carried);
            Assert.True(transactions < 500, $"500 works queued at once took {transactions} transactions: nothing was grouped");
        }
        using var reopened = new LiteDbStore(DbPath);
        Assert.All(Enumerable.Range(1, 500), i =>
        {
            Assert.Equal(i, reopened.Conversations.Get(i)?.Step);
            Assert.True(reopened.Meta.IsHandled("telegram:" + i));
        });
        Assert.False(reopened.Meta.IsHandled("telegram:501"));
    }

    [Fact]
    public async Task A_failing_work_fails_alone_and_leaves_nothing_while_the_others_of_its_group_commit()
    {
        using var store = new LiteDbStore(DbPath);
        var works = Enumerable.Range(1, 50).Select(i => store.InTransactionAsync(() =>
        {
            store.Conversations.Save(new ConversationState { Id = i, Flow = "form", Step = i });
            store.Meta.TryMarkHandled("telegram:" + i, DateTimeOffset.UtcNow);
            if (i == 25)
            {
                throw new InvalidOperationException("boom");
            }
            return i;
        })).ToList();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => works[24]);
        Assert.Equal("boom", failure.Message);
        foreach (var i in Enumerable.Range(1, 50).Where(i => i != 25))
        {
            Assert.Equal(i, await works[i - 1]);
            Assert.Equal(i, store.Conversations.Get(i)?.Step);
            Assert.True(store.Meta.IsHandled("telegram:" + i));
        }
        // The failed work wrote nothing, and its update is not marked: a redelivery will be handled.
        Assert.Null(store.Conversations.Get(25));
        Assert.False(store.Meta.IsHandled("telegram:25"));
        Assert.False(((MetaRepository)store.Meta).MarkStored("telegram:25"));
    }

    [Fact]
    public void A_rolled_back_transaction_leaves_no_trace_in_the_caches()
    {
        using var store = new LiteDbStore(DbPath);
        var user = new BotUser { DisplayName = "Lan", Role = Role.Officer, Identities = ["telegram:7"], CreatedAt = DateTimeOffset.UtcNow };
        user.Id = store.Users.Add(user);
        store.Conversations.Save(new ConversationState { Id = user.Id, Flow = "form", Step = 1 });
        Assert.Equal("Lan", store.Users.FindByIdentity("telegram:7")?.DisplayName);
        Assert.Equal(1, store.Conversations.Get(user.Id)?.Step);

        Assert.Throws<InvalidOperationException>(() => store.InTransaction<int>(() =>
        {
            var renamed = store.Users.Get(user.Id)!;
            renamed.DisplayName = "Lan (đổi)";
            store.Users.Update(renamed);
            store.Conversations.Save(new ConversationState { Id = user.Id, Flow = "form", Step = 9 });
            store.Meta.TryMarkHandled("telegram:99", DateTimeOffset.UtcNow);
            throw new InvalidOperationException("rollback");
        }));

        Assert.Equal("Lan", store.Users.FindByIdentity("telegram:7")?.DisplayName);
        Assert.Equal("Lan", store.Users.Get(user.Id)?.DisplayName);
        Assert.Equal(1, store.Conversations.Get(user.Id)?.Step);
        Assert.False(store.Meta.IsHandled("telegram:99"));
    }

    [Fact]
    public void Committed_changes_are_what_the_caches_return()
    {
        using var store = new LiteDbStore(DbPath);
        var user = new BotUser { DisplayName = "Minh", Role = Role.Officer, Identities = ["telegram:8"], CreatedAt = DateTimeOffset.UtcNow };
        user.Id = store.Users.Add(user);
        Assert.Equal("Minh", store.Users.FindByIdentity("telegram:8")?.DisplayName);
        var changed = store.Users.Get(user.Id)!;
        changed.Role = Role.Manager;
        changed.Identities.Add("zalo:abc");
        store.Users.Update(changed);
        Assert.Equal(Role.Manager, store.Users.FindByIdentity("telegram:8")?.Role);
        Assert.Equal(user.Id, store.Users.FindByIdentity("zalo:abc")?.Id);

        // What a caller does to the object it got never reaches the store without an update.
        store.Users.Get(user.Id)!.DisplayName = "changed in memory only";
        Assert.Equal("Minh", store.Users.Get(user.Id)?.DisplayName);
    }

    [Fact]
    public void Marks_older_than_their_lifetime_are_dropped_at_start_and_marks_of_the_earlier_format_are_read()
    {
        using (var store = new LiteDbStore(DbPath))
        {
            var meta = store.Database.GetCollection("meta");
            meta.Insert(new LiteDB.BsonDocument { ["_id"] = "update:telegram:1", ["v"] = DateTime.UtcNow.AddDays(-1).ToString("O") });
            meta.Insert(new LiteDB.BsonDocument { ["_id"] = "update:telegram:2", ["v"] = DateTime.UtcNow.AddDays(-30).ToString("O") });
            meta.Insert(new LiteDB.BsonDocument
            {
                ["_id"] = "marks:000000000077", ["v"] = DateTime.UtcNow.AddDays(-30).ToString("O"), ["k"] = new LiteDB.BsonArray { "telegram:3" },
            });
            store.Meta.TryMarkHandled("telegram:4", DateTimeOffset.UtcNow);
        }
        using (var store = new LiteDbStore(DbPath))
        {
            Assert.True(store.Meta.IsHandled("telegram:1"));
            Assert.False(store.Meta.IsHandled("telegram:2"));
            Assert.False(store.Meta.IsHandled("telegram:3"));
            Assert.True(store.Meta.IsHandled("telegram:4"));
            Assert.False(store.Meta.TryMarkHandled("telegram:4", DateTimeOffset.UtcNow));
            Assert.True(store.Meta.TryMarkHandled("telegram:5", DateTimeOffset.UtcNow));
            Assert.Null(store.Database.GetCollection("meta").FindById("update:telegram:2"));
        }
    }

    [Fact]
    public void Record_ids_reserved_up_front_follow_the_records_already_in_the_file()
    {
        long first;
        using (var store = new LiteDbStore(DbPath))
        {
            store.Records.AddMany(Enumerable.Range(0, 10).Select(_ => Record()).ToList());
            first = store.Records.NextId();
            Assert.Equal(11, first);
        }
        using (var store = new LiteDbStore(DbPath))
        {
            // Id 11 was reserved and never used: a gap, never a reuse of a saved record's id.
            var id = store.Records.NextId();
            Assert.True(id >= 11);
            var record = Record();
            record.Id = id;
            Assert.Equal(id, store.Records.Add(record));
            Assert.Equal(id + 1, store.Records.Add(Record()));
            Assert.Equal(12, store.Records.Count());
        }
    }

    private static SupportRecord Record() => new()
    {
        ActivityId = "trade_fair", ProvinceId = "bac-ninh", Date = new DateOnly(2024, 5, 1), CreatedAt = DateTimeOffset.UtcNow, CreatedByUserId = 1, Booths = 2,
    };

    [Fact]
    public async Task Updates_marked_outside_a_transaction_while_the_group_committer_runs_are_all_kept()
    {
        // Strangers' updates are marked from the handlers' threads while other messages' marks go through the committer.
        const int Grouped = 5_000, Threads = 4, Alone = 1_000;
        using (var store = new LiteDbStore(DbPath))
        {
            using var start = new Barrier(Threads + 1);
            var alone = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < Alone; i++)
                {
                    Assert.True(store.Meta.TryMarkHandled($"zalo:{t}-{i}", DateTimeOffset.UtcNow));
                }
            }, TaskCreationOptions.LongRunning)).ToList();
            start.SignalAndWait();
            var grouped = new List<Task<bool>>();
            for (var i = 1; i <= Grouped; i++)
            {
                var n = i;
                grouped.Add(store.InTransactionAsync(() =>
                {
                    store.Conversations.Save(new ConversationState { Id = n, Flow = "form", Step = n });
                    return store.Meta.TryMarkHandled("telegram:" + n, DateTimeOffset.UtcNow);
                }));
                if (i % 50 == 0)
                {
                    await Task.Yield();
                }
            }
            await Task.WhenAll(alone);
            Assert.All(await Task.WhenAll(grouped), Assert.True);
        }
        using var reopened = new LiteDbStore(DbPath);
        Assert.All(Enumerable.Range(1, Grouped), i => Assert.True(reopened.Meta.IsHandled("telegram:" + i), "telegram:" + i + " was not kept"));
        Assert.All(Enumerable.Range(0, Threads).SelectMany(t => Enumerable.Range(0, Alone).Select(i => $"zalo:{t}-{i}")),
            key => Assert.True(reopened.Meta.IsHandled(key), key + " was not kept"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
