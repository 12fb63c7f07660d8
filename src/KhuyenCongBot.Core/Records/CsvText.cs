using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>A small RFC 4180 CSV reader and writer: quoted fields may hold commas, line breaks and doubled quotes.</summary>
public static class CsvText
{
    /// <summary>One row: the line number it starts on (first line = 1) and its fields.</summary>
    public sealed record Row(int Line, IReadOnlyList<string> Fields)
    {
        public string this[int index] => index < Fields.Count ? Fields[index] : "";

        /// <summary>Whether every field is empty (a blank line).</summary>
        public bool IsBlank => Fields.All(f => f.Trim().Length == 0);
    }

    /// <summary>Reads every row; a quote left open at the end of the input closes the last field.</summary>
    public static IEnumerable<Row> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (ch == '\uFEFF' && line == 1 && !any && field.Length == 0)
            {
                continue;
            }
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return new Row(rowLine, fields);
                    fields = [];
                    any = false;
                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return new Row(rowLine, fields);
        }
    }

    /// <summary>Quotes a field when it holds a comma, a quote or a line break.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }

    /// <summary>Writes one row, ending it with "\n".</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(",", fields.Select(Escape)));
        writer.Write('\n');
    }
}

/// <summary>The text of an imported file: UTF-8 (with or without a byte-order mark) or UTF-16 with a mark; anything else is refused.</summary>
public static class CsvDecoding
{
    /// <summary>Decodes <paramref name="bytes"/>; on failure returns null and the reason (which line holds the first bad byte), in the reader's language.</summary>
    public static string? Decode(byte[] bytes, UserTexts texts, bool english, out string? problem)
    {
        problem = null;
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            var unicode = bytes[0] == 0xFF ? new UnicodeEncoding(false, true, true) : new UnicodeEncoding(true, true, true);
            try
            {
                return unicode.GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException)
            {
                problem = texts.Text(english, "csv.utf16_broken");
                return null;
            }
        }
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
            if (text.IndexOf('\0') >= 0)
            {
                problem = texts.Text(english, "csv.nul_character");
                return null;
            }
            return text;
        }
        catch (DecoderFallbackException ex)
        {
            _ = ex;
            var at = FirstInvalid(bytes, start);
            var line = 1 + bytes.Take(Math.Max(0, Math.Min(at, bytes.Length))).Count(b => b == (byte)'\n');
            problem = texts.Text(english, "csv.not_utf8", ("line", line));
            return null;
        }
    }

    private static int FirstInvalid(byte[] bytes, int start)
    {
        var span = bytes.AsSpan(start);
        var at = 0;
        while (at < span.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(span[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return start + at;
            }
            at += consumed;
        }
        return start + at;
    }
}
