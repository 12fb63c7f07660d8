using System.Text;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Reads a manager's free-text question (Vietnamese with or without diacritics, or simple English) into <see cref="QuestionParts"/>.</summary>
/// <remarks>
/// How understanding works ("consumed words"): the message is folded (lower case, no diacritics), abbreviations are
/// expanded and typos of known words corrected, then each recogniser in <see cref="Parse"/> (output, status,
/// comparisons, places, sources, breakdowns, periods, measures and activities, intents, question and filler words)
/// reads what it understands from the working text <c>s</c> and CUTS those words out of it (with <see cref="Take"/>,
/// <see cref="Remove"/> or <see cref="Cut"/>). Whatever is left at the end and is not filler is "not understood":
/// it goes to <see cref="QuestionParts.Unknown"/>, and the bot quotes it and asks instead of answering.
/// To add a recogniser: read from <c>s</c> in <see cref="Parse"/>, set a field of <see cref="QuestionParts"/>, and cut
/// the words you read; put its vocabulary in seeds/lexicon/ (<see cref="Lexicon"/>) rather than in code. A word that
/// only makes a phrase sound natural ("được", "cho mình hỏi") belongs in seeds/lexicon/filler.json.
/// </remarks>
public sealed partial class QuestionParser(CatalogueIndex catalogue, Lexicon? lexicon = null)
{
    private readonly Lexicon _lexicon = lexicon ?? Lexicon.Default;
    private PhrasePatterns Patterns => PhrasePatterns.For(_lexicon);

    /// <summary>Parses one message; <paramref name="today"/> anchors relative periods.</summary>
    public QuestionParts Parse(string text, DateOnly today)
    {
        var parts = new QuestionParts { QuestionWords = text.Contains('?') };
        // "2021-2025" would fold to "2021 2025": keep it a range; "07/2025", "T7/2025" are months.
        text = YearDashYearRegex().Replace(text, "$1 đến $2");
        text = MonthSlashYearRegex().Replace(text, " tháng $1 năm $2 ");
        var folded = Expand(VnText.FoldWords(text));
        folded = Correct(folded, parts);
        var s = " " + ApplyPlaceAliases(folded) + " ";
        KindRecognisers.Read(ref s, parts, today, Patterns);

        if (FollowUpRegex().Match(s) is { Success: true } follow)
        {
            parts.FollowUpMarker = true;
            s = Cut(s, follow);
        }
        if (FollowUpTailRegex().Match(s) is { Success: true } tail)
        {
            parts.FollowUpMarker = true;
            s = Cut(s, tail);
        }

        ReadUnsupported(ref s, parts);
        // Output.
        if (Take(ref s, _lexicon.Chart) is not null)
        {
            parts.Output = OutputKind.Chart;
        }
        else if (Take(ref s, _lexicon.Excel) is not null)
        {
            parts.Output = OutputKind.Excel;
        }

        ReadStatus(ref s, parts);
        ReadComparisons(ref s, parts);
        ReadScope(ref s, parts);
        ReadSource(ref s, parts);
        ReadBreakdown(ref s, parts);
        ReadPeriod(ref s, parts, today);
        ReadFacilityGroup(ref s, parts);
        var namesFacilities = VnText.ContainsWords(s, "co so") || VnText.ContainsWords(s, "bao nhieu") || VnText.ContainsWords(s, "so luong");
        ReadMetric(ref s, parts);
        if (parts.FacilityGroup is not null && parts.SourceNamesMoney && parts.Measure == Measures.Facilities && !namesFacilities)
        {
            // "vốn đối ứng của hợp tác xã năm nay": the group says whose money, the measure is the money (not a count of them).
            parts.Measure = Measures.Funding;
        }
        if (parts.FacilityGroup is not null && !parts.HasMetric && parts.Kind == QuestionKind.Figure)
        {
            // "hợp tác xã do phụ nữ làm chủ được hỗ trợ năm 2025": the group names facilities.
            parts.Measure = Measures.Facilities;
        }
        // "so sánh" alone compares with the same period last year, unless it compares provinces or activities with each other.
        if (parts.CompareWord && !parts.CompareLastYear && !parts.ComparePlan && parts.Breakdown is null
            && parts.Scope?.StartsWith("m:", StringComparison.Ordinal) != true)
        {
            parts.CompareLastYear = true;
        }

        foreach (var phrase in _lexicon.QuestionWords)
        {
            if (VnText.ContainsWords(s, phrase))
            {
                parts.QuestionWords = true;
            }
        }
        ReadSocial(ref s, parts);
        ReadLeftover(s, text, parts);
        return parts;
    }

