using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>The bot's store in one LiteDB file (or ":memory:" for tests).</summary>
public sealed class LiteDbStore : IBotStore
{
    /// <summary>The layout of the file this version writes; a file from a newer version is refused (restore checks it too).</summary>
    /// <remarks>1: before the version was recorded; 2: record-number high-water mark and import batches;
    /// 3: records carry their funding split by source (a single amount became its source's part: <see cref="RecordRepository.SplitFunding"/>);
    /// 4: records may carry the code of their project (ProjectCode, indexed; an older record has none and is not rewritten). An older bot
    /// would drop that link when it rewrote a record, hence the version.</remarks>
    public const int SchemaVersion = 4;

    /// <summary>The meta key holding <see cref="SchemaVersion"/>.</summary>
    public const string SchemaVersionKey = "schema-version";

    private readonly LiteDatabase _db;
    private readonly DatabaseLock? _lock;
    private readonly StoreTransactions _transactions;
    private readonly GroupCommitter _groupCommit;

    public LiteDbStore(string path)
    {
        Mapper = CreateMapper();
        if (path == ":memory:")
        {
            _db = new LiteDatabase(new MemoryStream(), Mapper);
        }
        else
        {
            var full = Path.GetFullPath(path);
            var dir = Path.GetDirectoryName(full);
            // From here on whatever the bot creates (this file, LiteDB's log, backups, exports) is readable by its account only.
            PrivateFiles.RestrictNewFiles();
            if (!string.IsNullOrEmpty(dir))
            {
                PrivateFiles.CreateFolder(dir);
            }
            PrivateFiles.Restrict(full);
            PrivateFiles.Restrict(LogPathOf(full));
            // One owner: nobody else (no other process, no other store here) opens the file while this store is open.
            _lock = DatabaseLock.Acquire(full);
            try
            {
                var connection = new ConnectionString { Filename = full, Connection = ConnectionType.Direct };
                if (File.Exists(full))
                {
                    UpgradeApart(connection, Mapper, RecordRepository.EnsureIndexes);
                    UpgradeApart(connection, Mapper, FacilityRepository.EnsureSearchable);
                    UpgradeApart(connection, Mapper, RecordRepository.SplitFunding);
                }
                _db = new LiteDatabase(connection, Mapper);
                _ = _db.GetCollectionNames().Count();
                _db.CheckpointSize = CheckpointPages;
            }
            catch (IOException ex)
            {
                _lock.Dispose();
                throw new StoreOpenException(full, "không mở được (" + ex.Message + ")");
            }
            catch (LiteException ex)
            {
                _lock.Dispose();
                throw new StoreOpenException(full, "tệp hỏng hoặc không phải LiteDB (" + ex.Message + "); khôi phục từ bản sao lưu bằng lệnh restore");
            }
            catch (InvalidCastException ex)
            {
                _lock.Dispose();
                throw new StoreOpenException(full, "tệp hỏng (" + ex.Message + "); khôi phục từ bản sao lưu bằng lệnh restore");
            }
            catch
            {
                _lock.Dispose();
                throw;
            }
        }
        Path_ = path;
        _transactions = new StoreTransactions(_db, BeforeCommit, Committed, FoldConversationLog, RolledBack);
        _groupCommit = new GroupCommitter(_transactions);
        Catalogue = new CatalogueRepository(_db);
        Records = new RecordRepository(_db, this);
        Facilities = new FacilityRepository(_db, this);
        Plans = new PlanRepository(_db);
        Users = new UserRepository(_db, this);
        Invitations = new InvitationRepository(_db);
        Conversations = new ConversationRepository(_db, this);
        Audit = new AuditRepository(_db);
        Meta = new MetaRepository(_db, this);
        Projects = new ProjectRepository(_db, this);
        Attachments = new AttachmentStore(_db, this);
        Imports = new ImportBatchRepository(_db, this);
        Inbox = new InboxRepository(_db);
        RecordSchemaVersion();
    }

    /// <summary>The lock that makes this store the file's one owner (null in memory).</summary>
    public DatabaseLock? Lock => _lock;

