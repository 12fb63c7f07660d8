using System.Text.Json.Nodes;

namespace KhuyenCongBot.TestSupport;

/// <summary>One call the bot made to the fake Bot API: the method and its parameters (JSON or form fields), and uploaded files;
/// <paramref name="Json"/> is the request body as sent when it was JSON.</summary>
public sealed record ApiCall(string Method, JsonObject Fields, IReadOnlyDictionary<string, UploadedFile> Files, DateTimeOffset At, string? Json = null)
{
    public string? Str(string field) => Fields[field] is JsonValue v ? v.ToString() : Fields[field]?.ToJsonString();
}

/// <summary>A file the bot uploaded (sendPhoto, sendDocument).</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>A button of an inline keyboard.</summary>
public sealed record SentButton(string Text, string? Data);

/// <summary>A message the bot sent or edited, as a person would see it.</summary>
/// <param name="Kind">"text", "edit", "photo" or "document".</param>
public sealed record SentMessage(string Kind, long ChatId, int MessageId, string Text, IReadOnlyList<IReadOnlyList<SentButton>> Buttons, UploadedFile? File, string? ParseMode)
{
    public IEnumerable<SentButton> AllButtons => Buttons.SelectMany(r => r);

    public override string ToString() =>
        $"[{Kind} #{MessageId}] {Text}" + (Buttons.Count > 0 ? " " + string.Join(" | ", Buttons.Select(r => string.Join(", ", r.Select(b => b.Text)))) : "")
        + (File is null ? "" : $" <{File.FileName}>");
}
