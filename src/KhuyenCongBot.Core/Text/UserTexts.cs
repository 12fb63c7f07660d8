using System.Collections.Frozen;
using System.Text;

namespace KhuyenCongBot.Core.Text;

/// <summary>
/// What the bot says to people, one catalogue per language: seeds/texts/vi.json and seeds/texts/en.json, read and checked once at
/// start (<see cref="Load"/>, registered by <c>AddKhuyenCongCore</c>) and never changed after. A text has a key
/// ("people.pick_scope") and named placeholders ("{name}", "{count:number}", see <see cref="TextTemplate"/>). Vietnamese is the
/// default and the fallback: a language the bot has no catalogue for, or a key its catalogue lacks, gets the Vietnamese text.
/// How to add or translate a text: docs/architecture.md ("Texts").
/// </summary>
public sealed class UserTexts
{
    public const string Folder = "texts";

    /// <summary>The default and fallback language.</summary>
    public const string Vietnamese = "vi";

    /// <summary>Every language with a catalogue, the default first; each is seeds/texts/&lt;language&gt;.json.</summary>
    public static readonly IReadOnlyList<string> Languages = [Vietnamese, "en"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, TextTemplate>> _catalogues;

    private UserTexts(FrozenDictionary<string, FrozenDictionary<string, TextTemplate>> catalogues) => _catalogues = catalogues;

    /// <summary>Every key of the default (Vietnamese) catalogue.</summary>
    public IReadOnlyCollection<string> Keys => _catalogues[Vietnamese].Keys;

    /// <summary>The keys of one language's catalogue (what its file holds, before falling back to Vietnamese).</summary>
    public IReadOnlyCollection<string> KeysOf(string language) => _catalogues[language].Keys;

    /// <summary>The placeholder names of <paramref name="key"/> in <paramref name="language"/>'s own catalogue, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders(string language, string key) => _catalogues[language][key].Names;

    /// <summary>The format of a placeholder ("number", "datetime", "date"), or null when its value is shown as given.</summary>
    public string? PlaceholderFormat(string language, string key, string name) => _catalogues[language][key].FormatOf(name);

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="language"/> ("vi", "en", "en-US"…), its placeholders filled from
    /// <paramref name="args"/> (<c>("name", value)</c>): every placeholder needs its argument and every argument its placeholder.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such key (the tests check that every key used in code exists).</exception>
    /// <exception cref="ArgumentException">A placeholder without its argument, an argument without its placeholder, or a value its format cannot show.</exception>
    public string Text(string language, string key, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var resolved = Resolve(language);
        if (Find(resolved, key) is not { } template)
        {
            resolved = Vietnamese;
            template = Find(Vietnamese, key) ?? throw new KeyNotFoundException($"No text \"{key}\" in seeds/{Folder}/{Vietnamese}.json.");
        }
        return template.Fill(resolved, key, args);
    }

    /// <summary>The text of <paramref name="key"/> in English or in Vietnamese, for code that carries the reader's language as a flag.</summary>
    public string Text(bool english, string key, params ReadOnlySpan<(string Name, object? Value)> args) =>
        Text(english ? "en" : Vietnamese, key, args);

    /// <summary>The catalogue a language code falls to: its own ("en-US" → "en"), else Vietnamese.</summary>
    public static string Resolve(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return Vietnamese;
        }
        foreach (var known in Languages)
        {
            if (language.Equals(known, StringComparison.OrdinalIgnoreCase)
                || (language.Length > known.Length && language.StartsWith(known, StringComparison.OrdinalIgnoreCase) && language[known.Length] is '-' or '_'))
            {
                return known;
            }
        }
        return Vietnamese;
    }

    private TextTemplate? Find(string language, string key) =>
        _catalogues.TryGetValue(language, out var catalogue) && catalogue.TryGetValue(key, out var template) ? template : null;

    /// <summary>
    /// Reads and checks seeds/texts/*.json: a missing or malformed file, a key in another language that Vietnamese lacks, or a
    /// text whose placeholders differ from the Vietnamese one throws <see cref="Catalogue.SeedException"/> naming the file and the key.
    /// </summary>
    public static UserTexts Load(string seedsPath)
    {
        var folder = Path.Combine(seedsPath, Folder);
        var catalogues = new Dictionary<string, FrozenDictionary<string, TextTemplate>>();
        foreach (var language in Languages)
        {
            catalogues[language] = UserTextsFile.Read(Path.Combine(folder, language + ".json"));
        }
        var vi = catalogues[Vietnamese];
        foreach (var language in Languages.Skip(1))
        {
            var path = Path.Combine(folder, language + ".json");
            foreach (var (key, template) in catalogues[language])
            {
                if (!vi.TryGetValue(key, out var original))
                {
                    throw new Catalogue.SeedException(path, $"khóa \"{key}\" không có trong {Vietnamese}.json (tiếng Việt là bản gốc: thêm vào đó trước)");
                }
                if (!template.Names.Order(StringComparer.Ordinal).SequenceEqual(original.Names.Order(StringComparer.Ordinal)))
                {
                    throw new Catalogue.SeedException(path, $"khóa \"{key}\": chỗ trống {Describe(template.Names)} khác bản tiếng Việt {Describe(original.Names)}");
                }
            }
        }
        return new UserTexts(catalogues.ToFrozenDictionary());
    }

    private static string Describe(IReadOnlyList<string> names) =>
        names.Count == 0 ? "(không có)" : string.Join(", ", names.Select(n => "{" + n + "}"));
}

/// <summary>Reads one catalogue file: a JSON object of key → text, each key once.</summary>
internal static class UserTextsFile
{
    public static FrozenDictionary<string, TextTemplate> Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new Catalogue.SeedException(path, $"không đọc được tệp lời thoại ({ex.Message})");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new Catalogue.SeedException(path, $"không đọc được tệp lời thoại ({ex.Message})");
        }
        var texts = new Dictionary<string, TextTemplate>(StringComparer.Ordinal);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions
            {
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw new Catalogue.SeedException(path, "phải là một đối tượng JSON { \"khóa\": \"lời\" }");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = property.Name;
                if (!IsKey(key))
                {
                    throw new Catalogue.SeedException(path, $"khóa \"{key}\" không hợp lệ (chữ thường, số, \"_\", các phần cách nhau bằng dấu chấm, ví dụ people.pick_scope)");
                }
                if (property.Value.ValueKind != System.Text.Json.JsonValueKind.String)
                {
                    throw new Catalogue.SeedException(path, $"khóa \"{key}\": lời phải là một chuỗi");
                }
                var text = property.Value.GetString()!;
                if (text.Length == 0)
                {
                    throw new Catalogue.SeedException(path, $"khóa \"{key}\": lời rỗng");
                }
                var template = TextTemplate.Parse(text, out var problem)
                    ?? throw new Catalogue.SeedException(path, $"khóa \"{key}\": {problem}");
                if (!texts.TryAdd(key, template))
                {
                    throw new Catalogue.SeedException(path, $"khóa \"{key}\" có hai lần");
                }
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new Catalogue.SeedException(path, $"JSON không hợp lệ (dòng {ex.LineNumber + 1}): {ex.Message}");
        }
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>"people.pick_scope": lower-case words of letters, digits and "_", at least two parts separated by dots.</summary>
    internal static bool IsKey(string key)
    {
        var parts = key.Split('.');
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && char.IsAsciiLetterLower(p[0]) && p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'));
    }
}
