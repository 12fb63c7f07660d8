using System.Text.RegularExpressions;

namespace KhuyenCongBot.Tests.Text;

/// <summary>
/// Finds the texts the code asks for: every <c>Text("key", ("name", value), …)</c> call (a BotContext, DialogTurn or UserTexts
/// <c>Text</c>, the language first for the latter) in src/, with the placeholder names it passes. A key is a literal without
/// spaces; its arguments must be <c>("name", value)</c> tuples so that they can be checked against the catalogue.
/// </summary>
public static partial class TextKeyScanner
{
    public sealed record Use(string File, int Line, string Key, IReadOnlyList<string> Names, string? Problem);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KhuyenCongBot.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException("KhuyenCongBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static IReadOnlyList<Use> ScanSources()
    {
        var src = Path.Combine(RepositoryRoot, "src");
        return Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Scan(Path.GetRelativePath(RepositoryRoot, f), File.ReadAllText(f)))
            .ToList();
    }

    /// <summary>The uses in one file's text (comment lines ignored).</summary>
    public static IEnumerable<Use> Scan(string file, string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) ? new string(' ', l.Length) : l);
        code = string.Join('\n', lines);
        foreach (Match m in Call().Matches(code))
        {
            var key = m.Groups["key"].Value;
            if (key.Any(char.IsWhiteSpace) || key.Length == 0)
            {
                continue;
            }
            var line = code.AsSpan(0, m.Index).Count('\n') + 1;
            var (names, problem) = Arguments(code, m.Index + m.Length);
            yield return new Use(file, line, key, names, problem);
        }
    }

    /// <summary>The names of the ("name", value) tuples after the key, up to the call's closing parenthesis.</summary>
    private static (List<string> Names, string? Problem) Arguments(string code, int i)
    {
        var names = new List<string>();
        var depth = 0;
        var argStart = -1;
        while (i < code.Length)
        {
            var c = code[i];
            if (depth == 0 && !char.IsWhiteSpace(c) && c is not ',' and not '(' and not ')')
            {
                return (names, $"an argument is not a (\"name\", value) tuple (at '{c}')");
            }
            if (c == '"' || (c is '$' or '@' && i + 1 < code.Length && code[i + 1] is '"' or '$' or '@'))
            {
                i = SkipString(code, i);
                continue;
            }
            if (c == '\'')
            {
                i = code.IndexOf('\'', code[i + 1] == '\\' ? i + 3 : i + 2) + 1;
                continue;
            }
            if (c is '(' or '[' or '{')
            {
                if (depth == 0 && c == '(')
                {
                    var tuple = TupleName().Match(code, i);
                    if (!tuple.Success || tuple.Index != i)
                    {
                        return (names, "an argument is not a (\"name\", value) tuple");
                    }
                    names.Add(tuple.Groups["name"].Value);
                }
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    return (names, argStart >= 0 && code[argStart..i].Trim().Length == 0 ? "an empty argument" : null);
                }
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                argStart = i + 1;
            }
            i++;
        }
        return (names, "no closing parenthesis");
    }

    /// <summary>The index after the string literal starting at <paramref name="i"/> (regular, verbatim or interpolated).</summary>
    private static int SkipString(string s, int i)
    {
        var interpolated = false;
        var verbatim = false;
        while (s[i] is '$' or '@')
        {
            interpolated |= s[i] == '$';
            verbatim |= s[i] == '@';
            i++;
        }
        for (i++; i < s.Length; i++)
        {
            var c = s[i];
            if (verbatim && c == '"' && i + 1 < s.Length && s[i + 1] == '"')
            {
                i++;
            }
            else if (!verbatim && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else if (interpolated && c == '{')
            {
                if (s[i + 1] == '{')
                {
                    i++;
                    continue;
                }
                var depth = 0;
                for (i++; i < s.Length && !(s[i] == '}' && depth == 0); i++)
                {
                    if (s[i] == '"')
                    {
                        i = SkipString(s, i) - 1;
                    }
                    else if (s[i] is '(' or '{' or '[')
                    {
                        depth++;
                    }
                    else if (s[i] is ')' or '}' or ']')
                    {
                        depth--;
                    }
                }
            }
        }
        return i;
    }

    [GeneratedRegex("""\bText\(\s*(?:(?:"[a-z]{2}"|[^"(),;]+?)\s*,\s*)?"(?<key>[^"\\]*)"\s*""")]
    private static partial Regex Call();

    [GeneratedRegex("""\(\s*"(?<name>[^"]*)"\s*,""")]
    private static partial Regex TupleName();
}
