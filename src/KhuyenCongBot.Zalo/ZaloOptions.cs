using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Zalo;

/// <summary>How the bot receives updates from Zalo (the two cannot be used together).</summary>
public enum ZaloMode { Polling, Webhook }

/// <summary>Section "Zalo": the bot token, polling or webhook delivery, the public URL for files, and send limits.</summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";
    public const string DefaultApiBaseUrl = "https://bot-api.zaloplatforms.com";

    /// <summary>Token from Zalo Bot Creator ("{bot_id}:{access_token}"); never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Base URL of the Zalo Bot API.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public ZaloMode Mode { get; set; } = ZaloMode.Polling;

    /// <summary>Public HTTPS URL Zalo posts updates to (Webhook mode); its path is the endpoint mapped here.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Secret (8-256 characters) Zalo sends in X-Bot-Api-Secret-Token.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Public URL of this bot (e.g. https://bot.example.vn), where Zalo fetches charts and people download files.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Long-poll timeout of getUpdates in seconds (Polling mode).</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>First delay after a failed call to Zalo; doubles up to a minute.</summary>
    public int ErrorBackoffMilliseconds { get; set; } = 1000;

    /// <summary>Messages per second the bot sends in broadcasts (Zalo's limit is not published; keep it modest).</summary>
    public int MessagesPerSecond { get; set; } = 5;

    /// <summary>Hours a chart or spreadsheet stays downloadable at its link.</summary>
    public int FileLifetimeHours { get; set; } = 24;
}

/// <summary>Checks the Zalo section at start; each message names the bad key.</summary>
public sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        var failures = new List<string>();
        var token = options.BotToken?.Trim();
        if (string.IsNullOrEmpty(token) || token.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#'))
        {
            failures.Add("Zalo:BotToken là bắt buộc khi dùng Zalo: dán nguyên token Zalo Bot Creator cấp (dạng {bot_id}:{access_token}, không có khoảng trắng).");
        }
        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add("Zalo:ApiBaseUrl phải là địa chỉ http:// hoặc https:// (mặc định " + ZaloOptions.DefaultApiBaseUrl + ").");
        }
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !IsHttpUrl(options.PublicBaseUrl))
        {
            failures.Add("Zalo:PublicBaseUrl phải là địa chỉ https:// (hoặc http://) công khai của bot, ví dụ https://bot.example.vn.");
        }
        if (options.PollTimeoutSeconds is < 1 or > 60)
        {
            failures.Add("Zalo:PollTimeoutSeconds phải từ 1 đến 60 giây.");
        }
        if (options.ErrorBackoffMilliseconds is < 1 or > 60_000)
        {
            failures.Add("Zalo:ErrorBackoffMilliseconds phải từ 1 đến 60000.");
        }
        if (options.MessagesPerSecond is < 1 or > 100)
        {
            failures.Add("Zalo:MessagesPerSecond phải từ 1 đến 100.");
        }
        if (options.FileLifetimeHours is < 1 or > 168)
        {
            failures.Add("Zalo:FileLifetimeHours phải từ 1 đến 168 giờ.");
        }
        if (options.Mode == ZaloMode.Webhook)
        {
            if (!IsHttpUrl(options.WebhookUrl))
            {
                failures.Add("Zalo:WebhookUrl là bắt buộc ở chế độ Webhook và phải là địa chỉ https://, ví dụ https://bot.example.vn/zalo/webhook.");
            }
            if (options.WebhookSecret is null || options.WebhookSecret.Length is < 8 or > 256)
            {
                failures.Add("Zalo:WebhookSecret là bắt buộc ở chế độ Webhook: từ 8 đến 256 ký tự.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
