using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KhuyenCongBot.TestSupport;

/// <summary>The Zalo Bot API's JSON as the fake Zalo server writes and reads it.</summary>
internal static class FakeZaloWire
{
    public static JsonObject Message(string messageId, string chatId, string userId, string chatType, string? displayName, string? text)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = userId, ["display_name"] = displayName ?? userId, ["is_bot"] = false },
            ["chat"] = new JsonObject { ["id"] = chatId, ["chat_type"] = chatType },
            ["date"] = Now(),
        };
        if (text is not null)
        {
            message["text"] = text;
        }
        return message;
    }

    public static string? Str(JsonObject body, string field) => body[field] is JsonValue v ? v.ToString() : null;

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    // Zalo's HTTP status on errors is not documented; the fake uses the error code (the client must read the body either way).
    public static IResult Error(int code, string description) =>
        Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }, statusCode: code);
}
