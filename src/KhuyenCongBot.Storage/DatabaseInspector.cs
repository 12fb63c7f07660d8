using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>What a complete check of a database file found: its schema version, what each collection holds, its size.</summary>
public sealed record DatabaseReport(string Path, int SchemaVersion, IReadOnlyDictionary<string, int> Counts, long Bytes, DateOnly? FirstRecord, DateOnly? LastRecord)
{
    public int Records => Counts.GetValueOrDefault("records");

    /// <summary>"5.621 bản ghi (01/01/2023 – 25/11/2026), 1.012 cơ sở, 3 người dùng, 576 kế hoạch, 2 đợt nhập; lược đồ 2; 12.345 KB".</summary>
    public string Describe()
    {
        static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        var span = FirstRecord is { } f && LastRecord is { } l ? $" ({f:dd/MM/yyyy} – {l:dd/MM/yyyy})" : "";
        var parts = new List<string> { $"{N(Records)} bản ghi{span}" };
        void Add(string collection, string label)
        {
            if (Counts.TryGetValue(collection, out var n) && n > 0)
            {
                parts.Add($"{N(n)} {label}");
            }
        }
        Add("facilities", "cơ sở");
        Add("users", "người dùng");
        Add("plans", "kế hoạch");
        Add("imports", "đợt nhập");
        Add("broadcasts", "thông báo");
        Add("audit", "dòng nhật ký");
        return string.Join(", ", parts) + $"; lược đồ {SchemaVersion}; {N((int)Math.Min(int.MaxValue, Bytes / 1024))} KB";
    }
}

/// <summary>
/// Checks a database file completely before it is trusted (a restore, a backup just written): the LiteDB header, a length
/// that holds every page the header counts, every collection and every index readable to the end, the bot's collections
/// present, every record readable as a record, a schema version this program knows. Problems become a
/// <see cref="StoreOpenException"/> with one line saying what is wrong.
/// </summary>
public static class DatabaseInspector
{
    public const int PageSize = 8192;
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = 59;
    private const int LastPageIdOffset = 64;

    /// <summary>Collections every file of this bot has (written at the first start).</summary>
    private static readonly string[] BotCollections = ["activities", "provinces"];

