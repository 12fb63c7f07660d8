using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Reporting;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Text;

/// <summary>seeds/texts: one catalogue per language, checked at start; the code asks only for keys that exist, with their placeholders.</summary>
public partial class UserTextsTests
{
    private static readonly Lazy<UserTexts> Seeds = new(() => UserTexts.Load(Path.Combine(TextKeyScanner.RepositoryRoot, "seeds")));
    private static readonly Lazy<IReadOnlyList<TextKeyScanner.Use>> Uses = new(TextKeyScanner.ScanSources);

    [Fact]
    public void Every_language_has_every_key_with_the_same_placeholders()
    {
        var texts = Seeds.Value;
        foreach (var language in UserTexts.Languages.Skip(1))
        {
            Assert.Equal(texts.Keys.Order(StringComparer.Ordinal), texts.KeysOf(language).Order(StringComparer.Ordinal));
            foreach (var key in texts.Keys)
            {
                Assert.True(
                    texts.Placeholders(UserTexts.Vietnamese, key).Order().SequenceEqual(texts.Placeholders(language, key).Order()),
                    $"{key}: vi {{{string.Join("}, {", texts.Placeholders(UserTexts.Vietnamese, key))}}} vs {language} {{{string.Join("}, {", texts.Placeholders(language, key))}}}");
            }
        }
    }