    /// <summary>"ước thực hiện" / "chính thức" (or "không tính số ước"): which records to count.</summary>
    private static void ReadStatus(ref string s, QuestionParts parts)
    {
        if (ExcludeEstimatesRegex().Match(s) is { Success: true } exclude)
        {
            parts.Status = RecordStatus.Actual;
            s = Cut(s, exclude);
            return;
        }
        var estimate = EstimateRegex().Match(s);
        if (estimate.Success)
        {
            s = Cut(s, estimate);
        }
        var actual = ActualRegex().Match(s);
        if (actual.Success)
        {
            s = Cut(s, actual);
        }
        if (estimate.Success && actual.Success)
        {
            parts.BothStatuses = true;
        }
        else if (estimate.Success || actual.Success)
        {
            parts.Status = estimate.Success ? RecordStatus.Estimate : RecordStatus.Actual;
        }
    }

    private void ReadComparisons(ref string s, QuestionParts parts)
    {
        var p = Patterns;
        var yoy = p.Yoy.Match(s);
        if (yoy.Success)
        {
            parts.CompareLastYear = true;
            if (yoy.Groups["year"].Success)
            {
                parts.CompareYear = int.Parse(yoy.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            s = Cut(s, yoy);
        }
        else if (p.YoyShort.Match(s) is { Success: true } shortYoy)
        {
            parts.CompareLastYear = true;
            s = Cut(s, shortYoy);
        }
        var plan = PlanRegex().Match(s);
        if (plan.Success)
        {
            parts.ComparePlan = true;
            s = Cut(s, plan);
        }
        var change = p.Change.Match(s);
        if (change.Success)
        {
            parts.Change = true;
            if (!parts.ComparePlan)
            {
                parts.CompareLastYear = true;
            }
            s = Cut(s, change);
        }
        // "chênh lệch bao nhiêu so với 2023": the year compared with, also after a word of change.
        if (!parts.ComparePlan && parts.CompareYear is null && p.VsYear.Match(s) is { Success: true } vs)
        {
            parts.CompareLastYear = true;
            parts.CompareYear = int.Parse(vs.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            s = Cut(s, vs);
        }
        // "so sánh gian hàng 2024 với 2023", "so sánh năm nay và năm ngoái": the second period is what to compare with
        // (read before the periods, so that "năm ngoái" is not taken for the period asked about).
        if (p.CompareWord.Match(s) is { Success: true } compare)
        {
            parts.CompareWord = true;
            s = Cut(s, compare);
            if (!parts.CompareLastYear && !parts.ComparePlan && p.CompareWith.Match(s) is { Success: true } with)
            {
                parts.CompareLastYear = true;
                if (with.Groups["year"].Success)
                {
                    parts.CompareYear = int.Parse(with.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
                s = Cut(s, with);
            }
        }
    }

    private void ReadBreakdown(ref string s, QuestionParts parts)
    {
        var p = Patterns;
        var topN = p.Top.Match(s);
        if (topN.Success)
        {
            parts.Top = int.Parse(topN.Groups["n"].Success ? topN.Groups["n"].Value : topN.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (topN.Groups["what"].Success)
            {
                parts.Breakdown = ByWord(topN.Groups["what"].Value);
            }
            if (topN.Groups["low"].Success)
            {
                parts.Ascending = true;
            }
            s = Cut(s, topN);
        }
        if (parts.Top is null && p.AnySuperlative.IsMatch(s))
        {
            var loose = LooseTopRegex().Match(s);
            if (loose.Success)
            {
                parts.Top = int.Parse(loose.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
                parts.Breakdown = ByWord(loose.Groups["what"].Value);
                parts.Ascending = LowestRegex().IsMatch(s);
                s = Cut(s, loose);
            }
        }
        // "top tỉnh" without a number: the first five; "xếp hạng các tỉnh": all of them, highest first.
        if (parts.Top is null && p.BareTop.Match(s) is { Success: true } bareTop)
        {
            parts.Top = bareTop.Groups["rank"].Success ? null : DefaultTop;
            parts.Breakdown = ByWord(bareTop.Groups["what"].Success ? bareTop.Groups["what"].Value : "tinh");
            s = Cut(s, bareTop);
        }
        var by = ByRegex().Match(s);
        // "kinh phí KCQG và KCĐP theo tỉnh": one breakdown at a time; the second is left for the bot to say it did not understand it.
        if (by.Success && parts.Breakdown != BreakdownBy.Source)
        {
            parts.Breakdown ??= ByWord(by.Groups["what"].Value);
            s = Cut(s, by);
        }
        var which = WhichRegex().Match(s);
        if (which.Success)
        {
            parts.Breakdown ??= ByWord(which.Groups["what"].Value);
            parts.Top ??= 1;
            s = Cut(s, which);
        }
        var most = p.Most.Match(s);
        if (most.Success)
        {
            parts.Top ??= 1;
            if (most.Groups["low"].Success)
            {
                parts.Ascending = true;
            }
            s = Cut(s, most);
        }
        // "tỉnh nhiều gian hàng nhất", "hoạt động ít kinh phí nhất" (not "bao nhiêu … gần nhất").
        if (parts.Top is null && SplitMostRegex().Match(s) is { Success: true } splitMost)
        {
            parts.Top = 1;
            parts.Ascending = splitMost.Groups["low"].Success;
            if (splitMost.Groups["what"].Success)
            {
                parts.Breakdown ??= ByWord(splitMost.Groups["what"].Value);
                var what = splitMost.Groups["what"];
                s = s[..what.Index] + " " + s[(what.Index + what.Length)..];
            }
        }
        if (parts.Top is not null && !parts.Ascending && LeastMostRegex().IsMatch(s))
        {
            parts.Ascending = true;
        }
        if (parts.Top is not null)
        {
            parts.Breakdown ??= BreakdownBy.Province;
        }
        // "tỉnh dẫn đầu về gian hàng": the word that says what is ranked.
        if (parts.Breakdown == BreakdownBy.Province && RankedUnitRegex().Match(s) is { Success: true } unit)
        {
            s = Cut(s, unit);
        }
    }

    private static BreakdownBy ByWord(string word) => word switch
    {
        _ when word.StartsWith("thang", StringComparison.Ordinal) || word.StartsWith("month", StringComparison.Ordinal) => BreakdownBy.Month,
        _ when word == "nam" || word.StartsWith("year", StringComparison.Ordinal) => BreakdownBy.Year,
        _ when word.StartsWith("hoat dong", StringComparison.Ordinal) || word.StartsWith("linh vuc", StringComparison.Ordinal)
            || word.StartsWith("noi dung", StringComparison.Ordinal) || word.StartsWith("activit", StringComparison.Ordinal) => BreakdownBy.Activity,
        _ => BreakdownBy.Province,
    };

    private void ReadScope(ref string s, QuestionParts parts)
    {
        if (Take(ref s, _lexicon.AllScope) is { } all)
        {
            parts.Scope = "all";
            parts.ScopeName = all;
            return;
        }
        if (Take(ref s, _lexicon.OwnScope) is not null)
        {
            parts.Scope = "own";
            return;
        }
        foreach (var (phrase, region) in catalogue.Regions
                     .SelectMany(r => r.Aliases.Append(r.Name).Select(a => (VnText.FoldWords(a), r)))
                     .OrderByDescending(x => x.Item1.Length))
        {
            if (phrase.Length > 0 && VnText.ContainsWords(s, phrase))
            {
                parts.Scope = "r:" + region.Id;
                parts.ScopeName = region.Name;
                s = Remove(s, phrase);
                return;
            }
        }
        var found = new List<(string Id, bool Former, string Name, int At)>();
        var asked = s;
        while (found.Count < 12 && catalogue.FindProvinceIn(s.Trim()) is { } hit)
        {
            // A former province keeps its own name; the catalogue returns the current unit when a former one shares its id.
            var former = catalogue.Provinces.FirstOrDefault(p => !p.IsCurrent && p.Id != p.CurrentId
                && new[] { p.Name, p.ShortName }.Concat(p.Aliases).Any(a => VnText.FoldWords(a) == hit.Phrase));
            var unit = former ?? hit.Unit;
            if (!found.Any(f => f.Id == unit.Id))
            {
                found.Add((unit.Id, !unit.IsCurrent, former?.Name ?? unit.ShortName, asked.IndexOf(" " + hit.Phrase + " ", StringComparison.Ordinal)));
            }
            var before = s;
            foreach (var prefix in new[] { "tinh ", "thanh pho ", "tp ", "o ", "tai ", "cua ", "in ", "of ", "" })
            {
                s = Remove(s, prefix + hit.Phrase);
                if (s != before)
                {
                    break;
                }
            }
            if (s == before)
            {
                break;
            }
        }
        found = found.OrderBy(f => f.At).ToList();
        if (found.Count == 1)
        {
            parts.Scope = (found[0].Former ? "f:" : "p:") + found[0].Id;
            parts.ScopeName = found[0].Name;
        }
        else if (found.Count > 1)
        {
            // Several provinces: "m:phu-tho,bac-ninh" (each id current or former, as in the catalogue).
            parts.Scope = ScopeResolver.Many(found.Select(f => f.Id));
            parts.ScopeName = string.Join(", ", found.Take(found.Count - 1).Select(f => f.Name)) + " và " + found[^1].Name;
        }
    }

    private static void ReadPeriod(ref string s, QuestionParts parts, DateOnly today)
    {
        var text = SpacesRegex().Replace(s.Trim(), " ");
        if (PeriodParser.TryFind(text, today, out var period, out var matched))
        {
            parts.Period = period;
            s = matched.Length > 0 ? Remove(" " + text + " ", matched) : " " + text + " ";
            return;
        }
        var year = BareYearRegex().Match(s);
        if (year.Success)
        {
            var y = int.Parse(year.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = y == today.Year ? today : new DateOnly(y, 12, 31);
            parts.Period = new Period(new DateOnly(y, 1, 1), to, y == today.Year ? $"từ đầu năm {y} đến nay" : $"năm {y}");
            s = Cut(s, year);
        }
    }

    private void ReadMetric(ref string s, QuestionParts parts)
    {
        var distinct = Take(ref s, ["khac nhau", "rieng biet", "distinct", "unique", "khong trung"]) is not null;
        if (Take(ref s, _lexicon.Summary) is not null)
        {
            parts.Summary = true;
        }
        // "số sản phẩm bình chọn": a word that names a measure of one activity only, when that activity is named, no other
        // measure is ("lượt bình chọn sản phẩm"), and the word is not part of the activity's name ("bình chọn sản phẩm tiêu biểu").
        var named = FindActivityPhrase(s)?.Phrase;
        foreach (var (phrase, measure, activityId) in _lexicon.ActivityMeasures)
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
        }
        if (parts.ActivityId is null)
        {
            parts.ActivityId = parts.Measure switch
            {
                Measures.Booths => "trade_fair",
                Measures.Projects or Measures.Revenue => "consulting",
                _ => null,
            };
        }
        if (parts.Measure is not null || parts.ActivityId is not null)
        {
            parts.Summary = false;
        }
    }

    private string Expand(string folded)
    {
        var sb = new StringBuilder();
        foreach (var token in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = token;
            if (_lexicon.Shorthand.TryGetValue(t, out var full))
            {
                t = full;
            }
            else if (QuarterToken().Match(t) is { Success: true } q)
            {
                t = "quy " + q.Groups[1].Value;
            }
            else if (MonthToken().Match(t) is { Success: true } m)
            {
                t = "thang " + m.Groups[1].Value;
            }
            else if (MonthsToken().Match(t) is { Success: true } ms)
            {
                t = ms.Groups[1].Value + " thang";
            }
            sb.Append(t).Append(' ');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Removes the first phrase of <paramref name="phrases"/> found as whole words and returns it.</summary>
    private static string? Take(ref string s, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (VnText.ContainsWords(s, phrase))
            {
                s = Remove(s, phrase);
                return phrase;
            }
        }
        return null;
    }

    private static string Remove(string s, string phrase)
    {
        var padded = " " + phrase + " ";
        var index = s.IndexOf(padded, StringComparison.Ordinal);
        return index < 0 ? s : s[..index] + " " + s[(index + padded.Length)..];
    }

    private static string Cut(string s, Match m) => s[..m.Index] + " " + s[(m.Index + m.Length)..];




    [GeneratedRegex(@" ((dat )?(duoc )?(bao nhieu )?(phan tram |ty le |%)?(hoan thanh )?(so voi |so voi |cua |of |against |vs )?(the )?(ke hoach|chi tieu|plan|target|annual plan|year plan)( nam| year)?(?! [0-9]))(?= )")]
    private static partial Regex PlanRegex();



    /// <summary>How many rows "top" without a number shows.</summary>
    public const int DefaultTop = 5;


    [GeneratedRegex(@"( (?<what>tinh thanh|tinh|dia phuong|hoat dong|linh vuc|noi dung|thang)( co| dat| duoc)?)?(?<!bao) ((?<high>nhieu|cao|lon)|(?<low>it|thap))( (?!gan |moi |cap |som |muon )\w+){1,4} nhat(?= )")]
    private static partial Regex SplitMostRegex();



    [GeneratedRegex(@" (?<m>[0-9]{1,2}) (?<what>tinh thanh|tinh|dia phuong|hoat dong|provinces|activities)(?= )")]
    private static partial Regex LooseTopRegex();

    [GeneratedRegex(@" (theo tung|theo cac|theo|tung|cac|moi|chia theo|phan theo|by|per|each) (?<what>tinh thanh|tinh|dia phuong|hoat dong|linh vuc|noi dung|thang|province|provinces|activity|activities|month|months|year|years)(?= )| (theo tung|theo cac|theo|tung|chia theo|phan theo) (?<what>nam)(?= )(?! [0-9]| (nay|ngoai|truoc|qua|roi) )| (?<what>month|year)ly(?= )")]
    private static partial Regex ByRegex();

    [GeneratedRegex(@" (?<what>tinh thanh|tinh|dia phuong|hoat dong|linh vuc|noi dung|thang|nam) nao| which (?<what>province|activity|month|year)")]
    private static partial Regex WhichRegex();


    [GeneratedRegex(@" (chi (tinh |lay |xem |dem )?|rieng |only )?(so |phan |the )?(uoc thuc hien|uoc tinh|uoc|uth|estimates|estimated|estimate|provisional)( figures| numbers| only)?(?= )")]
    private static partial Regex EstimateRegex();

    [GeneratedRegex(@" (chi (tinh |lay |xem |dem )?|rieng |only )?(so |phan |the )?(chinh thuc|actuals|actual|official)( figures| numbers| only)?(?= )")]
    private static partial Regex ActualRegex();

    [GeneratedRegex(@" (khong tinh|khong lay|bo|tru|loai|loai bo|excluding|without|except|not counting) (cac |the )?(so lieu |so |phan )?(uoc thuc hien|uoc tinh|uoc|estimates|estimated)( figures)?(?= )")]
    private static partial Regex ExcludeEstimatesRegex();

    // The patterns below were written inline (Regex.IsMatch(s, "...")): Regex's cache of 15 then rebuilt them at each question.
    [GeneratedRegex(" (it|thap|lowest|least) ")]
    private static partial Regex LowestRegex();

    [GeneratedRegex(@" (it|thap)( \w+){0,4} nhat ")]
    private static partial Regex LeastMostRegex();

    [GeneratedRegex(" (cac )?(tinh thanh|tinh|dia phuong|provinces?)(?= )")]
    private static partial Regex RankedUnitRegex();

    [GeneratedRegex(" +")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(" (cac |nhung )?(du an|de an|projects?)(?= )")]
    private static partial Regex ProjectsWordRegex();

    [GeneratedRegex(@"(?<![0-9/.\-])((?:19|20)[0-9]{2})\s*[-–—]\s*((?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex YearDashYearRegex();

    [GeneratedRegex(@" (nam |year |in )?(?<y>20[0-9][0-9])(?= )")]
    private static partial Regex BareYearRegex();

    [GeneratedRegex(@"^q([1-4])$")]
    private static partial Regex QuarterToken();

    [GeneratedRegex(@"^t([1-9]|1[0-2])$")]
    private static partial Regex MonthToken();

    [GeneratedRegex(@"^([69])t$")]
    private static partial Regex MonthsToken();
}