    /// <summary>Writes <see cref="SchemaVersion"/> into the file; refuses a file written by a newer version.</summary>
    private void RecordSchemaVersion()
    {
        var stored = Meta.Get(SchemaVersionKey);
        var version = stored is null ? 1 : int.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            Dispose();
            throw new StoreOpenException(Path_, $"tệp được tạo bởi phiên bản bot mới hơn (lược đồ {version}, bản này đọc tới {SchemaVersion}); cập nhật bot trước");
        }
        if (version < SchemaVersion)
        {
            Meta.Set(SchemaVersionKey, SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The write-ahead log LiteDB keeps beside a data file: "bot.db" -> "bot-log.db".</summary>
    public static string LogPathOf(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
    }

    /// <summary>LiteDB copies its write-ahead log into the data file once the log holds this many 8 KB pages (LiteDB's default: 1,000).</summary>
    /// <remarks>
    /// Under a steady stream of messages the same index and header pages are logged again and again; a longer log copies each
    /// of them once per checkpoint instead of four times. Pipeline benchmark: 19,700 -> 23,300-24,100 updates/s; memory
    /// benchmark peak 257 MB (docs/benchmarks.md). A stop still checkpoints everything.
    /// </remarks>
    internal const int CheckpointPages = 4_000;

    /// <summary>Records read per query by Records.All(): LiteDB pins every page a query reads until it ends (a few MB here).</summary>
    public const int RecordReadChunk = 5_000;

    internal BsonMapper Mapper { get; }

    public string Path_ { get; }

    public LiteDatabase Database => _db;

    public ICatalogueRepository Catalogue { get; }
    public IRecordRepository Records { get; }
    public IFacilityRepository Facilities { get; }
    public IPlanRepository Plans { get; }
    public IUserRepository Users { get; }
    public IInvitationRepository Invitations { get; }
    public IConversationRepository Conversations { get; }
    public IAuditRepository Audit { get; }
    public IMetaRepository Meta { get; }
    public IProjectRepository Projects { get; }
    public IAttachmentStore Attachments { get; }
    public IImportBatchRepository Imports { get; }
    public IInboxRepository Inbox { get; }

    public T InTransaction<T>(Func<T> work) => _transactions.Run(work);

    /// <summary>Queues <paramref name="work"/> for a transaction it may share with the works of other messages (<see cref="GroupCommitter"/>).</summary>
    public Task<T> InTransactionAsync<T>(Func<T> work) => _groupCommit.InTransactionAsync(work);

    /// <summary>Transactions committed by the group committer, and the works they carried (for tests and benchmarks).</summary>
    public (long Transactions, long Works) GroupCommitStats => _groupCommit.Stats;

    /// <summary>Runs <paramref name="work"/> while no transaction of this store runs (for consistent file copies).</summary>
    public void Exclusive(Action work) => _transactions.Exclusive(work);

    internal bool InTransactionNow => _transactions.Active;

    /// <summary>Runs <paramref name="onCommit"/> once the current transaction commits (<paramref name="onRollback"/> if it does not); at once outside a transaction.</summary>
    internal void AfterCommit(Action onCommit, Action? onRollback = null) => _transactions.AfterCommit(onCommit, onRollback);

    /// <summary>Writes what the repositories held back for the end of the transaction (update marks, the conversation log).</summary>
    private void BeforeCommit()
    {
        ((MetaRepository)Meta).WritePendingMarks();
        ((RecordRepository)Records).WriteHighWater();
        ((ConversationRepository)Conversations).WritePending();
    }

    private void Committed()
    {
        ((ConversationRepository)Conversations).Committed();
        ((RecordRepository)Records).FlushChanges(true);
    }

    /// <summary>After a commit and what waited for it: folds the conversation log into the states when it is due.</summary>
    private void FoldConversationLog()
    {
        var conversations = (ConversationRepository)Conversations;
        if (conversations.FoldDue)
        {
            try
            {
                conversations.Fold();
            }
            catch (LiteException)
            {
                // The log stays in the file and is folded next time (or at the next open): nothing is lost.
            }
        }
    }

    private void RolledBack()
    {
        ((ConversationRepository)Conversations).RolledBack();
        ((RecordRepository)Records).FlushChanges(false);
        ((MetaRepository)Meta).DropPendingMarks();
    }

    public void Checkpoint() => _db.Checkpoint();

    public void Dispose()
    {
        _db.Dispose();
        _lock?.Dispose();
    }

    /// <summary>Runs a one-time upgrade of an existing file (new indexes, new fields) through a database instance of its own,
    /// then frees its memory when it changed anything.</summary>
    /// <remarks>
    /// Building an index over 1.000.000 records is one LiteDB transaction that pins every page it reads: ~500 MB of page cache,
    /// which LiteDB never gives back while that <see cref="LiteDatabase"/> lives. A throwaway instance limits that to a
    /// one-time peak at the first start after an upgrade.
    /// </remarks>
    internal static void UpgradeApart(ConnectionString connection, BsonMapper mapper, Func<LiteDatabase, bool> upgrade)
    {
        bool changed;
        using (var db = new LiteDatabase(connection, mapper))
        {
            changed = upgrade(db);
        }
        if (changed)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>The mapper of the store's documents (<see cref="StoreMapper"/>).</summary>
    internal static BsonMapper CreateMapper() => StoreMapper.Create();
}
