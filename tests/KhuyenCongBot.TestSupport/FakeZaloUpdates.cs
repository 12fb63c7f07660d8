using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static KhuyenCongBot.TestSupport.FakeZaloWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>
/// The fake Zalo server's updates: served one per getUpdates call (long poll, 408 when nothing came), or pushed to the webhook
/// once one is set, each push's answer kept.
/// </summary>
internal sealed class FakeZaloUpdates(FakeServerSync sync, HttpClient http)
{
    private readonly Queue<JsonObject> _pending = new();
    private readonly Dictionary<string, JsonObject> _updates = [];
    private readonly List<(string MessageId, int Status)> _webhookDeliveries = [];

    /// <summary>Longest the fake holds a getUpdates call before answering 408 (whatever timeout the bot asked for).</summary>
    public int MaxPollMilliseconds { get; set; } = 1000;

    /// <summary>Answer getUpdates with 408 at once instead of holding it (a server that does not long-poll).</summary>
    public bool Instant408 { get; set; }

    public string? WebhookUrl { get; private set; }
    public string? WebhookSecret { get; private set; }

    /// <summary>HTTP statuses the bot's webhook answered, by message id.</summary>
    public IReadOnlyList<(string MessageId, int Status)> WebhookDeliveries
    {
        get
        {
            lock (sync.Gate)
            {
                return _webhookDeliveries.ToList();
            }
        }
    }

    /// <summary>Queues an update with this event and message (its message_id is kept); pushes it to the webhook when one is set.</summary>
    public string Enqueue(string eventName, JsonObject message)
    {
        var id = message["message_id"]!.GetValue<string>();
        var update = new JsonObject { ["event_name"] = eventName, ["message"] = message };
        string? webhook;
        string? secret;
        lock (sync.Gate)
        {
            _updates[id] = update;
            webhook = WebhookUrl;
            secret = WebhookSecret;
            if (webhook is null)
            {
                _pending.Enqueue(update);
                sync.Pulse();
            }
        }
        if (webhook is not null)
        {
            _ = PushAsync(webhook, secret ?? "", id, update.ToJsonString());
        }
        return id;
    }

    /// <summary>Keeps an update without queueing it (for webhook tests that post it themselves).</summary>
    public void Keep(string id, JsonObject update)
    {
        lock (sync.Gate)
        {
            _updates[id] = update;
        }
    }

    /// <summary>The JSON of an update made earlier (to post it to a webhook by hand).</summary>
    public string UpdateJson(string messageId)
    {
        lock (sync.Gate)
        {
            return _updates[messageId].ToJsonString();
        }
    }

    public async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        var asked = int.TryParse(Str(body, "timeout"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s * 1000 : 30_000;
        var deadline = DateTime.UtcNow.AddMilliseconds(Instant408 ? 0 : Math.Min(asked, MaxPollMilliseconds));
        while (true)
        {
            Task changed;
            lock (sync.Gate)
            {
                if (_pending.TryDequeue(out var update))
                {
                    return Ok(update);
                }
                changed = sync.Changed;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || ct.IsCancellationRequested)
            {
                return Error(408, "Request Timeout");
            }
            await Task.WhenAny(changed, Task.Delay(left, ct)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public IResult SetWebhook(JsonObject body)
    {
        var url = Str(body, "url");
        var secret = Str(body, "secret_token");
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return Error(400, "Bad Request: url is invalid");
        }
        if (secret is null || secret.Length is < 8 or > 256)
        {
            return Error(400, "Bad Request: secret_token must be 8-256 characters");
        }
        lock (sync.Gate)
        {
            WebhookUrl = url;
            WebhookSecret = secret;
        }
        return Ok(new JsonObject { ["url"] = url, ["updated_at"] = Now() });
    }

    public IResult DeleteWebhook()
    {
        lock (sync.Gate)
        {
            WebhookUrl = null;
            WebhookSecret = null;
        }
        return Ok(new JsonObject { ["url"] = "", ["updated_at"] = Now() });
    }

    private async Task PushAsync(string url, string secret, string messageId, string json)
    {
        int status;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Bot-Api-Secret-Token", secret);
            using var response = await http.SendAsync(request);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        lock (sync.Gate)
        {
            _webhookDeliveries.Add((messageId, status));
            sync.Pulse();
        }
    }
}
