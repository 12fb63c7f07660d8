using System.Globalization;
using System.Text.Json.Nodes;

namespace KhuyenCongBot.TestSupport;

/// <summary>The fake Telegram server's updates: queued with their update_id, served by getUpdates (long poll, offset), redelivered on demand.</summary>
internal sealed class FakeTelegramUpdates(FakeServerSync sync)
{
    private readonly List<(int Id, JsonObject Update, bool Forced)> _pending = [];
    private readonly Dictionary<int, JsonObject> _delivered = [];
    private int _nextUpdateId = 100;

    /// <summary>Queues a raw update (its update_id is assigned); returns the update_id.</summary>
    public int Enqueue(JsonObject update)
    {
        lock (sync.Gate)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _pending.Add((id, update, false));
            _delivered[id] = update;
            sync.Pulse();
            return id;
        }
    }

    /// <summary>Delivers an already delivered update again (at-least-once delivery), ignoring the bot's offset once.</summary>
    public void Redeliver(int updateId)
    {
        lock (sync.Gate)
        {
            _pending.Add((updateId, (JsonObject)_delivered[updateId].DeepClone(), true));
            sync.Pulse();
        }
    }

    /// <summary>The JSON of an update made earlier (to post it to a webhook).</summary>
    public string UpdateJson(int updateId)
    {
        lock (sync.Gate)
        {
            return _delivered[updateId].ToJsonString();
        }
    }

    /// <summary>Takes an update out of the getUpdates queue (for webhook tests that post it themselves).</summary>
    public void Withdraw(int updateId)
    {
        lock (sync.Gate)
        {
            _pending.RemoveAll(p => p.Id == updateId);
        }
    }

    /// <summary>Whether the bot has not yet confirmed <paramref name="updateId"/> (by asking getUpdates for a later offset).</summary>
    public bool IsPending(int updateId)
    {
        lock (sync.Gate)
        {
            return _pending.Any(p => p.Id == updateId && !p.Forced);
        }
    }

    /// <summary>getUpdates: what is pending from the offset on, or an empty list once the timeout passed.</summary>
    public async Task<JsonArray> GetUpdatesAsync(JsonObject fields, CancellationToken aborted)
    {
        var offset = fields["offset"] is JsonValue o ? int.Parse(o.ToString(), CultureInfo.InvariantCulture) : 0;
        var limit = fields["limit"] is JsonValue l ? int.Parse(l.ToString(), CultureInfo.InvariantCulture) : 100;
        var timeout = fields["timeout"] is JsonValue t ? int.Parse(t.ToString(), CultureInfo.InvariantCulture) : 0;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(timeout);
        while (true)
        {
            Task signal;
            lock (sync.Gate)
            {
                // Confirmed updates (below the offset) are gone, except forced redeliveries.
                _pending.RemoveAll(p => p.Id < offset && !p.Forced);
                var batch = _pending.Take(Math.Max(1, limit)).ToList();
                if (batch.Count > 0)
                {
                    foreach (var forced in batch.Where(b => b.Forced))
                    {
                        _pending.Remove(forced);
                    }
                    return new JsonArray(batch.Select(b => (JsonNode)b.Update.DeepClone()).ToArray());
                }
                signal = sync.Changed;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || aborted.IsCancellationRequested)
            {
                return [];
            }
            try
            {
                await Task.WhenAny(signal, Task.Delay(left, aborted));
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }
}
