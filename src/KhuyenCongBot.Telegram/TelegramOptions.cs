using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Telegram;

/// <summary>How the bot receives updates from Telegram.</summary>
public enum TelegramMode { Polling, Webhook }

/// <summary>Section "Telegram": the bot token, an optional local Bot API server, and polling or webhook delivery.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Token from @BotFather ("123456:ABC..."); never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Base URL of a local Bot API server (e.g. http://localhost:8081); empty for api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public URL Telegram posts updates to (Webhook mode); its path is the endpoint mapped here.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Long-poll timeout of getUpdates in seconds (Polling mode).</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>First delay after a failed call to Telegram; doubles up to a minute.</summary>
    public int ErrorBackoffMilliseconds { get; set; } = 1000;
}

/// <summary>Checks the Telegram section at start; each message names the bad key.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken) || !TokenShape().IsMatch(options.BotToken.Trim()))
        {
            failures.Add("Telegram:BotToken phải có dạng 123456:ABC... (số, dấu hai chấm, rồi chuỗi ký tự) như @BotFather cấp.");
        }
        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add("Telegram:ApiBaseUrl phải là địa chỉ http:// hoặc https:// (ví dụ http://localhost:8081).");
        }
        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            failures.Add("Telegram:PollTimeoutSeconds phải từ 0 đến 50 giây.");
        }
        if (options.ErrorBackoffMilliseconds is < 1 or > 60_000)
        {
            failures.Add("Telegram:ErrorBackoffMilliseconds phải từ 1 đến 60000.");
        }
        if (options.Mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(options.WebhookUrl) || !IsHttpUrl(options.WebhookUrl))
            {
                failures.Add("Telegram:WebhookUrl là bắt buộc ở chế độ Webhook và phải là địa chỉ https:// (hoặc http://), ví dụ https://bot.example.vn/telegram/webhook.");
            }
            if (string.IsNullOrEmpty(options.WebhookSecret) || !SecretShape().IsMatch(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret là bắt buộc ở chế độ Webhook: 1-256 ký tự A-Z, a-z, 0-9, _ hoặc -.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
