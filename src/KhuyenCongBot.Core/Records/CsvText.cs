using System.Text;

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
