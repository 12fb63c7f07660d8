using System.Globalization;

namespace KhuyenCongBot.Hosting;

/// <summary>The verb and its flags; everything else goes to configuration (e.g. --Storage:DatabasePath=x).</summary>
public sealed record CommandLine(string Verb, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Flags, string[] ConfigurationArgs)
{
    private static readonly HashSet<string> Verbs = ["run", "chat", "import", "imports", "export", "backup", "restore", "help"];
    private static readonly HashSet<string> ValueFlags = ["--today", "--user", "--role", "--province", "--lang", "--db", "--undo", "--report", "--files", "--projects"];
    private static readonly HashSet<string> SwitchFlags = ["--demo", "--allow-duplicates", "--dry-run", "--no-files", "--overwrite", "--no-projects"];

    public bool Has(string flag) => Flags.ContainsKey(flag);

    public string? Get(string flag) => Flags.GetValueOrDefault(flag);

    /// <summary>Parses args; throws <see cref="ArgumentException"/> with a Vietnamese message on a bad flag.</summary>
    public static CommandLine Parse(string[] args)
    {
        var verb = "run";
        var rest = new List<string>();
        var config = new List<string>();
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        if (args.Length > 0 && Verbs.Contains(args[0].ToLowerInvariant()))
        {
            verb = args[0].ToLowerInvariant();
            i = 1;
        }
        for (; i < args.Length; i++)
        {
            var a = args[i];
            var eq = a.IndexOf('=');
            var name = eq > 0 ? a[..eq] : a;
            if (SwitchFlags.Contains(name))
            {
                flags[name] = "true";
            }
            else if (ValueFlags.Contains(name))
            {
                if (eq > 0)
                {
                    flags[name] = a[(eq + 1)..];
                }
                else if (i + 1 < args.Length)
                {
                    flags[name] = args[++i];
                }
                else
                {
                    throw new ArgumentException($"Thiếu giá trị cho {name}.");
                }
            }
            else if (a.StartsWith("--", StringComparison.Ordinal) && (a.Contains(':') || a.Contains('=')))
            {
                config.Add(a);
                if (eq < 0 && i + 1 < args.Length)
                {
                    config.Add(args[++i]);
                }
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Không hiểu tùy chọn {a}. Gõ 'help' để xem cách dùng.");
            }
            else
            {
                rest.Add(a);
            }
        }
        if (verb == "run" && rest.Count > 0)
        {
            throw new ArgumentException(args.Length > 0 && args[0] == rest[0]
                ? $"Không có lệnh '{rest[0]}'. Các lệnh: {string.Join(", ", Verbs.Order(StringComparer.Ordinal))}; gõ 'help' để xem cách dùng."
                : $"Lệnh run không nhận '{rest[0]}'. Gõ 'help' để xem cách dùng.");
        }
        if (flags.TryGetValue("--today", out var today) &&
            !DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ArgumentException($"--today cần ngày dạng yyyy-MM-dd (ví dụ 2024-06-30), không phải '{today}'.");
        }
        return new CommandLine(verb, rest, flags, [.. config]);
    }

    public const string Usage = """
        Cách dùng: dotnet run --project src/KhuyenCongBot -- <lệnh> [tùy chọn]
          run                      chạy bot với các kênh đã cấu hình (Telegram, Zalo)
          chat [--demo] [--today yyyy-MM-dd] [--user ID] [--role admin|manager|officer] [--province TÊN] [--lang vi|en]
                                   trò chuyện với bot trên terminal (mỗi dòng là một tin nhắn); mở thêm terminal thứ hai
                                   trên cùng cơ sở dữ liệu thì nó trò chuyện qua terminal/bot đang chạy
          import FILE.csv|.xlsx [--allow-duplicates] [--dry-run] [--files THƯ_MỤC | --no-files] [--projects TỆP | --no-projects]
                                   nhập bản ghi (records), kế hoạch (plans) hoặc đề án (tệp FILE-de-an.csv); tệp hay dòng đã
                                   có thì báo và bỏ qua; gắn lại tệp minh chứng (cột files) từ thư mục FILE-minh-chung bên
                                   cạnh nếu có; tạo trước các đề án của tệp FILE-de-an.csv bên cạnh nếu có (không ghi đè đề án đã có)
          import --undo SỐ_ĐỢT     hoàn tác một đợt nhập
          imports                  liệt kê các đợt nhập
          export FILE.csv|.xlsx [--files THƯ_MỤC | --no-files] [--overwrite]
                                   xuất toàn bộ bản ghi (nhập lại được) và các đề án vào FILE-de-an.csv bên cạnh;
                                   ảnh/tệp minh chứng vào thư mục FILE-minh-chung
                                   bên cạnh (tên: số bản ghi-thứ tự.jpg); tệp đã có, hay thư mục đã có nội dung, thì không
                                   ghi gì, trừ khi có --overwrite (thay tệp và thư mục tệp minh chứng bot đã xuất trước đó)
          export FILE.xlsx --report "6 tháng đầu năm 2024"
                                   tệp Excel báo cáo của kỳ (theo hoạt động, theo tỉnh, danh sách đề án; bố cục: seeds/reports)
          backup FILE|THƯ_MỤC      sao lưu cơ sở dữ liệu (kiểm tra bản sao trước khi đặt tên)
          restore FILE [--dry-run] khôi phục từ bản sao lưu (kiểm tra trước; bot phải dừng)
        Khi bot (run) hay một chat đang giữ cơ sở dữ liệu, import/export/backup/imports đi qua tiến trình đó.
        Cấu hình: appsettings.json, biến môi trường (Telegram__BotToken) hoặc --Telegram:BotToken=...
        """;
}