    [Fact]
    public void Every_key_used_in_code_exists_with_exactly_its_placeholders()
    {
        var texts = Seeds.Value;
        var problems = new List<string>();
        foreach (var use in Uses.Value)
        {
            var where = $"{use.File}:{use.Line} \"{use.Key}\"";
            if (use.Problem is not null)
            {
                problems.Add($"{where}: {use.Problem}");
            }
            else if (!texts.Keys.Contains(use.Key))
            {
                problems.Add($"{where}: not in seeds/texts/vi.json");
            }
            else if (!use.Names.Order().SequenceEqual(texts.Placeholders(UserTexts.Vietnamese, use.Key).Order()))
            {
                problems.Add($"{where}: passes ({string.Join(", ", use.Names)}), the text has ({string.Join(", ", texts.Placeholders(UserTexts.Vietnamese, use.Key))})");
            }
        }
        Assert.True(Uses.Value.Count > 0, "the scanner found no Text(\"key\") call");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_key_of_the_catalogue_is_used_in_code()
    {
        var used = Uses.Value.Select(u => u.Key).ToHashSet();
        Assert.Empty(Seeds.Value.Keys.Where(k => !used.Contains(k)).Order());
    }

    /// <summary>The scanner itself: it must see a key, its names, and refuse what it cannot check (else the tests above prove nothing).</summary>
    [Fact]
    public void The_scanner_reads_keys_and_placeholder_names()
    {
        const string code = """
            context.Say(context.Text("people.found", ("count", users.Count), ("name", $"{a.B("x")}")));
            // context.Text("in.a_comment")
            var s = texts.Text(language ?? UserTexts.Vietnamese, "zalo.no_url", ("file", f(1, 2)));
            var t = turn.Text("people.bad", values);
            plot.Add.Text("Không có số liệu", 0, 0);
            """;
        var uses = TextKeyScanner.Scan("x.cs", code).ToList();
        Assert.Equal(["people.found", "zalo.no_url", "people.bad"], uses.Select(u => u.Key));
        Assert.Equal(["count", "name"], uses[0].Names);
        Assert.Null(uses[0].Problem);
        Assert.Equal(["file"], uses[1].Names);
        Assert.NotNull(uses[2].Problem);
    }

    [Fact]
    public void Formatting_fills_every_placeholder_of_every_text()
    {
        var texts = Seeds.Value;
        foreach (var language in UserTexts.Languages)
        {
            foreach (var key in texts.Keys)
            {
                var names = texts.Placeholders(language, key);
                var args = names.Select(n => (n, (object?)SampleFor(texts, language, key, n))).ToArray();
                var text = texts.Text(language, key, args);
                Assert.DoesNotMatch(@"\{[a-z_0-9]+(:[a-z]+)?\}", text);
                Assert.NotEqual("", text);
                foreach (var (_, value) in args)
                {
                    Assert.Contains(value switch { long => language == "vi" ? "1.250" : "1,250", DateTimeOffset => "26/11/2026 09:05", DateOnly => "26/11/2026", _ => "«value»" }, text);
                }
            }
        }
    }

    /// <summary>A value of the kind the placeholder's format shows (a string for a plain one).</summary>
    private static object SampleFor(UserTexts texts, string language, string key, string name) => texts.PlaceholderFormat(language, key, name) switch
    {
        "number" => 1250L,
        "datetime" => new DateTimeOffset(2026, 11, 26, 9, 5, 0, TimeSpan.FromHours(7)),
        "date" => new DateOnly(2026, 11, 26),
        _ => "«value»",
    };

    [Fact]
    public void A_missing_or_extra_argument_is_refused()
    {
        var texts = Template("{\"t.one\": \"Có {count:number} người, {name}\"}", "{\"t.one\": \"{count} people, {name}\"}");
        Assert.Throws<ArgumentException>(() => texts.Text("vi", "t.one", ("count", 3)));
        Assert.Throws<ArgumentException>(() => texts.Text("vi", "t.one", ("count", 3), ("name", "A"), ("other", "B")));
        Assert.Throws<ArgumentException>(() => texts.Text("vi", "t.one", ("count", "ba"), ("name", "A")));
        Assert.Throws<KeyNotFoundException>(() => texts.Text("vi", "t.two"));
    }

    /// <summary>Vietnamese numbers and dates keep VnFormat ("1.250", "26/11/2026 09:05"); English may show digits as they are.</summary>
    [Fact]
    public void Vietnamese_numbers_and_dates_use_VnFormat()
    {
        var texts = Template(
            "{\"t.one\": \"{count:number} người, lúc {at:datetime}, ngày {day:date}, mã #{id}\"}",
            "{\"t.one\": \"{count} people, at {at:datetime}, on {day:date}, #{id}\"}");
        var at = new DateTimeOffset(2026, 11, 26, 9, 5, 0, TimeSpan.FromHours(7));
        var day = new DateOnly(2026, 11, 26);
        Assert.Equal(
            $"{VnFormat.Number(1250)} người, lúc {VnFormat.DateTime(at)}, ngày {VnFormat.Date(day)}, mã #1250",
            texts.Text("vi", "t.one", ("count", 1250), ("at", at), ("day", day), ("id", 1250)));
        Assert.Equal("1.250 người, lúc 26/11/2026 09:05, ngày 26/11/2026, mã #1250", texts.Text("vi", "t.one", ("count", 1250L), ("at", at), ("day", day), ("id", 1250)));
        Assert.Equal("1250 people, at 26/11/2026 09:05, on 26/11/2026, #1250", texts.Text("en", "t.one", ("count", 1250), ("at", at), ("day", day), ("id", 1250)));
        var grouped = Template("{\"t.n\": \"{n:number} ký tự\"}", "{\"t.n\": \"{n:number} characters\"}");
        Assert.Equal(VnFormat.Number(4200) + " ký tự", grouped.Text("vi", "t.n", ("n", 4200)));
        Assert.Equal("4,200 characters", grouped.Text("en", "t.n", ("n", 4200)));
    }

    [Theory]
    [InlineData("en", "Hello {{x}} {name}", "Hello {x} Ann")]
    [InlineData("en-US", "Hello {{x}} {name}", "Hello {x} Ann")]
    [InlineData("vi", "", "Chào Ann")]
    [InlineData("fr", "", "Chào Ann")]
    [InlineData("", "", "Chào Ann")]
    public void Vietnamese_is_the_default_and_the_fallback(string language, string english, string expected)
    {
        var en = english.Length == 0 ? "{}" : $"{{\"t.hello\": \"{english}\"}}";
        var texts = Template("{\"t.hello\": \"Chào {name}\"}", en);
        Assert.Equal(expected, texts.Text(language, "t.hello", ("name", "Ann")));
    }

    [Theory]
    [InlineData("vi.json", "[\"a\"]", "đối tượng JSON")]
    [InlineData("vi.json", "{\"a\": ", "JSON không hợp lệ")]
    [InlineData("vi.json", "{\"People.Pick\": \"x\"}", "khóa \"People.Pick\" không hợp lệ")]
    [InlineData("vi.json", "{\"pick\": \"x\"}", "khóa \"pick\" không hợp lệ")]
    [InlineData("vi.json", "{\"a.b\": 3}", "lời phải là một chuỗi")]
    [InlineData("vi.json", "{\"a.b\": \"\"}", "lời rỗng")]
    [InlineData("vi.json", "{\"a.b\": \"x\", \"a.b\": \"y\"}", "có hai lần")]
    [InlineData("vi.json", "{\"a.b\": \"Chào {name\"}", "không được đóng")]
    [InlineData("vi.json", "{\"a.b\": \"Chào name}\"}", "thừa")]
    [InlineData("vi.json", "{\"a.b\": \"Có {n:money}\"}", "không biết định dạng \"money\"")]
    [InlineData("vi.json", "{\"a.b\": \"Có {Tên}\"}", "không hợp lệ")]
    [InlineData("en.json", "{\"a.c\": \"x\"}", "khóa \"a.c\" không có trong vi.json")]
    [InlineData("en.json", "{\"a.b\": \"Hi {who}\"}", "khác bản tiếng Việt")]
    public void A_malformed_catalogue_is_refused_with_one_line_naming_it(string file, string content, string problem)
    {
        using var seeds = ReportingTestKit.CopySeeds();
        var folder = Path.Combine(seeds.Path, UserTexts.Folder);
        File.WriteAllText(Path.Combine(folder, "vi.json"), "{\"a.b\": \"Chào {name}\"}");
        File.WriteAllText(Path.Combine(folder, "en.json"), "{\"a.b\": \"Hi {name}\"}");
        File.WriteAllText(Path.Combine(folder, file), content);
        var ex = Assert.Throws<SeedException>(() => UserTexts.Load(seeds.Path));
        Assert.Contains(file, ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    /// <summary>The bot does not start without its words: the error names the file (the host prints it and exits 2).</summary>
    [Theory]
    [InlineData("vi.json")]
    [InlineData("en.json")]
    public void Start_fails_when_a_catalogue_is_missing(string file)
    {
        using var seeds = ReportingTestKit.CopySeeds();
        File.Delete(Path.Combine(seeds.Path, UserTexts.Folder, file));
        var ex = Assert.Throws<SeedException>(() => BotHarness.Create(new DateOnly(2026, 11, 26), settings: new Dictionary<string, string?> { ["Storage:SeedsPath"] = seeds.Path }));
        Assert.Contains(Path.Combine(UserTexts.Folder, file), ex.Message);
    }

    private static UserTexts Template(string vi, string en)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-texts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, UserTexts.Folder));
        try
        {
            File.WriteAllText(Path.Combine(folder, UserTexts.Folder, "vi.json"), vi);
            File.WriteAllText(Path.Combine(folder, UserTexts.Folder, "en.json"), en);
            return UserTexts.Load(folder);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
