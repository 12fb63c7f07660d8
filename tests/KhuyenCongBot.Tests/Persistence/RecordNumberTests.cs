using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>A record number names one record forever: deleting the last record and restarting does not give its number again.</summary>
public sealed class RecordNumberTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "ids-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "bot.db");

    private static SupportRecord Fair(string name) => new()
    {
        ActivityId = "trade_fair", Date = new DateOnly(2026, 11, 20), ProvinceId = "phu-tho", FacilityName = name, Booths = 2,
    };

    [Fact]
    public async Task Deleting_the_last_record_and_restarting_does_not_reuse_its_number()
    {
        Directory.CreateDirectory(_folder);
        long first;
        using (var store = new LiteDbStore(Db))
        {
            first = store.InTransaction(() => store.Records.Add(Fair("Gốm Hương Canh")));
            Assert.True(store.Records.Delete(first));
        }
        using (var store = new LiteDbStore(Db))
        {
            var second = store.InTransaction(() => store.Records.Add(Fair("Mây tre Phú Vinh")));
            Assert.Equal(first + 1, second);
            // Outside a transaction and through a group commit alike.
            var third = store.Records.Add(Fair("Lụa Vạn Phúc"));
            store.Records.Delete(third);
            store.Records.Delete(second);
        }
        using (var store = new LiteDbStore(Db))
        {
            Assert.Equal(0, store.Records.Count());
            var fourth = await store.InTransactionAsync(() => store.Records.Add(Fair("Đồ gỗ Đồng Kỵ")));
            Assert.Equal(first + 3, fourth);
        }
    }

    [Fact]
    public void A_second_store_on_the_same_file_is_refused_naming_the_holder()
    {
        Directory.CreateDirectory(_folder);
        using var store = new LiteDbStore(Db);
        var refused = Assert.Throws<DatabaseInUseException>(() => new LiteDbStore(Db));
        Assert.Equal(Environment.ProcessId, refused.Owner!.Pid);
        Assert.Contains($"tiến trình {Environment.ProcessId}", refused.Message);
        store.Dispose();
        using var next = new LiteDbStore(Db);
        Assert.NotNull(next.Lock);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
