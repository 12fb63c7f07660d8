using System.Text;

namespace KhuyenCongBot.Zalo;

/// <summary>Splits a long text into messages of at most N characters, at line ends where possible.</summary>
public static class ZaloTextSplitter
{
    public static IReadOnlyList<string> Split(string text, int max = ZaloApiClient.MaxTextLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (text.Length <= max)
        {
            return text.Length == 0 ? [] : [text];
        }
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var needed = current.Length == 0 ? line.Length : current.Length + 1 + line.Length;
            if (needed <= max)
            {
                if (current.Length > 0)
                {
                    current.Append('\n');
                }
                current.Append(line);
                continue;
            }
            Flush(parts, current);
            var rest = line;
            while (rest.Length > max)
            {
                // A line longer than a message: cut at the last space, or hard (never inside a surrogate pair).
                var cut = rest.LastIndexOf(' ', max - 1, max);
                if (cut <= max / 2)
                {
                    cut = char.IsHighSurrogate(rest[max - 1]) ? max - 1 : max;
                }
                parts.Add(rest[..cut].TrimEnd());
                rest = rest[cut..].TrimStart(' ');
            }
            current.Append(rest);
        }
        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        var chunk = current.ToString().TrimEnd();
        if (chunk.Trim().Length > 0)
        {
            parts.Add(chunk);
        }
        current.Clear();
    }
}
