using System.Text.Json.Nodes;

namespace KhuyenCongBot.TestSupport;

/// <summary>One call the bot made to the fake Zalo Bot API: the method, its JSON body, and the body as sent.</summary>
public sealed record ZaloApiCall(string Method, JsonObject Body, DateTimeOffset At, string? Json = null)
{
    public string? Str(string field) => Body[field] is JsonValue v ? v.ToString() : Body[field]?.ToJsonString();
}

/// <summary>A message the bot sent, as the person sees it; for photos, the URL and what the fake fetched from it.</summary>
/// <param name="Kind">"text" or "photo".</param>
public sealed record ZaloSentMessage(string Kind, string ChatId, string MessageId, string Text, string? PhotoUrl, byte[]? PhotoBytes)
{
    public override string ToString() => Kind == "photo" ? $"[ảnh {PhotoUrl}] {Text}".TrimEnd() : Text;
}