    /// <summary>Checks <paramref name="path"/> (opened read-only; nothing is written to it) and reports what it holds.</summary>
    public static DatabaseReport Inspect(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreOpenException(path, "là một thư mục, không phải tệp sao lưu");
        }
        if (!File.Exists(full))
        {
            throw new StoreOpenException(path, "không tìm thấy tệp");
        }
        var length = new FileInfo(full).Length;
        CheckHeader(path, full, length);
        try
        {
            var mapper = LiteDbStore.CreateMapper();
            using var db = new LiteDatabase(new ConnectionString { Filename = full, ReadOnly = true, Connection = ConnectionType.Direct }, mapper);
            var names = db.GetCollectionNames().ToList();
            var missing = BotCollections.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                throw new StoreOpenException(path, $"là tệp LiteDB nhưng không phải cơ sở dữ liệu của KhuyenCongBot (thiếu bảng {string.Join(", ", missing)})");
            }
            var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                // Every document, through the primary key: every data page of the collection is read.
                var col = db.GetCollection(name);
                var n = 0;
                foreach (var _ in col.FindAll())
                {
                    n++;
                }
                counts[name] = n;
            }
            foreach (var index in db.GetCollection("$indexes").FindAll())
            {
                // Every index, walked to its end in its own order: a cut or damaged index page shows here.
                var collection = index["collection"].AsString;
                var expression = index["expression"].AsString;
                if (index["name"].AsString == "_id" || expression.Contains("[*]", StringComparison.Ordinal) || !counts.ContainsKey(collection))
                {
                    continue;
                }
                var walked = db.GetCollection(collection).Query().OrderBy(BsonExpression.Create(expression)).Select(BsonExpression.Create("$._id")).ToEnumerable().Count();
                if (walked != counts[collection])
                {
                    throw new StoreOpenException(path, $"tệp hỏng: chỉ mục {collection}.{index["name"].AsString} có {walked} mục cho {counts[collection]} tài liệu");
                }
            }
            DateOnly? first = null, last = null;
            if (names.Contains("records"))
            {
                foreach (var doc in db.GetCollection("records").FindAll())
                {
                    var record = mapper.ToObject<Core.Records.SupportRecord>(doc);
                    first = first is null || record.Date < first ? record.Date : first;
                    last = last is null || record.Date > last ? record.Date : last;
                }
            }
            var stored = names.Contains("meta") ? db.GetCollection("meta").FindById(LiteDbStore.SchemaVersionKey)?["v"].AsString : null;
            var version = stored is null ? 1 : int.Parse(stored, CultureInfo.InvariantCulture);
            if (version > LiteDbStore.SchemaVersion)
            {
                throw new StoreOpenException(path, $"được tạo bởi phiên bản bot mới hơn (lược đồ {version}; bản này đọc tới lược đồ {LiteDbStore.SchemaVersion}); cập nhật bot trước khi khôi phục");
            }
            return new DatabaseReport(full, version, counts, length, first, last);
        }
        catch (StoreOpenException)
        {
            throw;
        }
        catch (IOException ex)
        {
            throw new StoreOpenException(path, "không đọc được (" + ex.Message + ")");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // LiteDB reports damage in many ways (LiteException, InvalidCast, IndexOutOfRange, NullReference...): all are "damaged".
            throw new StoreOpenException(path, "tệp hỏng, không đọc hết được (" + Short(ex.Message) + ")");
        }
    }

    private static string Short(string message) => message.Length <= 120 ? message : message[..120] + "…";

    /// <summary>The first page says it is a LiteDB 5 file, and the file is as long as the pages it counts.</summary>
    private static void CheckHeader(string path, string full, long length)
    {
        var head = new byte[PageSize];
        int read;
        using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (read < HeaderInfoOffset + HeaderInfo.Length + 9 || Encoding.ASCII.GetString(head, HeaderInfoOffset, HeaderInfo.Length) != HeaderInfo)
        {
            throw new StoreOpenException(path, Foreign(head.AsSpan(0, read)));
        }
        if (head[FileVersionOffset] != 8)
        {
            throw new StoreOpenException(path, $"là tệp LiteDB phiên bản định dạng {head[FileVersionOffset]}, bot này dùng LiteDB 5 (định dạng 8)");
        }
        var lastPage = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(LastPageIdOffset, 4));
        var needed = ((long)lastPage + 1) * PageSize;
        if (length < needed || length % PageSize != 0)
        {
            throw new StoreOpenException(path,
                $"tệp bị cắt cụt hoặc chép dở: {length / 1024} KB, cần {needed / 1024} KB (đủ {lastPage + 1} trang); dùng một bản sao lưu khác");
        }
    }

    /// <summary>What a file that is not a LiteDB database looks like, in words.</summary>
    private static string Foreign(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return "tệp rỗng (0 byte), không phải bản sao lưu";
        }
        if (head.StartsWith("PK"u8))
        {
            return "là tệp nén/Excel (.zip, .xlsx), không phải bản sao lưu cơ sở dữ liệu; để nhập số liệu dùng lệnh import";
        }
        if (head.StartsWith("SQLite format"u8))
        {
            return "là tệp SQLite, không phải bản sao lưu của bot (LiteDB)";
        }
        var text = head.ToArray().Count(b => b is 9 or 10 or 13 || b >= 32) > head.Length * 0.95;
        if (text)
        {
            var start = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 200)]).TrimStart('\uFEFF');
            return start.StartsWith("date,", StringComparison.OrdinalIgnoreCase) || start.StartsWith("year,", StringComparison.OrdinalIgnoreCase) || start.Contains(',')
                ? "là tệp văn bản CSV, không phải bản sao lưu cơ sở dữ liệu; để nhập CSV dùng lệnh import"
                : "là tệp văn bản, không phải bản sao lưu cơ sở dữ liệu";
        }
        return "không phải tệp cơ sở dữ liệu LiteDB (thiếu phần đầu \"** This is a LiteDB file **\")";
    }
}
