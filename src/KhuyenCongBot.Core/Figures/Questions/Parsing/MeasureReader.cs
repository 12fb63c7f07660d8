using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Reads what a question counts: the measure ("gian hàng", "kinh phí", "số học viên"; seeds/lexicon/measures.json), the activity
/// (the catalogue's names and aliases), a group of facilities ("hợp tác xã", "do phụ nữ làm chủ"; intents.json "group:…") and data
/// the bot does not hold ("số công nhân"; intents.json "unsupported:…").
/// </summary>
internal sealed partial class MeasureReader(CatalogueIndex catalogue, Lexicon lexicon)
{
    /// <summary>Measure priority when several measure words are typed: "lượt" and "gian hàng" over "cơ sở" ("số lượt cơ sở").</summary>
    private static readonly string[] MeasurePriority =
        [Measures.Revenue, Measures.Funding, Measures.Trainees, Measures.Classes, Measures.Participations, Measures.Booths, Measures.Projects, Measures.Facilities];

    private IReadOnlyList<(string Phrase, string Measure)>? _measurePhrases;

    private IReadOnlyList<(string Phrase, string Measure)> MeasurePhrases => _measurePhrases ??=
        lexicon.Measures.OrderBy(m => Array.IndexOf(MeasurePriority, m.Measure)).ThenByDescending(m => m.Phrase.Length).ToList();

    public void Read(ref string s, QuestionParts parts)
    {
        var distinct = Take(ref s, ["khac nhau", "rieng biet", "distinct", "unique", "khong trung"]) is not null;
        if (Take(ref s, lexicon.Summary) is not null)
        {
            parts.Summary = true;
        }
        // "số sản phẩm bình chọn": a word that names a measure of one activity only, when that activity is named, no other
        // measure is ("lượt bình chọn sản phẩm"), and the word is not part of the activity's name ("bình chọn sản phẩm tiêu biểu").
        var named = FindActivityPhrase(s)?.Phrase;
        foreach (var (phrase, measure, activityId) in lexicon.ActivityMeasures)
        {
            var rest = Remove(s, phrase);
            if (VnText.ContainsWords(s, phrase) && FindActivityPhrase(rest)?.Id == activityId
                && (named is null || !VnText.ContainsWords(named, phrase)) && !MeasurePhrases.Any(m => VnText.ContainsWords(rest, m.Phrase)))
            {
                parts.Measure = measure;
                parts.MeasureWord = phrase;
                s = Remove(s, phrase);
                break;
            }
        }
        var unread = s;
        foreach (var (phrase, measure) in parts.MeasureWord is null ? MeasurePhrases : [])
        {
            if (VnText.ContainsWords(s, phrase))
            {
                parts.Measure = measure;
                parts.BareFacilities = measure == Measures.Facilities && !distinct;
                s = Remove(s, phrase);
                break;
            }
        }
        // "gian hàng và kinh phí hội chợ", "số cơ sở và kinh phí": a second measure joined to the first is a second question.
        if (parts.Measure is { } first && SecondMeasure(unread, first) is { } second)
        {
            parts.Second = (null, second);
        }
        // "kinh phí hỗ trợ các cơ sở", "doanh thu của doanh nghiệp": the beneficiaries' words say who, not what to count.
        if (parts.Measure is not null and not Measures.Facilities)
        {
            foreach (var (phrase, measure) in MeasurePhrases)
            {
                if (measure == Measures.Facilities && VnText.ContainsWords(s, phrase))
                {
                    s = Remove(s, phrase);
                }
            }
        }
        // "doanh thu của các dự án tư vấn": the projects say whose money.
        if (parts.Measure is Measures.Revenue or Measures.Funding && ProjectsWordRegex().Match(s) is { Success: true } projects)
        {
            s = Cut(s, projects);
            parts.ActivityId ??= parts.Measure == Measures.Revenue ? "consulting" : null;
        }
        if (parts.Measure is null && parts.SourceNamesMoney)
        {
            parts.Measure = Measures.Funding;
        }
        if (distinct)
        {
            parts.Measure ??= Measures.Facilities;
        }
        if (FindActivityPhrase(s) is { } activity)
        {
            parts.ActivityId = activity.Id;
            s = Remove(s, activity.Phrase);
            // "sản phẩm đạt giải bình chọn": two names of the same activity.
            while (FindActivityPhrase(s) is { } again && again.Id == activity.Id)
            {
                s = Remove(s, again.Phrase);
            }
            // "kinh phí máy móc và hội chợ": a second activity. Its words may be filler otherwise ("hội chợ" reads as "hỏi cho").
            // Not when one's words are in the other's full name ("tư vấn sản xuất sạch hơn": consulting is part of cleaner production).
            if (FindActivityPhrase(s) is { } other && other.Id != activity.Id && !NamesEachOther(activity, other))
            {
                parts.Second ??= (other.Id, null);
                s = Remove(s, other.Phrase);
            }
        }
        if (parts.ActivityId is null)
        {
            parts.ActivityId = parts.Measure switch
            {
                Measures.Booths => "trade_fair",
                Measures.Projects or Measures.Revenue => "consulting",
                Measures.Trainees or Measures.Classes => "training",
                _ => null,
            };
        }
        if (parts.Measure is not null || parts.ActivityId is not null)
        {
            parts.Summary = false;
        }
    }

