using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Zalo;

/// <summary>A call Zalo refused (ok=false) or answered with an unreadable body; the message never contains the token.</summary>
public sealed class ZaloApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null)
    : Exception($"Zalo {method}: {errorCode} {description}")
{
    public string Method { get; } = method;

    /// <summary>Zalo's error_code (or the HTTP status when the body had none); 408 from getUpdates means "nothing yet".</summary>
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The Zalo Bot API over HttpClient: POST {base}/bot{token}/{method} with a JSON body; logs method names only.</summary>
public sealed class ZaloApiClient(IHttpClientFactory httpClients, IOptions<ZaloOptions> options, ILogger<ZaloApiClient> logger)
{
    /// <summary>Name of the HttpClient registered for Zalo (its default request logging is removed: URLs carry the token).</summary>
    public const string HttpClientName = "zalo-bot-api";

    /// <summary>Zalo's documented limit for text and captions.</summary>
    public const int MaxTextLength = 2000;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Vietnamese letters go out as UTF-8, not as \uXXXX escapes (the default), which made messages ~1.6 times longer.</summary>
    internal static readonly JsonSerializerOptions Utf8Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
    private static readonly JsonElement EmptyResult = JsonDocument.Parse("{}").RootElement.Clone();

    private string Token => options.Value.BotToken?.Trim() ?? "";

    /// <summary>Calls a method and returns its "result" (an empty object when there is none).</summary>
    public async Task<JsonElement> CallAsync(string method, JsonObject? body, CancellationToken ct, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout ?? CallTimeout);
        var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = Timeout.InfiniteTimeSpan;
        var url = options.Value.ApiBaseUrl.TrimEnd('/') + "/bot" + Token + "/" + method;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent((body ?? []).ToJsonString(Utf8Json), Encoding.UTF8, "application/json"),
        };
        logger.LogDebug("Zalo call {Method}", method);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ZaloApiException(method, (int)HttpStatusCode.GatewayTimeout, "no answer from Zalo in time");
        }
        catch (HttpRequestException ex)
        {
            throw new ZaloApiException(method, (int)(ex.StatusCode ?? HttpStatusCode.BadGateway), Scrub(ex.Message));
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(text);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new ZaloApiException(method, (int)response.StatusCode, "answer is not JSON");
            }
            var ok = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
            if (ok && response.IsSuccessStatusCode)
            {
                return root.TryGetProperty("result", out var result) ? result : EmptyResult;
            }
            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : (int)response.StatusCode;
            var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
                ? Scrub(d.GetString() ?? "") : response.ReasonPhrase ?? "";
            TimeSpan? retryAfter = null;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("retry_after", out var ra) && ra.TryGetInt32(out var seconds))
            {
                retryAfter = TimeSpan.FromSeconds(seconds);
            }
            else if (response.Headers.RetryAfter?.Delta is { } delta)
            {
                retryAfter = delta;
            }
            throw new ZaloApiException(method, code, description, retryAfter);
        }
    }

    /// <summary>Long-polls for updates; empty when the poll timed out (error 408). Zalo returns one update per call.</summary>
    public async Task<IReadOnlyList<ZaloUpdate>> GetUpdatesAsync(int timeoutSeconds, CancellationToken ct)
    {
        try
        {
            var result = await CallAsync("getUpdates", new JsonObject { ["timeout"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ct, TimeSpan.FromSeconds(timeoutSeconds + 15)).ConfigureAwait(false);
            return ZaloUpdateMapper.ParseUpdates(result, unwrap: false);
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == 408)
        {
            return [];
        }
    }

    public Task<JsonElement> GetMeAsync(CancellationToken ct) => CallAsync("getMe", null, ct);

    public Task SendMessageAsync(string chatId, string text, CancellationToken ct) =>
        CallAsync("sendMessage", new JsonObject { ["chat_id"] = chatId, ["text"] = text }, ct);

    /// <summary>Downloads an image a person sent (its URL from the update), at most 10 MB.</summary>
    public async Task<Stream> DownloadAsync(string url, CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var buffer = new MemoryStream();
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > 10 * 1024 * 1024 + 1)
            {
                break; // the attachment store refuses it with its own message
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    public Task SendPhotoAsync(string chatId, string photoUrl, string? caption, CancellationToken ct)
    {
        var body = new JsonObject { ["chat_id"] = chatId, ["photo"] = photoUrl };
        if (!string.IsNullOrEmpty(caption))
        {
            body["caption"] = caption;
        }
        return CallAsync("sendPhoto", body, ct);
    }

    public Task SendChatActionAsync(string chatId, string action, CancellationToken ct) =>
        CallAsync("sendChatAction", new JsonObject { ["chat_id"] = chatId, ["action"] = action }, ct);

    public Task SetWebhookAsync(string url, string secret, CancellationToken ct) =>
        CallAsync("setWebhook", new JsonObject { ["url"] = url, ["secret_token"] = secret }, ct);

    public Task DeleteWebhookAsync(CancellationToken ct) => CallAsync("deleteWebhook", null, ct);

    public Task<JsonElement> GetWebhookInfoAsync(CancellationToken ct) => CallAsync("getWebhookInfo", null, ct);

    /// <summary>Removes the token from a text that may have come back from the network stack.</summary>
    public string Scrub(string text)
    {
        var token = Token;
        return token.Length == 0 ? text : text.Replace(token, "***", StringComparison.Ordinal);
    }
}
