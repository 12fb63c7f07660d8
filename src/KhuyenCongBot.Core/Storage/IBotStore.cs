using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Storage;

/// <summary>The bot's one database. All methods are synchronous and thread-safe.</summary>
public interface IBotStore : IDisposable
{
    ICatalogueRepository Catalogue { get; }
    IRecordRepository Records { get; }
    IFacilityRepository Facilities { get; }
    IPlanRepository Plans { get; }
    IUserRepository Users { get; }
    IInvitationRepository Invitations { get; }
    IConversationRepository Conversations { get; }
    IAuditRepository Audit { get; }
    IMetaRepository Meta { get; }
    IImportBatchRepository Imports { get; }
    IInboxRepository Inbox { get; }

    /// <summary>Đề án khuyến công and their lifecycle (write through <see cref="ProjectLifecycle"/>).</summary>
    IProjectRepository Projects { get; }

    /// <summary>Evidence files of records, in the same database.</summary>
    IAttachmentStore Attachments { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of its writes happen, or none.</summary>
    T InTransaction<T>(Func<T> work);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction shared with the work other callers queued meanwhile (group commit);
    /// the task completes once that transaction is committed. All of the work's writes happen, or none; a failing work
    /// fails alone. The work runs on another thread: it must only write to the store and the objects it was given.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<T> work);

    /// <summary>Writes everything to the data file (checkpoint).</summary>
    void Checkpoint();
}

public interface ICatalogueRepository
{
    IReadOnlyList<Activity> Activities();
    IReadOnlyList<ProvinceUnit> Provinces();
    IReadOnlyList<Region> Regions();
    void UpsertActivities(IEnumerable<Activity> activities);
    void UpsertProvinces(IEnumerable<ProvinceUnit> provinces);
    void UpsertRegions(IEnumerable<Region> regions);
}

/// <summary>A record change, raised after the write is committed.</summary>
public sealed record RecordChange(SupportRecord? Before, SupportRecord? After);

public interface IRecordRepository
{
    /// <summary>Raised after a record is added, changed or deleted.</summary>
    event Action<RecordChange>? Changed;

    SupportRecord? Get(long id);

    /// <summary>Reserves the next record id (a rolled-back reservation leaves a gap); Add uses it when the record has none.</summary>
    long NextId();

    /// <summary>Adds the record and sets its Id.</summary>
    long Add(SupportRecord record);

    /// <summary>Adds many records at once (import), in one transaction.</summary>
    void AddMany(IReadOnlyList<SupportRecord> records);

    void Update(SupportRecord record);
    bool Delete(long id);
    IReadOnlyList<SupportRecord> ByUser(long userId, int limit);
    IEnumerable<SupportRecord> All();
    int Count();

    /// <summary>The records linked to a project (<see cref="SupportRecord.ProjectCode"/> equal to its code as written), in id order.</summary>
    IReadOnlyList<SupportRecord> ByProject(string projectCode);
}

public interface IFacilityRepository
{
    Facility? Get(long id);
    long Add(Facility facility);
    Facility? FindByName(string provinceId, string normalizedName);

    /// <summary>Facilities registered with this tax or registration number (as stored, <see cref="Facility.TaxId"/>), at most <paramref name="limit"/>.</summary>
    IReadOnlyList<Facility> ByTaxId(string taxId, int limit);

    /// <summary>Every facility of one province unit: unbounded, not for per-message use (see <see cref="Search"/>).</summary>
    IReadOnlyList<Facility> InProvince(string provinceId);

    /// <summary>Every facility, read in chunks (exports).</summary>
    IEnumerable<Facility> All();

    /// <summary>
    /// The facilities of <paramref name="provinceIds"/> whose names match <paramref name="query"/> best (FacilitySearch scores at or
    /// above <paramref name="threshold"/>), best first. Reads a bounded number of facilities whatever the province's size.
    /// </summary>
    IReadOnlyList<(Facility Facility, double Score)> Search(IReadOnlyCollection<string> provinceIds, string query, int limit, double threshold);

