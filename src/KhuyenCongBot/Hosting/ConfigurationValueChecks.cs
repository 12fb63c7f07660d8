using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Zalo;

using static KhuyenCongBot.Hosting.ConfigurationCheck;

namespace KhuyenCongBot.Hosting;

/// <summary>Checks of single values: integer ranges, cron schedules, URLs, webhooks, files and folders.</summary>
internal static class ConfigurationValueChecks
{
    internal static void CheckIntRange(IConfiguration c, string key, long min, long max, List<string> errors)
    {
        if (Value(c, key) is { } v && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && (n < min || n > max))
        {
            errors.Add(Line(key, v, $"phải là số nguyên từ {min} đến {max}", $"must be a whole number from {min} to {max}"));
        }
    }

    internal static void CheckCron(IConfiguration c, string key, bool allowSeconds, List<string> errors)
    {
        if (Value(c, key) is not { } cron)
        {
            return;
        }
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = allowSeconds && fields == 6 ? Cronos.CronFormat.IncludeSeconds : Cronos.CronFormat.Standard;
        if (!Cronos.CronExpression.TryParse(cron, format, out _))
        {
            errors.Add(Line(key, cron,
                "không phải biểu thức cron 5 trường (phút giờ ngày tháng thứ), ví dụ \"0 2 * * *\" là 2 giờ sáng mỗi ngày" + (allowSeconds ? " (hoặc 6 trường, có giây đứng đầu)" : ""),
                "not a 5-field cron expression (minute hour day month weekday), e.g. \"0 2 * * *\" is every day at 02:00" + (allowSeconds ? " (or 6 fields, seconds first)" : "")));
        }
    }

    internal static void CheckUrl(IConfiguration c, string key, List<string> errors)
    {
        if (Value(c, key) is { } url && !IsHttpUrl(url))
        {
            errors.Add(Line(key, url, "phải là địa chỉ http:// hoặc https:// đầy đủ, ví dụ https://bot.example.vn", "must be a full http:// or https:// address, e.g. https://bot.example.vn"));
        }
    }

    internal static void CheckWebhook(IConfiguration c, string section, List<string> errors, Func<string, bool> secretOk, string secretVi, string secretEn)
    {
        var mode = Value(c, section + ":Mode");
        var webhook = string.Equals(mode, "Webhook", StringComparison.OrdinalIgnoreCase);
        var url = Value(c, section + ":WebhookUrl");
        var secret = c[section + ":WebhookSecret"];
        if (url is not null && !IsHttpUrl(url))
        {
            errors.Add(Line(section + ":WebhookUrl", url, "phải là địa chỉ https:// công khai, ví dụ https://bot.example.vn/" + section.ToLowerInvariant() + "/webhook",
                "must be a public https:// address, e.g. https://bot.example.vn/" + section.ToLowerInvariant() + "/webhook"));
        }
        if (!webhook || Value(c, section + ":BotToken") is null)
        {
            return;
        }
        if (url is null)
        {
            errors.Add(Line(section + ":WebhookUrl", null, $"bắt buộc khi {section}:Mode=Webhook", $"required when {section}:Mode=Webhook"));
        }
        if (string.IsNullOrEmpty(secret) || !secretOk(secret))
        {
            errors.Add(Line(section + ":WebhookSecret", string.IsNullOrEmpty(secret) ? null : secret,
                $"bắt buộc khi {section}:Mode=Webhook: {secretVi}", $"required when {section}:Mode=Webhook: {secretEn}"));
        }
    }

    /// <summary>A file path: not a folder, and its folder can be created and written.</summary>
    internal static void CheckFilePath(IConfiguration c, string key, List<string> errors)
    {
        if (Value(c, key) is not { } path || path == ":memory:")
        {
            return;
        }
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            errors.Add(Line(key, path, "không phải đường dẫn tệp hợp lệ", "is not a valid file path"));
            return;
        }
        if (Directory.Exists(full))
        {
            errors.Add(Line(key, path, "là một thư mục; cần đường dẫn tệp, ví dụ data/khuyencong.db", "is a folder; give a file path, e.g. data/khuyencong.db"));
            return;
        }
        CheckWritableFolder(key, path, Path.GetDirectoryName(full), errors);
    }

    /// <summary>A folder: not a file, and it can be created and written.</summary>
    internal static void CheckFolder(IConfiguration c, string key, List<string> errors)
    {
        if (Value(c, key) is not { } path)
        {
            return;
        }
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            errors.Add(Line(key, path, "không phải đường dẫn thư mục hợp lệ", "is not a valid folder path"));
            return;
        }
        if (File.Exists(full))
        {
            errors.Add(Line(key, path, "là một tệp; cần một thư mục", "is a file; give a folder"));
            return;
        }
        CheckWritableFolder(key, path, full, errors);
    }

    internal static void CheckWritableFolder(string key, string value, string? folder, List<string> errors)
    {
        // The nearest folder that exists must be a folder the bot can write in (it creates the rest).
        var existing = folder;
        while (!string.IsNullOrEmpty(existing) && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                errors.Add(Line(key, value, $"{existing} là một tệp, không tạo được thư mục trong đó", $"{existing} is a file; no folder can be made inside it"));
                return;
            }
            existing = Path.GetDirectoryName(existing);
        }
        if (string.IsNullOrEmpty(existing))
        {
            return;
        }
        var probe = Path.Combine(existing, $".kcb-write-check-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(Line(key, value, $"bot không ghi được vào thư mục {existing} (quyền truy cập?)", $"the bot cannot write in {existing} (permissions?)"));
        }
    }

    internal static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
