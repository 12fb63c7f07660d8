using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KhuyenCongBot.Zalo;

/// <summary>One event from Zalo (getUpdates result or webhook body): its name and the message.</summary>
public sealed class ZaloUpdate
{
    public const string TextReceived = "message.text.received";
    public const string ImageReceived = "message.image.received";
    public const string StickerReceived = "message.sticker.received";
    public const string UnsupportedReceived = "message.unsupported.received";

    [JsonPropertyName("event_name")]
    public string? EventName { get; set; }

    [JsonPropertyName("message")]
    public ZaloMessage? Message { get; set; }
}

/// <summary>A message as Zalo describes it; ids are strings (numbers are accepted too).</summary>
public sealed class ZaloMessage
{
    [JsonPropertyName("message_id")]
    [JsonConverter(typeof(ZaloIdConverter))]
    public string? MessageId { get; set; }

    [JsonPropertyName("from")]
    public ZaloSender? From { get; set; }

    [JsonPropertyName("chat")]
    public ZaloChat? Chat { get; set; }

    /// <summary>Milliseconds since 1970 (Zalo uses milliseconds, not seconds).</summary>
    [JsonPropertyName("date")]
    public long? Date { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("caption")]
    public string? Caption { get; set; }

    /// <summary>The image of a "message.image.received" event: a URL to download it from.</summary>
    [JsonPropertyName("photo")]
    public string? Photo { get; set; }

    /// <summary>The same, as some versions of the platform name it.</summary>
    [JsonPropertyName("photo_url")]
    public string? PhotoUrl { get; set; }
}

/// <summary>The sender of a message.</summary>
public sealed class ZaloSender
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(ZaloIdConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }

    /// <summary>Seen in some samples of the documentation instead of display_name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("is_bot")]
    public bool? IsBot { get; set; }
}

/// <summary>The chat a message belongs to: PRIVATE or GROUP.</summary>
public sealed class ZaloChat
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(ZaloIdConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("chat_type")]
    public string? ChatType { get; set; }
}

/// <summary>Reads an id given as a JSON string or number into a string.</summary>
public sealed class ZaloIdConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
        JsonTokenType.Null => null,
        _ => throw new JsonException("An id must be a string or a number."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
