using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>How the store's types are written as LiteDB documents: ids, dates as day numbers, offsets kept.</summary>
internal static class StoreMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = true };
        mapper.RegisterType(d => new BsonValue(d.DayNumber), b => DateOnly.FromDayNumber(b.AsInt32));
        mapper.RegisterType<DateTimeOffset>(
            d => new BsonDocument { ["t"] = d.UtcTicks, ["o"] = (int)d.Offset.TotalMinutes },
            b => new DateTimeOffset(b["t"].AsInt64, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(b["o"].AsInt32)));
        mapper.RegisterType<DateTimeOffset?>(
            d => d is null ? BsonValue.Null : new BsonDocument { ["t"] = d.Value.UtcTicks, ["o"] = (int)d.Value.Offset.TotalMinutes },
            b => b.IsNull ? null : new DateTimeOffset(b["t"].AsInt64, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(b["o"].AsInt32)));
        ProjectRepository.RegisterSplit(mapper);
        mapper.Entity<SupportRecord>().Id(r => r.Id, autoId: true);
        mapper.Entity<Facility>().Id(f => f.Id, autoId: true);
        mapper.Entity<BotUser>().Id(u => u.Id, autoId: true);
        mapper.Entity<AuditEntry>().Id(a => a.Id, autoId: true);
        mapper.Entity<ConversationState>().Id(s => s.Id, autoId: false);
        mapper.Entity<Invitation>().Id(i => i.Code, autoId: false);
        mapper.Entity<Plan>().Id(p => p.Id, autoId: false);
        mapper.Entity<Activity>().Id(a => a.Id, autoId: false);
        mapper.Entity<Region>().Id(r => r.Id, autoId: false);
        WarmUp(mapper);
        return mapper;
    }

    /// <summary>Maps one sample of every stored type, on this thread, before handlers map them in parallel.</summary>
    /// <remarks>
    /// LiteDB 5.0.21 publishes a type's entity map before filling it in, so two threads mapping a type for the first time at
    /// the same moment can see it half built ("Collection was modified", "Failed to create instance"): seen in the crash test
    /// when a restarted bot read many people's states at once.
    /// </remarks>
    private static void WarmUp(BsonMapper mapper)
    {
        var choice = new KhuyenCongBot.Core.Messaging.Choice("a", "b");
        Warm(mapper, new BotUser { Identities = ["telegram:1"], Chats = new() { ["telegram"] = "1" } });
        Warm(mapper, new SupportRecord { Extra = new() { ["k"] = "v" }, Split = new Core.Funding.FundingSplit(1, 2, 3, 4) });
        Warm(mapper, new Facility());
        Warm(mapper, new AuditEntry());
        Warm(mapper, new Invitation());
        Warm(mapper, new Plan());
        Warm(mapper, new KhuyenCongBot.Core.Broadcasts.Broadcast());
        Warm(mapper, new KhuyenCongBot.Core.Broadcasts.BroadcastRecipient());
        Warm(mapper, new ConversationState
        {
            LastChoices = [choice],
            RecentFacilities = [new RecentFacility()],
            LastReplies = [new StoredReply { Choices = [choice] }],
        });
    }

    private static void Warm<T>(BsonMapper mapper, T sample)
    {
        _ = mapper.ToObject<T>(mapper.ToDocument(sample));
    }
}
