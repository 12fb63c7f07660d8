using KhuyenCongBot.Core.Broadcasts;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Broadcasts and their recipients in the bot's LiteDB file.</summary>
public sealed class LiteDbBroadcastRepository : IBroadcastRepository
{
    private readonly LiteDatabase _db;
    private readonly object _lock = new();

    public LiteDbBroadcastRepository(LiteDatabase db)
    {
        _db = db;
        db.Mapper.Entity<Broadcast>().Id(b => b.Id, autoId: true);
        db.Mapper.Entity<BroadcastRecipient>().Id(r => r.Id, autoId: true);
        Recipients_.EnsureIndex(r => r.BroadcastId);
        Recipients_.EnsureIndex(r => r.UserId);
        Broadcasts.EnsureIndex(b => b.Status);
    }

    /// <summary>Uses the store's database.</summary>
    public LiteDbBroadcastRepository(LiteDbStore store) : this(store.Database)
    {
    }

    private ILiteCollection<Broadcast> Broadcasts => _db.GetCollection<Broadcast>("broadcasts");
    private ILiteCollection<BroadcastRecipient> Recipients_ => _db.GetCollection<BroadcastRecipient>("broadcast_recipients");

    public long Add(Broadcast broadcast)
    {
        Broadcasts.Insert(broadcast);
        return broadcast.Id;
    }

    public Broadcast? Get(long id) => Broadcasts.FindById(id);

    public void Update(Broadcast broadcast) => Broadcasts.Update(broadcast);

    public IReadOnlyList<Broadcast> Open() =>
        Broadcasts.Find(b => b.Status == BroadcastStatus.Scheduled || b.Status == BroadcastStatus.Sending).OrderBy(b => b.Id).ToList();

    public IReadOnlyList<Broadcast> Recent(int count) =>
        Broadcasts.Query().Where(b => b.Status != BroadcastStatus.Draft).OrderByDescending(b => b.Id).Limit(count).ToList();

    public void CreateRecipients(Broadcast broadcast, IReadOnlyList<BroadcastRecipient> recipients)
    {
        lock (_lock)
        {
            var began = _db.BeginTrans();
            try
            {
                // A list half-written by a crash cannot exist (one transaction), but a list written before the flag was set can.
                if (Recipients_.Count(r => r.BroadcastId == broadcast.Id) == 0)
                {
                    Recipients_.InsertBulk(recipients);
                }
                broadcast.RecipientsCreated = true;
                Broadcasts.Update(broadcast);
                if (began)
                {
                    _db.Commit();
                }
            }
            catch
            {
                if (began)
                {
                    _db.Rollback();
                }
                throw;
            }
        }
    }

    public IReadOnlyList<BroadcastRecipient> Recipients(long broadcastId) =>
        Recipients_.Find(r => r.BroadcastId == broadcastId).OrderBy(r => r.Id).ToList();

    public BroadcastRecipient? Recipient(long broadcastId, long userId) =>
        Recipients_.FindOne(r => r.BroadcastId == broadcastId && r.UserId == userId);

    public void UpdateRecipient(BroadcastRecipient recipient) => Recipients_.Update(recipient);

    public IReadOnlyList<BroadcastRecipient> ForUser(long userId, int limit) =>
        Recipients_.Query().Where(r => r.UserId == userId).OrderByDescending(r => r.Id).Limit(limit).ToList();
}

/// <summary>Registers the LiteDB broadcast repository on the store's database.</summary>
public static class BroadcastStorageExtensions
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddKhuyenCongBroadcastStorage(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<IBroadcastRepository>(
            services, sp => new LiteDbBroadcastRepository((LiteDbStore)Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<KhuyenCongBot.Core.Storage.IBotStore>(sp)));
        return services;
    }
}