    /// <summary>Whether one activity's words are part of the other's full name ("tư vấn" in "Sản xuất sạch hơn (đánh giá, tư vấn, …)").</summary>
    private bool NamesEachOther((string Id, string Phrase) a, (string Id, string Phrase) b) =>
        VnText.ContainsWords(VnText.FoldWords(catalogue.Activity(a.Id)?.Name ?? ""), b.Phrase)
        || VnText.ContainsWords(VnText.FoldWords(catalogue.Activity(b.Id)?.Name ?? ""), a.Phrase);

    /// <summary>Another measure than <paramref name="first"/> joined to it in <paramref name="s"/> ("gian hàng và kinh phí"), or null.</summary>
    private string? SecondMeasure(string s, string first)
    {
        FacilityWords ??= MeasurePhrases.Where(m => m.Measure == Measures.Facilities).Select(m => m.Phrase).ToHashSet(StringComparer.Ordinal);
        var firstPhrases = MeasurePhrases.Where(m => m.Measure == first).Select(m => m.Phrase).ToList();
        return MeasurePhrases.FirstOrDefault(m => m.Measure != first && Joined(s, m.Phrase, firstPhrases)).Measure;
    }

    /// <summary>The words of the facilities measure ("cơ sở"), which also name who was supported.</summary>
    private HashSet<string>? FacilityWords { get; set; }

    /// <summary>Whether <paramref name="phrase"/> (a measure's words) stands in <paramref name="s"/> joined to what comes before or
    /// after it by "và", "với", "cùng", "and" or a comma: "gian hàng và kinh phí", "kinh phí, số cơ sở".</summary>
    private bool Joined(string s, string phrase, IReadOnlyList<string> firstPhrases)
    {
        if (!VnText.ContainsWords(s, phrase))
        {
            return false;
        }
        var padded = " " + s + " ";
        string[] joins = ["va", "voi", "cung", "and", "so voi"];
        string[] between = ["", "so ", "bao nhieu ", "so luong ", "how many ", "the "];
        // After the join ("gian hàng và bao nhiêu cơ sở"); before it ("cơ sở và kinh phí"), the facilities' words only when the first
        // measure follows the join ("kinh phí hỗ trợ các cơ sở và hộ kinh doanh" names who got the money, not a second measure).
        return joins.Any(j => between.Any(b => padded.Contains(" " + j + " " + b + phrase + " ", StringComparison.Ordinal)
            || (FacilityWords?.Contains(phrase) == true
                ? firstPhrases.Any(f => padded.Contains(" " + phrase + " " + j + " " + b + f + " ", StringComparison.Ordinal))
                : padded.Contains(" " + phrase + " " + j + " ", StringComparison.Ordinal))));
    }

    public (string Id, string Phrase)? FindActivityPhrase(string s)
    {
        var activity = catalogue.FindActivityIn(s.Trim());
        if (activity is null)
        {
            return null;
        }
        var phrase = new[] { activity.Name, activity.ShortName, activity.Id.Replace('_', ' ') }.Concat(activity.Aliases)
            .Select(VnText.FoldWords).Where(p => p.Length > 0 && VnText.ContainsWords(s, p)).OrderByDescending(p => p.Length).First();
        return (activity.Id, phrase);
    }

