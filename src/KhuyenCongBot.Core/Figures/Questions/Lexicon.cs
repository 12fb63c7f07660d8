using System.Text.Json;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// The words the figures questions understand, read and checked from seeds/lexicon/*.json at start (see seeds/lexicon/README.md).
/// Every phrase is folded (lower case, no diacritics); lists are ordered longest phrase first so that the longest wins.
/// </summary>
public sealed class Lexicon
{
    public const string Folder = "lexicon";

    private static readonly string[] Files = ["measures", "sources", "intents", "places", "shorthand", "filler", "phrases", "comparisons", "rankings"];

    /// <summary>The keys comparisons.json must have: the words of "so với", "cùng kỳ", "năm trước", "yoy", "tăng giảm", "so sánh".</summary>
    /// <remarks>"compare_with": the words between two periods after "so sánh" ("so sánh quý 3 năm nay với quý 3 năm ngoái").</remarks>
    public static readonly IReadOnlyList<string> ComparisonKeys = ["versus", "same_period", "previous_year", "year_on_year", "change", "compare", "compare_with"];

    /// <summary>The keys rankings.json must have: "top", "xếp hạng", "nhiều nhất", "ít nhất".</summary>
    public static readonly IReadOnlyList<string> RankingKeys = ["top", "rank", "most", "least"];

    private static readonly Lazy<Lexicon> LazyDefault = new(() => Load(SeedFiles.Locate(null)));

    /// <summary>The lexicon of the seeds beside the program (tests and callers without DI).</summary>
    public static Lexicon Default => LazyDefault.Value;

    /// <summary>(phrase, measure id) longest first.</summary>
    public IReadOnlyList<(string Phrase, string Measure)> Measures { get; private init; } = [];

    /// <summary>(phrase, measure id, activity id) longest first: words that name a measure of one activity only (measures.json "participations@product_award").</summary>
    public IReadOnlyList<(string Phrase, string Measure, string ActivityId)> ActivityMeasures { get; private init; } = [];

    /// <summary>(phrase, source) longest first.</summary>
    public IReadOnlyList<(string Phrase, FundingSource Source)> Sources { get; private init; } = [];

    /// <summary>"theo nguồn": a breakdown by funding source.</summary>
    public IReadOnlyList<string> SourceBreakdown { get; private init; } = [];

    public IReadOnlyList<string> Greetings { get; private init; } = [];
    public IReadOnlyList<string> Thanks { get; private init; } = [];

    /// <summary>(phrase, what the bot does not hold, as said in the reply).</summary>
    public IReadOnlyList<(string Phrase, string What)> Unsupported { get; private init; } = [];

    /// <summary>What the bot does not hold, said to an English reader: the part of the key after " | "
    /// ("unsupported:&lt;Vietnamese&gt; | the number of workers"), by the Vietnamese part.</summary>
    public IReadOnlyDictionary<string, string> UnsupportedEnglish { get; private init; } = new Dictionary<string, string>();

    /// <summary>(phrase, legal form or priority group id of seeds/catalogue/beneficiaries.json: "cooperative", "women_owned"), longest first.</summary>
    public IReadOnlyList<(string Phrase, string Group)> FacilityGroups { get; private init; } = [];

    /// <summary>(extra name, place id): a current or former province id, or a region id.</summary>
    public IReadOnlyList<(string Phrase, string PlaceId)> Places { get; private init; } = [];

    /// <summary>One typed token → its full words ("bn" → "bao nhieu").</summary>
    public IReadOnlyDictionary<string, string> Shorthand { get; private init; } = new Dictionary<string, string>();

    /// <summary>Phrases that change nothing ("cho mình hỏi", "ạ"), longest first.</summary>
    public IReadOnlyList<string> Filler { get; private init; } = [];

    /// <summary>Phrases that make a message a question ("bao nhiêu").</summary>
    public IReadOnlyList<string> QuestionWords { get; private init; } = [];

    /// <summary>"tất cả", "tổng hợp": the whole summary (phrases.json).</summary>
    public IReadOnlyList<string> Summary { get; private init; } = [];

    /// <summary>"cả nước": every province.</summary>
    public IReadOnlyList<string> AllScope { get; private init; } = [];

    /// <summary>"tỉnh tôi": the person's own province.</summary>
    public IReadOnlyList<string> OwnScope { get; private init; } = [];

    /// <summary>"biểu đồ": answer with a chart.</summary>
    public IReadOnlyList<string> Chart { get; private init; } = [];

    /// <summary>"excel": answer with a spreadsheet.</summary>
    public IReadOnlyList<string> Excel { get; private init; } = [];

    /// <summary>Comparison words per key of <see cref="ComparisonKeys"/> (folded, longest first).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Comparisons { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Ranking words per key of <see cref="RankingKeys"/> (folded, longest first).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Rankings { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Every single word of every phrase (filler, spelling, measures...): the words a typo is corrected to.</summary>
    public IReadOnlySet<string> KnownWords { get; private init; } = new HashSet<string>();

