using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Zalo;

using static KhuyenCongBot.Hosting.ConfigurationValueChecks;

namespace KhuyenCongBot.Hosting;

/// <summary>
/// Checks every key of the bot's configuration sections before anything starts: types, ranges, time zone, cron
/// expressions, URLs, paths and token shapes. Every problem is one line in Vietnamese and English naming the key and what
/// is allowed; all of them are reported at once.
/// </summary>
/// <remarks>
/// The keys are the properties of the options classes (so a key added to an options class is checked for its type and
/// range without touching this file); the rules that need more than a type (zones, cron, URLs, paths, tokens) are below.
/// Secret values (tokens, webhook secrets) are never repeated in a message.
/// </remarks>
public static partial class ConfigurationCheck
{
    /// <summary>The bot's sections and the options class each binds to.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [BotOptions.Section] = typeof(BotOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [BroadcastOptions.Section] = typeof(BroadcastOptions),
        [BackupOptions.Section] = typeof(BackupOptions),
        [KhuyenCongBot.Core.Figures.Questions.FiguresOptions.Section] = typeof(KhuyenCongBot.Core.Figures.Questions.FiguresOptions),
        [TelegramOptions.Section] = typeof(TelegramOptions),
        [ZaloOptions.Section] = typeof(ZaloOptions),
    };

    /// <summary>Sections only `run` uses (the channels).</summary>
    internal static readonly HashSet<string> ChannelSections = new(StringComparer.OrdinalIgnoreCase) { TelegramOptions.Section, ZaloOptions.Section };

    internal static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Telegram:BotToken", "Telegram:WebhookSecret", "Zalo:BotToken", "Zalo:WebhookSecret",
    };

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    internal static partial Regex TelegramTokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    internal static partial Regex TelegramSecretShape();

    [GeneratedRegex(@"^(telegram:-?\d{1,20}|zalo:[A-Za-z0-9_.\-]{1,100}|terminal:\S{1,100})$", RegexOptions.IgnoreCase)]
    internal static partial Regex AdminShape();

    /// <summary>Every problem in <paramref name="configuration"/>, one line each (empty when all is well).</summary>
    /// <param name="channels">Whether the channel sections (Telegram, Zalo) are checked too (the `run` verb).</param>
    public static IReadOnlyList<string> Check(IConfiguration configuration, bool channels)
    {
        var errors = new List<string>();
        foreach (var (section, type) in Sections)
        {
            if (!channels && ChannelSections.Contains(section))
            {
                continue;
            }
            CheckSection(configuration, section, type, errors);
        }
        CheckSemantics(configuration, channels, errors);
        return errors;
    }

    /// <summary>The lines to print for a list of problems: a header, then one line per problem.</summary>
    public static string Describe(IReadOnlyList<string> errors) =>
        $"Cấu hình không hợp lệ ({errors.Count} lỗi) / Invalid configuration ({errors.Count} error(s)):\n"
        + string.Join("\n", errors.Select(e => "  " + e));

    internal static string Line(string key, string? value, string vi, string en)
    {
        var shown = value is null ? "" : SecretKeys.Contains(key) ? " (giá trị ẩn / value hidden)" : $" = '{Clip(value)}'";
        return $"{key}{shown}: {vi} | {en}";
    }

    internal static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";

    internal static void CheckSection(IConfiguration configuration, string section, Type type, List<string> errors)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection(section).GetChildren())
        {
            var key = $"{section}:{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                var suggestion = Closest(child.Key, properties.Keys);
                errors.Add(suggestion is not null
                    ? Line(key, null, $"không có khóa này; có phải ý bạn là {section}:{suggestion}?", $"unknown key; did you mean {section}:{suggestion}?")
                    : Line(key, null, $"không có khóa này; các khóa của {section}: {string.Join(", ", properties.Keys)}",
                        $"unknown key; the keys of {section} are {string.Join(", ", properties.Keys)}"));
                continue;
            }
            if (IsPlaceholder(child.Value))
            {
                errors.Add(Placeholder(key));
                continue;
            }
            CheckValue(key, child, property, errors);
        }
        // Required keys that are missing or empty keep their defaults; a default is never empty, but an explicit "" is caught above.
    }

    internal static void CheckValue(string key, IConfigurationSection child, PropertyInfo property, List<string> errors)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            if (child.Value is { Length: > 0 } scalar)
            {
                errors.Add(Line(key, scalar, $"phải là danh sách ({key}:0, {key}:1, …)", $"must be a list ({key}:0, {key}:1, …)"));
            }
            return;
        }
        if (child.GetChildren().Any())
        {
            errors.Add(Line(key, null, "phải là một giá trị, không phải một nhóm khóa", "must be a single value, not a group of keys"));
            return;
        }
        var raw = child.Value;
        var value = raw?.Trim() ?? "";
        var required = property.GetCustomAttribute<RequiredAttribute>() is not null;
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(Line(key, raw, "không được để trống", "must not be empty"));
            }
            return;
        }
        var range = property.GetCustomAttribute<RangeAttribute>();
        if (type == typeof(int) || type == typeof(long))
        {
            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || (type == typeof(int) && n is < int.MinValue or > int.MaxValue))
            {
                errors.Add(Line(key, raw, "phải là số nguyên" + RangeVi(range), "must be a whole number" + RangeEn(range)));
            }
            else if (range is not null && (n < Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture) || n > Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture)))
            {
                errors.Add(Line(key, raw, "phải là số nguyên" + RangeVi(range), "must be a whole number" + RangeEn(range)));
            }
        }
        else if (type == typeof(double) || type == typeof(decimal))
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            {
                errors.Add(Line(key, raw, "phải là số (dấu chấm thập phân, ví dụ 2.5)" + RangeVi(range), "must be a number (decimal point, e.g. 2.5)" + RangeEn(range)));
            }
            else if (range is not null && (d < Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture) || d > Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture)))
            {
                errors.Add(Line(key, raw, "phải là số" + RangeVi(range), "must be a number" + RangeEn(range)));
            }
        }
        else if (type == typeof(bool))
        {
            if (!bool.TryParse(value, out _))
            {
                errors.Add(Line(key, raw, "phải là true hoặc false", "must be true or false"));
            }
        }
        else if (type.IsEnum)
        {
            if (!Enum.TryParse(type, value, ignoreCase: true, out var parsed) || !Enum.IsDefined(type, parsed!) || value.All(char.IsAsciiDigit))
            {
                var names = string.Join(" hoặc ", Enum.GetNames(type));
                errors.Add(Line(key, raw, $"phải là {names}", $"must be {string.Join(" or ", Enum.GetNames(type))}"));
            }
        }
        else if (type == typeof(TimeSpan))
        {
            if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                errors.Add(Line(key, raw, "phải là khoảng thời gian dạng hh:mm:ss", "must be a time span like hh:mm:ss"));
            }
        }
    }

    internal static string RangeVi(RangeAttribute? range) =>
        range is null ? "" : $" từ {Fmt(range.Minimum)} đến {Fmt(range.Maximum)}";

    internal static string RangeEn(RangeAttribute? range) =>
        range is null ? "" : $" from {Fmt(range.Minimum)} to {Fmt(range.Maximum)}";

    internal static string Fmt(object bound) => Convert.ToString(bound, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Rules that need more than a type: time zone, cron expressions, URLs, paths, tokens, admins.</summary>
    internal static void CheckSemantics(IConfiguration c, bool channels, List<string> errors)
    {
        if (Value(c, "Bot:TimeZone") is { } zone)
        {
            try
            {
                _ = TimeZoneInfo.FindSystemTimeZoneById(zone);
            }
            catch (Exception) when (zone is not ("Asia/Ho_Chi_Minh" or "SE Asia Standard Time"))
            {
                errors.Add(Line("Bot:TimeZone", zone, "không có múi giờ này; dùng tên IANA, ví dụ Asia/Ho_Chi_Minh", "unknown time zone; use an IANA name such as Asia/Ho_Chi_Minh"));
            }
        }
        var admins = c.GetSection("Bot:Admins");
        foreach (var admin in admins.GetChildren())
        {
            var v = admin.Value?.Trim() ?? "";
            if (IsPlaceholder(v) || v.Contains('<'))
            {
                errors.Add(Placeholder($"Bot:Admins:{admin.Key}"));
            }
            else if (!AdminShape().IsMatch(v))
            {
                errors.Add(Line($"Bot:Admins:{admin.Key}", admin.Value ?? "", "phải có dạng telegram:<số id> hoặc zalo:<id>, ví dụ telegram:123456789",
                    "must look like telegram:<numeric id> or zalo:<id>, e.g. telegram:123456789"));
            }
        }
        if (Value(c, "Bot:TelegramBotUsername") is { } username && !System.Text.RegularExpressions.Regex.IsMatch(username, @"^@?[A-Za-z0-9_]{5,32}$"))
        {
            errors.Add(Line("Bot:TelegramBotUsername", username, "phải là tên bot Telegram (5-32 chữ cái, số hoặc _, ví dụ khuyencong_bot), hoặc để trống",
                "must be a Telegram bot username (5-32 letters, digits or _, e.g. khuyencong_bot), or empty"));
        }
        CheckCron(c, "Backup:Cron", allowSeconds: true, errors);
        CheckCron(c, "Broadcast:ReminderCron", allowSeconds: false, errors);

        CheckFilePath(c, "Storage:DatabasePath", errors);
        CheckFolder(c, "Storage:OutputPath", errors);
        CheckFolder(c, "Backup:Folder", errors);
        if (Value(c, "Storage:SeedsPath") is { } seeds)
        {
            if (!File.Exists(Path.Combine(Path.GetFullPath(seeds), "catalogue", "activities.json")))
            {
                errors.Add(Line("Storage:SeedsPath", seeds, "thư mục này không có catalogue/activities.json (thư mục seeds của bot); để trống để dùng seeds cạnh chương trình",
                    "this folder has no catalogue/activities.json (the bot's seeds folder); leave it empty to use the seeds beside the program"));
            }
        }
        if (Value(c, "Urls") is { } urls)
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var probe = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
                if (!IsHttpUrl(probe))
                {
                    errors.Add(Line("Urls", url, "mỗi địa chỉ phải có dạng http://máy:cổng (ví dụ http://0.0.0.0:8080), cách nhau bởi dấu ;",
                        "each address must look like http://host:port (e.g. http://0.0.0.0:8080), separated by ;"));
                }
            }
        }
        CheckCodeAttempts(c, errors);
        if (!channels)
        {
            return;
        }
        if (Value(c, "Telegram:BotToken") is { } telegramToken && !TelegramTokenShape().IsMatch(telegramToken))
        {
            errors.Add(Line("Telegram:BotToken", telegramToken, "phải có dạng 123456:ABC… (số, dấu hai chấm, rồi chữ, số, _ hoặc -) như @BotFather cấp",
                "must look like 123456:ABC… (digits, a colon, then letters, digits, _ or -) as @BotFather gives it"));
        }
        CheckUrl(c, "Telegram:ApiBaseUrl", errors);
        CheckUrl(c, "Zalo:ApiBaseUrl", errors);
        CheckUrl(c, "Zalo:PublicBaseUrl", errors);
        if (Value(c, "Zalo:BotToken") is { } zaloToken && zaloToken.Any(ch => char.IsWhiteSpace(ch) || ch is '/' or '?' or '#'))
        {
            errors.Add(Line("Zalo:BotToken", zaloToken, "dán nguyên token Zalo Bot Creator cấp (dạng {bot_id}:{access_token}, không có khoảng trắng, /, ? hay #)",
                "paste the token exactly as Zalo Bot Creator gives it ({bot_id}:{access_token}, no spaces, /, ? or #)"));
        }
        CheckWebhook(c, "Telegram", errors, secret => TelegramSecretShape().IsMatch(secret),
            "1-256 ký tự A-Z, a-z, 0-9, _ hoặc -", "1-256 characters A-Z, a-z, 0-9, _ or -");
        CheckWebhook(c, "Zalo", errors, secret => secret.Length is >= 8 and <= 256, "từ 8 đến 256 ký tự", "8 to 256 characters");
        CheckIntRange(c, "Telegram:PollTimeoutSeconds", 0, 50, errors);
        CheckIntRange(c, "Telegram:ErrorBackoffMilliseconds", 1, 60_000, errors);
        CheckIntRange(c, "Zalo:PollTimeoutSeconds", 1, 60, errors);
        CheckIntRange(c, "Zalo:ErrorBackoffMilliseconds", 1, 60_000, errors);
        CheckIntRange(c, "Zalo:MessagesPerSecond", 1, 100, errors);
        CheckIntRange(c, "Zalo:FileLifetimeHours", 1, 168, errors);
    }

    /// <summary>Everyone's wrong codes together must allow at least one sender's (Bot:CodeAttemptsGlobal >= Bot:CodeAttemptsPerSender).</summary>
    internal static void CheckCodeAttempts(IConfiguration c, List<string> errors)
    {
        var defaults = new BotOptions();
        long Read(string key, long fallback) =>
            Value(c, key) is { } v && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        var perSender = Read("Bot:CodeAttemptsPerSender", defaults.CodeAttemptsPerSender);
        var global = Read("Bot:CodeAttemptsGlobal", defaults.CodeAttemptsGlobal);
        if (global < perSender)
        {
            errors.Add(Line("Bot:CodeAttemptsGlobal", global.ToString(CultureInfo.InvariantCulture),
                $"phải lớn hơn hoặc bằng Bot:CodeAttemptsPerSender ({perSender})",
                $"must be at least Bot:CodeAttemptsPerSender ({perSender})"));
        }
    }

    internal static string? Value(IConfiguration c, string key) => c[key] is { } v && v.Trim().Length > 0 && !IsPlaceholder(v) ? v.Trim() : null;

    /// <summary>A value still as appsettings.example.json has it ("&lt;token from @BotFather…&gt;").</summary>
    internal static bool IsPlaceholder(string? value) => value is { } v && v.TrimStart().StartsWith('<') && v.TrimEnd().EndsWith('>');

    internal static string Placeholder(string key) => Line(key, null,
        "vẫn là chỗ trống của appsettings.example.json (<…>): điền giá trị thật, hoặc xoá dòng này nếu không dùng",
        "still the placeholder from appsettings.example.json (<…>): fill in a real value, or remove the line if unused");

    /// <summary>The known key closest to a mistyped one (at most a third of its letters off), for "did you mean".</summary>
    internal static string? Closest(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            var d = Distance(key.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = k;
                bestDistance = d;
            }
        }
        return best is not null && (bestDistance <= Math.Max(2, key.Length / 3) || best.StartsWith(key, StringComparison.OrdinalIgnoreCase)) ? best : null;
    }

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