    /// <summary>
    /// Data the bot does not hold ("số công nhân", "lợi nhuận"), unless its words straddle a phrase the bot knows: an activity's
    /// name, a measure or a group of facilities ("lao động được đào tạo" names the trainees; "cơ sở dân tộc thiểu số" is no "số dân").
    /// A known phrase inside the words ("học viên" in "học viên nữ") does not save them.
    /// </summary>
    public void ReadUnsupported(ref string s, QuestionParts parts)
    {
        // The known phrases' places are found only once an unsupported phrase occurs (most questions have none), and again only
        // when the text changed: done for every unsupported phrase, this was most of the parse's time.
        List<(int Start, int End)>? spans = null;
        string? spansOf = null;
        var asked = s;
        string? activityPhrase = null;
        // "đào tạo nghề cho bao nhiêu lao động nông thôn": with its activity named, "lao động" is that activity's measure (the trainees,
        // measures.json "trainees@training"), not the workers the bot does not hold (a tester got "no data" or the figure by word order).
        string? activityOfText = null;
        foreach (var (phrase, what) in lexicon.Unsupported)
        {
            var text = s;
            if (lexicon.ActivityMeasures.Any(m => m.Phrase == phrase)
                && (activityOfText ??= FindActivityPhrase(asked)?.Id ?? "") is { Length: > 0 } named
                && lexicon.ActivityMeasures.Any(m => m.Phrase == phrase && m.ActivityId == named))
            {
                continue;
            }
            foreach (var at in Occurrences(text, phrase))
            {
                if (!ReferenceEquals(spansOf, text))
                {
                    activityPhrase ??= FindActivityPhrase(asked)?.Phrase ?? "";
                    (spans, spansOf) = (KnownSpans(text, activityPhrase), text);
                }
                var end = at + phrase.Length;
                // Saved only when known phrases reaching beyond it cover every one of its words: "cơ sở" + "dân tộc thiểu số" cover
                // "số dân"; "số học viên" leaves the "nữ" of "học viên nữ" uncovered (sex is not recorded: said so).
                var beyond = spans!.Where(k => k.Start < end && at < k.End && (k.Start < at || k.End > end)).ToList();
                if (beyond.Count > 0 && WordStarts(text, at, end).All(w => beyond.Any(k => k.Start <= w && w < k.End)))
                {
                    continue;
                }
                if (parts.Unsupported is null)
                {
                    parts.Unsupported = what;
                    parts.UnsupportedEnglish = lexicon.UnsupportedEnglish.GetValueOrDefault(what);
                }
                s = text[..at] + text[end..];
                break;
            }
        }
    }

    /// <summary>Where each measure and facility-group phrase, and the question's activity phrase, stand in <paramref name="text"/>.</summary>
    private List<(int Start, int End)> KnownSpans(string text, string activityPhrase)
    {
        var known = new List<string>(MeasurePhrases.Select(m => m.Phrase).Concat(lexicon.FacilityGroups.Select(g => g.Phrase)));
        if (activityPhrase.Length > 0)
        {
            known.Add(activityPhrase);
        }
        return known.SelectMany(k => Occurrences(text, k).Select(at => (Start: at, End: at + k.Length))).ToList();
    }

    /// <summary>The index of each word's first letter in <paramref name="s"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static IEnumerable<int> WordStarts(string s, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            {
                yield return i;
            }
        }
    }

    /// <summary>Where a phrase stands as whole words in the padded working text (the index of its first letter).</summary>
    private static IEnumerable<int> Occurrences(string s, string phrase)
    {
        var padded = " " + phrase + " ";
        for (var at = s.IndexOf(padded, StringComparison.Ordinal); at >= 0; at = s.IndexOf(padded, at + 1, StringComparison.Ordinal))
        {
            yield return at + 1;
        }
    }

    /// <summary>
    /// "hợp tác xã", "doanh nghiệp", "do phụ nữ làm chủ": a legal form or priority group of facilities (seeds/lexicon/intents.json,
    /// "group:&lt;id of seeds/catalogue/beneficiaries.json&gt;"); the figure keeps those facilities. Words that also name the facilities
    /// measure ("htx", "doanh nghiệp") are left for the measure reader; the others are taken here.
    /// </summary>
    /// <remarks>Several groups named ("hợp tác xã do phụ nữ làm chủ") are kept together, joined by "+": facilities in all of them.</remarks>
    public void ReadFacilityGroup(ref string s, QuestionParts parts)
    {
        var groups = new List<string>();
        var phrases = new List<string>();
        var probe = s;
        foreach (var (phrase, group) in lexicon.FacilityGroups)
        {
            if (!ContainsPhrase(probe, phrase))
            {
                continue;
            }
            var m = PhraseRegex(" " + Regex.Escape(phrase) + "(?= )").Match(probe);
            if (!m.Success)
            {
                continue;
            }
            // Longest phrases first: "do phụ nữ làm chủ" is taken before "nữ làm chủ" could be read in it again.
            probe = Cut(probe, m);
            phrases.Add(phrase);
            if (!groups.Contains(group))
            {
                groups.Add(group);
            }
        }
        foreach (var phrase in phrases)
        {
            // A phrase that also names the facilities measure ("htx") is left for it, unless several groups are named (then the measure is facilities).
            if (groups.Count > 1 || !lexicon.Measures.Any(x => x.Phrase == phrase))
            {
                s = Cut(s, PhraseRegex(" " + Regex.Escape(phrase) + "(?= )").Match(s));
            }
        }
        parts.FacilityGroup = groups.Count == 0 ? null : string.Join('+', groups.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(" (cac |nhung )?(du an|de an|projects?)(?= )")]
    private static partial Regex ProjectsWordRegex();
}