    /// <summary>Reads and checks seeds/lexicon/*.json; a missing or malformed file throws <see cref="SeedException"/> naming it.</summary>
    /// <param name="placeIds">Province and region ids a place alias may name (null: not checked).</param>
    public static Lexicon Load(string seedsPath, IReadOnlyCollection<string>? placeIds = null)
    {
        var folder = Path.Combine(seedsPath, Folder);
        var files = new Dictionary<string, Dictionary<string, List<string>>>();
        foreach (var name in Files)
        {
            files[name] = Read(Path.Combine(folder, name + ".json"));
        }
        var extra = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Where(n => !Files.Contains(n)).ToList()
            : [];
        if (extra.Count > 0)
        {
            throw new SeedException(Path.Combine(folder, extra[0] + ".json"), $"tệp từ vựng không dùng đến (chỉ có: {string.Join(", ", Files.Select(f => f + ".json"))})");
        }

        var measureFile = files["measures"];
        var measures = Pairs(folder, "measures", measureFile.Where(kv => !kv.Key.Contains('@', StringComparison.Ordinal)).ToDictionary(),
            key => Figures.Measures.All.Contains(key) || Figures.Measures.FromForms.Contains(key) ? key : null,
            "một chỉ tiêu (" + string.Join(", ", Figures.Measures.All.Concat(Figures.Measures.FromForms)) + ")");
        // "participations@product_award": words that name that measure of that activity only ("sản phẩm" bình chọn = lượt).
        var activityMeasures = Pairs(folder, "measures", measureFile.Where(kv => kv.Key.Contains('@', StringComparison.Ordinal)).ToDictionary(),
            key => key.Split('@') is [var m, var a] && Figures.Measures.All.Contains(m) && a.Length > 0 ? key : null, "<chỉ tiêu>@<mã hoạt động>");
        var sourceFile = files["sources"];
        var sources = Pairs(folder, "sources", sourceFile.Where(kv => kv.Key != "breakdown").ToDictionary(), SourceOf, "kcqg, kcdp, counterpart, other hoặc breakdown");
        var intents = files["intents"];
        var unsupported = Pairs(folder, "intents", intents.Where(kv => kv.Key.StartsWith("unsupported:", StringComparison.Ordinal)).ToDictionary(),
            key => key.Length > "unsupported:".Length ? key["unsupported:".Length..].Split(" | ")[0].Trim() : null, "unsupported:<điều bot không có>[ | <in English>]");
        var unsupportedEnglish = intents.Keys.Where(k => k.StartsWith("unsupported:", StringComparison.Ordinal) && k.Contains(" | ", StringComparison.Ordinal))
            .Select(k => k["unsupported:".Length..].Split(" | ")).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        CheckKeys(folder, "intents", intents.Keys, k => k is "greeting" or "thanks" || (k.StartsWith("unsupported:", StringComparison.Ordinal) && k.Length > 12)
            || (k.StartsWith("group:", StringComparison.Ordinal) && k.Length > 6), "greeting, thanks, unsupported:<...>, group:<...>");
        var groups = Pairs(folder, "intents", intents.Where(kv => kv.Key.StartsWith("group:", StringComparison.Ordinal)).ToDictionary(), key => key[6..], "group:<mã loại hình hoặc nhóm ưu tiên trong seeds/catalogue/beneficiaries.json>");
        var places = Pairs(folder, "places", files["places"], key => placeIds is null || placeIds.Contains(key) ? key : null, "mã tỉnh hoặc vùng trong seeds/catalogue");
        var filler = files["filler"];
        CheckKeys(folder, "filler", filler.Keys, k => k is "filler" or "question" or "spelling", "filler, question, spelling");
        var phrases = files["phrases"];
        string[] phraseKeys = ["summary", "all_scope", "own_scope", "chart", "excel"];
        CheckKeys(folder, "phrases", phrases.Keys, phraseKeys.Contains, string.Join(", ", phraseKeys));
        if (phraseKeys.FirstOrDefault(k => !phrases.ContainsKey(k)) is { } missing)
        {
            throw new SeedException(Path.Combine(folder, "phrases.json"), $"thiếu khóa \"{missing}\"");
        }
        var comparisons = Keyed(folder, "comparisons", files["comparisons"], ComparisonKeys);
        var rankings = Keyed(folder, "rankings", files["rankings"], RankingKeys);
        var shorthand = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (full, tokens) in files["shorthand"])
        {
            foreach (var token in tokens.Select(VnText.FoldWords))
            {
                if (token.Length == 0)
                {
                    throw new SeedException(Path.Combine(folder, "shorthand.json"), $"\"{full}\": có một từ viết tắt rỗng");
                }
                if (!shorthand.TryAdd(token, VnText.FoldWords(full)))
                {
                    throw new SeedException(Path.Combine(folder, "shorthand.json"), $"\"{token}\" được viết tắt cho hai cụm từ khác nhau");
                }
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in files.Values.SelectMany(f => f.Values).SelectMany(v => v).Concat(shorthand.Values))
        {
            known.UnionWith(VnText.FoldWords(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return new Lexicon
        {
            Measures = measures,
            ActivityMeasures = activityMeasures.Select(x => (x.Phrase, x.Key.Split('@')[0], x.Key.Split('@')[1])).ToList(),
            Sources = sources.Select(x => (x.Phrase, Enum.Parse<FundingSource>(x.Key, ignoreCase: true))).ToList(),
            SourceBreakdown = Longest(sourceFile.GetValueOrDefault("breakdown") ?? []),
            Greetings = Longest(intents.GetValueOrDefault("greeting") ?? []),
            Thanks = Longest(intents.GetValueOrDefault("thanks") ?? []),
            Unsupported = unsupported,
            UnsupportedEnglish = unsupportedEnglish,
            FacilityGroups = groups,
            Places = places,
            Shorthand = shorthand,
            Filler = Longest(filler.GetValueOrDefault("filler") ?? []),
            QuestionWords = Longest(filler.GetValueOrDefault("question") ?? []),
            KnownWords = known,
            Summary = Longest(phrases["summary"]),
            AllScope = Longest(phrases["all_scope"]),
            OwnScope = Longest(phrases["own_scope"]),
            Chart = Longest(phrases["chart"]),
            Excel = Longest(phrases["excel"]),
            Comparisons = comparisons,
            Rankings = rankings,
        };
    }

    /// <summary>A file whose keys are exactly <paramref name="keys"/>: each key's phrases folded, longest first.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Keyed(string folder, string name, Dictionary<string, List<string>> content, IReadOnlyList<string> keys)
    {
        CheckKeys(folder, name, content.Keys, keys.Contains, string.Join(", ", keys));
        if (keys.FirstOrDefault(k => !content.ContainsKey(k)) is { } missing)
        {
            throw new SeedException(Path.Combine(folder, name + ".json"), $"thiếu khóa \"{missing}\"");
        }
        return keys.ToDictionary(k => k, k => (IReadOnlyList<string>)Longest(content[k]), StringComparer.Ordinal);
    }

    private static string? SourceOf(string key) => key switch
    {
        "kcqg" => nameof(FundingSource.Kcqg),
        "kcdp" => nameof(FundingSource.Kcdp),
        "counterpart" => nameof(FundingSource.Counterpart),
        "other" => nameof(FundingSource.Other),
        _ => null,
    };

    private static Dictionary<string, List<string>> Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new SeedException(file, "thiếu tệp từ vựng (seeds/lexicon)");
        }
        Dictionary<string, List<string>>? content;
        try
        {
            content = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(File.ReadAllText(file), SeedFiles.Json);
        }
        catch (JsonException ex)
        {
            throw new SeedException(file, $"JSON không hợp lệ ở {ex.Path} (dòng {ex.LineNumber + 1}): cần một đối tượng {{\"khóa\": [\"cụm từ\", ...]}}");
        }
        if (content is null || content.Count == 0)
        {
            throw new SeedException(file, "tệp rỗng");
        }
        foreach (var (key, phrases) in content)
        {
            if (phrases is null || phrases.Count == 0)
            {
                throw new SeedException(file, $"\"{key}\": danh sách cụm từ rỗng");
            }
            if (phrases.FirstOrDefault(p => VnText.FoldWords(p).Length == 0) is { } empty)
            {
                throw new SeedException(file, $"\"{key}\": cụm từ \"{empty}\" không có chữ nào");
            }
        }
        return content;
    }

    private static void CheckKeys(string folder, string name, IEnumerable<string> keys, Func<string, bool> valid, string allowed)
    {
        if (keys.FirstOrDefault(k => !valid(k)) is { } bad)
        {
            throw new SeedException(Path.Combine(folder, name + ".json"), $"khóa \"{bad}\" không hợp lệ (cần: {allowed})");
        }
    }

    /// <summary>(folded phrase, key) longest first; a phrase under two keys of one file is an error.</summary>
    private static List<(string Phrase, string Key)> Pairs(string folder, string name, Dictionary<string, List<string>> content, Func<string, string?> key, string allowed)
    {
        var file = Path.Combine(folder, name + ".json");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = new List<(string, string)>();
        foreach (var (k, phrases) in content)
        {
            var value = key(k) ?? throw new SeedException(file, $"khóa \"{k}\" không hợp lệ (cần: {allowed})");
            foreach (var phrase in phrases.Select(VnText.FoldWords))
            {
                if (seen.TryGetValue(phrase, out var other) && other != value)
                {
                    throw new SeedException(file, $"cụm từ \"{phrase}\" có ở cả \"{other}\" và \"{k}\"");
                }
                if (seen.TryAdd(phrase, value))
                {
                    pairs.Add((phrase, value));
                }
            }
        }
        return pairs.OrderByDescending(p => p.Item1.Length).ToList();
    }

    private static List<string> Longest(IEnumerable<string> phrases) =>
        phrases.Select(VnText.FoldWords).Distinct().OrderByDescending(p => p.Length).ToList();
}