    /// <summary>The communes most facilities of <paramref name="provinceIds"/> are in, most first (as first written).</summary>
    IReadOnlyList<string> TopCommunes(IReadOnlyCollection<string> provinceIds, int limit);
}

public interface IPlanRepository
{
    Plan? Get(string id);
    void Upsert(Plan plan);
    bool Delete(string id);
    void UpsertMany(IEnumerable<Plan> plans);
    IReadOnlyList<Plan> ForYear(int year);
    IEnumerable<Plan> All();
}

public interface IUserRepository
{
    BotUser? Get(long id);
    BotUser? FindByIdentity(string identityKey);
    long Add(BotUser user);
    void Update(BotUser user);
    IReadOnlyList<BotUser> All();
}

public interface IInvitationRepository
{
    Invitation? Get(string code);
    void Add(Invitation invitation);
    void Update(Invitation invitation);

    /// <summary>Codes neither used nor cancelled that <paramref name="userId"/> made or that link an account to them.</summary>
    IReadOnlyList<Invitation> Outstanding(long userId);

    /// <summary>Invitations (not link codes) neither used, cancelled nor expired at <paramref name="now"/>, the soonest to expire first.</summary>
    IReadOnlyList<Invitation> Pending(DateTimeOffset now);
}

public interface IConversationRepository
{
    /// <summary>The person's state, or null when there is none; throws <see cref="UnreadableStateException"/> when the stored one cannot be read.</summary>
    ConversationState? Get(long userId);
    void Save(ConversationState state);
    IReadOnlyList<ConversationState> Active();

    /// <summary>Copies and serializes a state now, on the caller's thread, so saving it inside a (shared) transaction is cheap.</summary>
    PreparedConversation Prepare(ConversationState state);

    /// <summary>Saves a state prepared earlier (as it was when prepared).</summary>
    void Save(PreparedConversation prepared);
}

/// <summary>A stored conversation state that cannot be read (a damaged file, or a format this version does not know).</summary>
public sealed class UnreadableStateException(long userId, Exception inner)
    : Exception($"The conversation state of user {userId} cannot be read: {inner.Message}", inner)
{
    public long UserId { get; } = userId;
}

/// <summary>A conversation state copied and serialized ahead of its transaction.</summary>
/// <param name="UserId">The person the state belongs to.</param>
/// <param name="Payload">The store's own serialized form of the state as it was when prepared.</param>
public sealed record PreparedConversation(long UserId, object Payload);

public interface IAuditRepository
{
    void Add(AuditEntry entry);
    IReadOnlyList<AuditEntry> ForEntity(string entity, string entityId);
}

/// <summary>Small named values (seed versions, processed update keys).</summary>
public interface IMetaRepository
{
    string? Get(string key);
    void Set(string key, string value);

    /// <summary>Marks an update key handled; false when it was already handled.</summary>
    bool TryMarkHandled(string updateKey, DateTimeOffset at);

    /// <summary>Whether an update key has been marked handled (by this process or an earlier one on the same file).</summary>
    bool IsHandled(string updateKey);

    /// <summary>Whether an update key was handled by an earlier process (read from the file at start).</summary>
    bool HandledBeforeStart(string updateKey);
}

/// <summary>Every import of a file is a batch: listed, recognised when the same file comes again, and undoable.</summary>
public interface IImportBatchRepository
{
    /// <summary>Adds the batch and sets its Id (numbers are never reused).</summary>
    long Add(ImportBatch batch);

    void Update(ImportBatch batch);

    ImportBatch? Get(long id);

    /// <summary>The batches, newest first.</summary>
    IReadOnlyList<ImportBatch> All();

    /// <summary>The batches (not undone) that imported a file with this content hash, oldest first.</summary>
    IReadOnlyList<ImportBatch> WithHash(string hash);
}

/// <summary>Updates taken off a platform's queue but not handled yet (a person sending faster than the flood gate allows): kept in the file, so none is lost.</summary>
public interface IInboxRepository
{
    /// <summary>Queues an update of <paramref name="chat"/> on <paramref name="channel"/> (its platform payload); returns its id.</summary>
    long Add(string channel, string chat, string payload, DateTimeOffset at);

    /// <summary>The waiting updates of a channel, oldest first.</summary>
    IReadOnlyList<InboxItem> Pending(string channel);

    /// <summary>Whether <paramref name="chat"/> has updates waiting.</summary>
    int CountFor(string channel, string chat);

    /// <summary>Removes a handled update.</summary>
    void Remove(long id);
}

/// <summary>A waiting update.</summary>
public sealed record InboxItem(long Id, string Channel, string Chat, string Payload, DateTimeOffset At);
