using System.Text.Json;
using System.Text.Json.Nodes;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Zalo;

/// <summary>
/// Replies a stop cut short on Zalo (which hands each update out once and never delivers it again): kept in the database
/// and sent at the next start, in order.
/// </summary>
public sealed class ZaloOutbox(IChannelQueue queue, ZaloReplySender sender, BotClock clock, ILogger<ZaloOutbox> logger)
{
    public const string Channel = "zalo-outbox";

    /// <summary>Keeps <paramref name="replies"/> for <paramref name="chatId"/> to send at the next start.</summary>
    public void Keep(string chatId, IReadOnlyList<Reply> replies, string language)
    {
        if (replies.Count == 0)
        {
            return;
        }
        var payload = new JsonObject
        {
            ["lang"] = language,
            ["replies"] = new JsonArray(replies.Select(r => (JsonNode)new JsonObject
            {
                ["text"] = r.Text,
                ["choices"] = new JsonArray(r.Choices.Select(c => (JsonNode)new JsonObject { ["label"] = c.Label, ["data"] = c.Data, ["numbered"] = c.Numbered }).ToArray()),
                ["attachment"] = r.Attachment is { } a
                    ? new JsonObject { ["kind"] = a.Kind.ToString(), ["name"] = a.FileName, ["type"] = a.ContentType, ["content"] = Convert.ToBase64String(a.Content) }
                    : null,
            }).ToArray()),
        };
        try
        {
            queue.Add(Channel, chatId, payload.ToJsonString(), clock.Now);
            logger.LogWarning("{Count} reply(ies) to Zalo chat {ChatId} not sent before the stop; they are sent at the next start", replies.Count, chatId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError("{Count} reply(ies) to Zalo chat {ChatId} not sent before the stop and could not be kept: {Error}", replies.Count, chatId, ex.Message);
        }
    }

    /// <summary>Sends what an earlier run could not; an item that fails stays for the next start.</summary>
    public async Task SendKeptAsync(CancellationToken ct)
    {
        IReadOnlyList<InboxItem> items;
        try
        {
            items = queue.Pending(Channel);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError("Reading the Zalo outbox failed: {Error}", ex.Message);
            return;
        }
        foreach (var item in items)
        {
            try
            {
                var json = JsonNode.Parse(item.Payload)!.AsObject();
                var language = json["lang"]?.GetValue<string>() ?? "vi";
                foreach (var r in json["replies"]!.AsArray().OfType<JsonObject>())
                {
                    Attachment? attachment = r["attachment"] is JsonObject a
                        ? new Attachment(Enum.Parse<AttachmentKind>(a["kind"]!.GetValue<string>()), a["name"]!.GetValue<string>(),
                            Convert.FromBase64String(a["content"]!.GetValue<string>()), a["type"]!.GetValue<string>())
                        : null;
                    var reply = new Reply
                    {
                        Text = r["text"]?.GetValue<string>() ?? "",
                        Choices = (r["choices"] as JsonArray ?? []).OfType<JsonObject>()
                            .Select(c => new Choice(c["label"]!.GetValue<string>(), c["data"]!.GetValue<string>(), c["numbered"]?.GetValue<bool>() ?? true)).ToList(),
                        Attachment = attachment,
                    };
                    await sender.SendAsync(item.Chat, reply, language, ct).ConfigureAwait(false);
                }
                queue.Remove(item.Id);
                logger.LogInformation("Replies kept at the last stop sent to Zalo chat {ChatId}", item.Chat);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException or NullReferenceException)
            {
                logger.LogError("A reply kept at the last stop cannot be read and is dropped: {Error}", ex.Message);
                queue.Remove(item.Id);
            }
            catch (Exception ex) when (ex is ZaloApiException or HttpRequestException)
            {
                logger.LogWarning("Sending a reply kept at the last stop to Zalo chat {ChatId} failed; tried again at the next start: {Error}", item.Chat, ex.Message);
            }
        }
    }
}
