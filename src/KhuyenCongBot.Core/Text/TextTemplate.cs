using System.Globalization;
using System.Text;

namespace KhuyenCongBot.Core.Text;

/// <summary>
/// One text of a catalogue, parsed once: literal parts and named placeholders. "{name}" shows its value as given (a string, or a
/// number in digits without grouping); "{count:number}" a whole number grouped the way of the language (Vietnamese: <see cref="VnFormat.Number"/>, 1.250; English: 1,250);
/// "{at:datetime}" and "{day:date}" a time or a date as <see cref="VnFormat.DateTime"/> and <see cref="VnFormat.Date"/>.
/// "{{" and "}}" are literal braces.
/// </summary>
internal sealed class TextTemplate
{
    /// <summary>The formats a placeholder may name after its colon.</summary>
    public static readonly IReadOnlyList<string> Formats = ["number", "datetime", "date"];

    private readonly IReadOnlyList<Part> _parts;

    private TextTemplate(IReadOnlyList<Part> parts)
    {
        _parts = parts;
        Names = parts.Where(p => p.Name is not null).Select(p => p.Name!).Distinct().ToList();
    }

    /// <summary>The placeholder names, in order of first use.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The format a placeholder names ("number", "datetime", "date"), or null for a value shown as given.</summary>
    public string? FormatOf(string name) => _parts.FirstOrDefault(p => p.Name == name)?.Format;

    private sealed record Part(string? Literal, string? Name, string? Format);

    /// <summary>The parsed text, or null with <paramref name="problem"/> (an unclosed brace, a bad name, an unknown format).</summary>
    public static TextTemplate? Parse(string text, out string? problem)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        problem = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                problem = $"dấu \"}}\" thừa ở vị trí {i + 1} (viết \"}}}}\" nếu muốn hiện dấu ngoặc)";
                return null;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                problem = $"dấu \"{{\" ở vị trí {i + 1} không được đóng (viết \"{{{{\" nếu muốn hiện dấu ngoặc)";
                return null;
            }
            var inside = text[(i + 1)..end].Split(':');
            var name = inside[0];
            var format = inside.Length > 1 ? inside[1] : null;
            if (inside.Length > 2 || name.Length == 0 || !char.IsAsciiLetterLower(name[0]) || !name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
            {
                problem = $"chỗ trống \"{text[i..(end + 1)]}\" không hợp lệ (dạng {{ten}} hoặc {{ten:number}})";
                return null;
            }
            if (format is not null && !Formats.Contains(format))
            {
                problem = $"chỗ trống \"{text[i..(end + 1)]}\": không biết định dạng \"{format}\" (chỉ có {string.Join(", ", Formats)})";
                return null;
            }
            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), null, null));
                literal.Clear();
            }
            parts.Add(new Part(null, name, format));
            i = end;
        }
        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), null, null));
        }
        return new TextTemplate(parts);
    }

    public string Fill(string language, string key, ReadOnlySpan<(string Name, object? Value)> args)
    {
        foreach (var (name, _) in args)
        {
            if (!Names.Contains(name))
            {
                throw new ArgumentException($"Text \"{key}\" has no placeholder {{{name}}} (it has: {string.Join(", ", Names)}).", nameof(args));
            }
        }
        var sb = new StringBuilder();
        var one = false;
        foreach (var part in _parts)
        {
            if (part.Name is null)
            {
                // English: "1 projects" → "1 project" (Vietnamese nouns have no plural).
                sb.Append(one ? EnglishPlural.AfterOne(part.Literal!) : part.Literal);
                one = false;
                continue;
            }
            var found = false;
            foreach (var (name, value) in args)
            {
                if (name == part.Name)
                {
                    one = language != UserTexts.Vietnamese && EnglishPlural.IsOne(value);
                    sb.Append(Show(language, key, part, value));
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                throw new ArgumentException($"Text \"{key}\" needs a value for {{{part.Name}}}.", nameof(args));
            }
        }
        return sb.ToString();
    }

    private static string Show(string language, string key, Part part, object? value) => (part.Format, value) switch
    {
        (_, null) => "",
        (null, string s) => s,
        (null, IFormattable f) => f.ToString(null, CultureInfo.InvariantCulture),
        (null, _) => value.ToString() ?? "",
        ("number", int n) => Number(language, n),
        ("number", long n) => Number(language, n),
        ("datetime", DateTimeOffset at) => VnFormat.DateTime(at),
        ("date", DateOnly day) => VnFormat.Date(day),
        _ => throw new ArgumentException($"Text \"{key}\": {{{part.Name}:{part.Format}}} cannot show a {value.GetType().Name}.", nameof(value)),
    };

    private static string Number(string language, long n) =>
        language == UserTexts.Vietnamese ? VnFormat.Number(n) : n.ToString("N0", CultureInfo.InvariantCulture);
}
