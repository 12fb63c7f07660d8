using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KhuyenCongBot.TestSupport;

/// <summary>The Bot API's JSON as the fake Telegram server writes and reads it: people, chats, messages, answers, requests.</summary>
internal static class FakeTelegramWire
{
    public static JsonObject MessageFrom(long userId, JsonObject chat, string? text, string? languageCode)
    {
        var message = new JsonObject { ["message_id"] = Random.Shared.Next(1, 1_000_000), ["date"] = Now(), ["chat"] = chat, ["from"] = Person(userId, languageCode) };
        if (text is not null)
        {
            message["text"] = text;
        }
        return message;
    }

    /// <summary>A button press on bot message <paramref name="messageId"/> (showing <paramref name="text"/>) in <paramref name="chat"/>.</summary>
    public static JsonObject CallbackQuery(int id, JsonObject from, string chatInstance, string data, int messageId, JsonObject chat, string text) => new()
    {
        ["id"] = "cbq-" + id,
        ["from"] = from,
        ["chat_instance"] = chatInstance,
        ["data"] = data,
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId, ["date"] = Now(), ["chat"] = chat, ["from"] = BotUser(), ["text"] = text,
        },
    };

    public static JsonObject Person(long userId, string? languageCode)
    {
        var person = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Người dùng " + userId };
        if (languageCode is not null)
        {
            person["language_code"] = languageCode;
        }
        return person;
    }

    public static JsonObject PrivateChat(long userId) => new() { ["id"] = userId, ["type"] = "private", ["first_name"] = "Người dùng " + userId };

    public static JsonObject GroupChat(long groupId) => new() { ["id"] = groupId, ["type"] = "supergroup", ["title"] = "Nhóm khuyến công" };

    public static JsonObject BotUser() => new()
    {
        ["id"] = FakeTelegramServer.BotId, ["is_bot"] = true, ["first_name"] = "Khuyến Công Bot", ["username"] = FakeTelegramServer.BotUsername,
    };

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    public static IResult Error(int code, string description, int? retryAfter = null)
    {
        var json = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            json["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        return Results.Json(json, statusCode: code);
    }

    public static IReadOnlyList<IReadOnlyList<SentButton>> Buttons(JsonNode? markup) =>
        markup?["inline_keyboard"] is JsonArray rows
            ? rows.Select(r => (IReadOnlyList<SentButton>)((JsonArray)r!).Select(b => new SentButton(b!["text"]!.ToString(), b["callback_data"]?.ToString())).ToList()).ToList()
            : [];

    /// <summary>The Message object the Bot API answers a send or an edit with.</summary>
    public static JsonObject MessageJson(SentMessage message, JsonNode? markup)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId, ["date"] = Now(), ["from"] = BotUser(), ["chat"] = PrivateChat(message.ChatId),
        };
        if (message.Kind is "photo" or "document")
        {
            if (message.Text.Length > 0)
            {
                json["caption"] = message.Text;
            }
            json[message.Kind == "photo" ? "photo" : "document"] = message.Kind == "photo"
                ? new JsonArray(new JsonObject { ["file_id"] = "p" + message.MessageId, ["file_unique_id"] = "up" + message.MessageId, ["width"] = 100, ["height"] = 100 })
                : new JsonObject { ["file_id"] = "d" + message.MessageId, ["file_unique_id"] = "ud" + message.MessageId, ["file_name"] = message.File?.FileName };
        }
        else
        {
            json["text"] = message.Text;
        }
        if (markup is not null)
        {
            json["reply_markup"] = markup.DeepClone();
        }
        return json;
    }

    /// <summary>A call's parameters (a JSON body or form fields), the files uploaded with it, and the body as sent when JSON.</summary>
    public static async Task<(JsonObject Fields, Dictionary<string, UploadedFile> Files, string? Json)> ReadAsync(HttpRequest request)
    {
        var files = new Dictionary<string, UploadedFile>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                var s = value.ToString();
                fields[key] = s.StartsWith('{') || s.StartsWith('[') ? JsonNode.Parse(s) : JsonValue.Create(s);
            }
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files[file.Name] = new UploadedFile(file.FileName, buffer.ToArray());
            }
            // Telegram.Bot uploads as "photo": "attach://0" with the file in part "0": file it under the field name too.
            foreach (var (key, value) in fields.ToList())
            {
                if (value is JsonValue v && v.ToString() is var s && s.StartsWith("attach://", StringComparison.Ordinal)
                    && files.TryGetValue(s["attach://".Length..], out var attached))
                {
                    files[key] = attached;
                }
            }
            return (fields, files, null);
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return (string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body) as JsonObject ?? new JsonObject(), files, body);
    }
}
