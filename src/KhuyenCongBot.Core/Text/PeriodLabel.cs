using System.Text.Json;
using System.Text.Json.Serialization;

namespace KhuyenCongBot.Core.Text;

/// <summary>
/// What a period is called, as a text key of seeds/texts ("period.quarter") and its values (1, 2024), shown in the reader's language
/// by <see cref="Period.Text(UserTexts, string)"/>: "quý I/2024" or "Q1 2024". A value is a whole number, a date or another label
/// ("lũy kế từ đầu năm 2025 đến hết quý III/2025"). A label with no key is a literal: what a conversation stored by an older version
/// holds ("năm 2025"), or what a test wrote; Vietnamese shows it as it is, English describes the period's dates instead.
/// </summary>
[JsonConverter(typeof(PeriodLabelJson))]
public sealed record PeriodLabel
{
    private PeriodLabel(string key, IReadOnlyList<object> args, string? literal)
    {
        Key = key;
        Args = args;
        Literal = literal;
    }

    /// <summary>The text key ("period.year"), or "" for a literal.</summary>
    public string Key { get; }

    /// <summary>The values, in the order its key's factory takes them: int, <see cref="DateOnly"/> or <see cref="PeriodLabel"/>.</summary>
    public IReadOnlyList<object> Args { get; }

    /// <summary>The text of a literal label (an older version's stored label), else null.</summary>
    public string? Literal { get; }

    /// <summary>No label: a period used only to count, never shown.</summary>
    public static readonly PeriodLabel Empty = OfText("");

    /// <summary>A label written out (stored by an older version, or in a test): shown as it is to a Vietnamese reader.</summary>
    public static PeriodLabel OfText(string text) => new("", [], text);

    /// <summary>A label of a key of seeds/texts and its values (see <see cref="PeriodLabelText"/> for each key's values).</summary>
    public static PeriodLabel Of(string key, params object[] args)
    {
        foreach (var a in args)
        {
            if (a is not (int or DateOnly or PeriodLabel))
            {
                throw new ArgumentException($"A period label's value is a number, a date or a label, not {a.GetType().Name}.", nameof(args));
            }
        }
        return new(key, args, null);
    }

    public bool IsLiteral => Literal is not null;

    public int Int(int i) => (int)Args[i];

    public DateOnly Date(int i) => (DateOnly)Args[i];

    public PeriodLabel Label(int i) => (PeriodLabel)Args[i];

    public bool Equals(PeriodLabel? other) =>
        other is not null && Key == other.Key && Literal == other.Literal && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Key, Literal, Args.Count, Args.Count > 0 ? Args[0] : null);

    public override string ToString() => Literal ?? $"{Key}({string.Join(", ", Args)})";
}

/// <summary>
/// Stores a label in a question's JSON: a literal as a plain string (what older versions wrote, so both read each other's), a keyed
/// label as {"k": key, "a": [values]}, a date as "yyyy-MM-dd", a label inside as an object again.
/// </summary>
public sealed class PeriodLabelJson : JsonConverter<PeriodLabel>
{
    public override PeriodLabel? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return PeriodLabel.OfText(reader.GetString() ?? "");
            case JsonTokenType.StartObject:
                break;
            default:
                throw new JsonException("A period label is a string or an object.");
        }
        var key = "";
        var args = new List<object>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "k")
            {
                key = reader.GetString() ?? "";
            }
            else if (name == "a" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    args.Add(reader.TokenType switch
                    {
                        JsonTokenType.Number => reader.GetInt32(),
                        JsonTokenType.String => DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        JsonTokenType.StartObject => Read(ref reader, typeToConvert, options)!,
                        _ => throw new JsonException("A period label's value is a number, a date or a label."),
                    });
                }
            }
            else
            {
                reader.Skip();
            }
        }
        return key.Length == 0 ? PeriodLabel.Empty : PeriodLabel.Of(key, [.. args]);
    }

    public override void Write(Utf8JsonWriter writer, PeriodLabel value, JsonSerializerOptions options)
    {
        if (value.Literal is { } text)
        {
            writer.WriteStringValue(text);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("k", value.Key);
        writer.WriteStartArray("a");
        foreach (var a in value.Args)
        {
            switch (a)
            {
                case int n:
                    writer.WriteNumberValue(n);
                    break;
                case DateOnly d:
                    writer.WriteStringValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case PeriodLabel inner:
                    Write(writer, inner, options);
                    break;
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
