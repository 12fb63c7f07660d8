using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Reads a manager's free-text question (Vietnamese with or without diacritics, or simple English) into <see cref="QuestionParts"/>.</summary>
/// <remarks>
/// How understanding works ("consumed words"): the message is folded (lower case, no diacritics), abbreviations are
/// expanded and typos of known words corrected (<see cref="QuestionNormaliser"/>), then each reader in <see cref="Parse"/>
/// (question kinds, follow-up markers, data the bot does not hold, output, status, comparisons, places, sources, breakdowns,
/// periods, measures and activities, groups of facilities, question words, greetings) reads what it understands from the
/// working text <c>s</c> and CUTS those words out of it (<see cref="WorkingText"/>). Whatever is left at the end and is not
/// filler is "not understood": it goes to <see cref="QuestionParts.Unknown"/> (<see cref="LeftoverReader"/>), and the bot
/// quotes it and asks instead of answering.
/// To add a reader: a small class under Parsing/ that reads from <c>s</c>, sets a field of <see cref="QuestionParts"/> and cuts
/// the words it read, called at its place in <see cref="Parse"/>; put its vocabulary in seeds/lexicon/ (<see cref="Lexicon"/>)
/// rather than in code. A word that only makes a phrase sound natural ("được", "cho mình hỏi") belongs in seeds/lexicon/filler.json.
/// </remarks>
public sealed partial class QuestionParser
{
    /// <summary>How many rows "top" without a number shows.</summary>
    public const int DefaultTop = 5;

    private readonly Lexicon _lexicon;
    private readonly QuestionNormaliser _normaliser;
    private readonly ScopeReader _scope;
    private readonly ComparisonReader _comparisons;
    private readonly SourceReader _sources;
    private readonly BreakdownReader _breakdowns;
    private readonly MeasureReader _measure;
    private readonly LeftoverReader _leftover;

    public QuestionParser(CatalogueIndex catalogue, Lexicon? lexicon = null)
    {
        _lexicon = lexicon ?? Lexicon.Default;
        var patterns = PhrasePatterns.For(_lexicon);
        Patterns = patterns;
        _scope = new ScopeReader(catalogue, _lexicon);
        _comparisons = new ComparisonReader(patterns);
        _sources = new SourceReader(_lexicon);
        _breakdowns = new BreakdownReader(patterns);
        _measure = new MeasureReader(catalogue, _lexicon);
        Regex[] own = [.. ComparisonReader.Own, .. BreakdownReader.Own, EstimateRegex(), WholeYearRegex(), ActualRegex(), ExcludeEstimatesRegex(), AllActivitiesRegex(),
            FollowUpRegex(), FollowUpTailRegex(), .. patterns.All];
        _normaliser = new QuestionNormaliser(catalogue, _lexicon, own);
        _leftover = new LeftoverReader(_lexicon, _normaliser);
    }

    private PhrasePatterns Patterns { get; }

    /// <summary>Parses one message; <paramref name="today"/> anchors relative periods.</summary>
    public QuestionParts Parse(string text, DateOnly today)
    {
        var parts = new QuestionParts { QuestionWords = text.Contains('?') };
        // "2021-2025" would fold to "2021 2025": keep it a range; "07/2025", "T7/2025" are months.
        text = YearDashYearRegex().Replace(text, "$1 đến $2");
        // "tháng 3 - tháng 6/2025", "quý 1 – quý 3": a range (the dash would be lost to folding).
        text = PartDashPartRegex().Replace(text, " đến ");
        text = MonthSlashYearRegex().Replace(text, " tháng $1 năm $2 ");
        var folded = _normaliser.Expand(VnText.FoldWords(text));
        folded = _normaliser.Correct(folded, parts);
        var s = " " + _scope.ApplyPlaceAliases(folded) + " ";
        KindRecognisers.Read(ref s, parts, today, Patterns);
        if (parts.FacilityName is { } facility)
        {
            // Quoted and searched as typed ("Công ty ABC"), never as the folded, corrected words.
            parts.FacilityName = FacilityQuestionRecogniser.AsTyped(text, facility);
        }

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

        _measure.ReadUnsupported(ref s, parts);
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
        if (AllActivitiesRegex().Match(s) is { Success: true } all)
        {
            parts.AllActivities = true;
            s = Cut(s, all);
        }
        _comparisons.Read(ref s, parts);
        _scope.Read(ref s, parts);
        _sources.Read(ref s, parts);
        _breakdowns.Read(ref s, parts);
        ReadPeriod(ref s, parts, today);
        _measure.ReadFacilityGroup(ref s, parts);
        var namesFacilities = VnText.ContainsWords(s, "co so") || VnText.ContainsWords(s, "bao nhieu") || VnText.ContainsWords(s, "so luong");
        var ofFacilities = OfFacilitiesRegex().IsMatch(s);
        _measure.Read(ref s, parts);
        if (parts.SourceNamesMoney && parts.Measure == Measures.Facilities && ((parts.FacilityGroup is not null && !namesFacilities) || ofFacilities))
        {
            // "vốn đối ứng của hợp tác xã năm nay", "vốn đối ứng của các cơ sở": the facilities say whose money, the measure is the
            // money (not a count of them).
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
        _leftover.ReadSocial(ref s, parts);
        _leftover.Read(s, text, parts);
        if (parts.Second is null && parts.HasMetric && CommaBetweenWordsRegex().IsMatch(text))
        {
            // "gian hàng, kinh phí hội chợ 2025": a comma joins two things as "và" does (folding drops it). Read once more with the
            // comma as "và"; two names of one activity ("Hội chợ, triển lãm") stay one.
            parts.Second = Parse(CommaBetweenWordsRegex().Replace(text, " và "), today).Second;
        }
        return parts;
    }

    /// <summary>A comma between two words (not "1,5": a decimal).</summary>
    [GeneratedRegex(@"(?<=\p{L})\s*,\s*(?=\p{L})")]
    private static partial Regex CommaBetweenWordsRegex();

    /// <summary>"ước thực hiện" / "chính thức" (or "không tính số ước"): which records to count.</summary>
    private static void ReadStatus(ref string s, QuestionParts parts)
    {
        if (ExcludeEstimatesRegex().Match(s) is { Success: true } exclude)
        {
            parts.Status = RecordStatus.Actual;
            s = Cut(s, exclude);
            return;
        }
        if (WholeYearRegex().Match(s) is { Success: true } wholeYear)
        {
            // "ước cả năm 2026", "ước thực hiện cả năm": the year's estimated result as reports write it, not the estimate records
            // only (which gave "0 gian hàng (chỉ tính số ước thực hiện)"). "cả năm 2026" stays for the period.
            parts.WholeYear = true;
            s = s[..wholeYear.Index] + " " + wholeYear.Groups["year"].Value + s[(wholeYear.Index + wholeYear.Length)..];
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

    private static void ReadPeriod(ref string s, QuestionParts parts, DateOnly today)
    {
        var text = SpacesRegex().Replace(s.Trim(), " ");
        // "lũy kế gian hàng đến tháng 9/2025": the cumulative word away from its "đến tháng 9" is put back before it, so the period
        // reads as cumulative (a tester got "not understood: lũy kế, đến").
        if (CumulativeWordRegex().Match(" " + text + " ") is { Success: true } apart
            && CumulativeToRegex().Match(" " + text + " ", apart.Index + apart.Length) is { Success: true } until && until.Index > apart.Index + apart.Length)
        {
            var spaced = " " + text + " ";
            text = (spaced[..apart.Index] + spaced[(apart.Index + apart.Length)..until.Index] + " luy ke" + spaced[until.Index..]).Trim();
            text = SpacesRegex().Replace(text, " ");
        }
        if (PeriodParser.TryFind(text, today, out var period, out var matched))
        {
            parts.Period = period;
            s = matched.Length > 0 ? Remove(" " + text + " ", matched) : " " + text + " ";
            // "lũy kế gian hàng từ đầu năm": a year so far is cumulative already.
            if (period.Label.Key is "period.cumulative" or "period.year_to_date" or "period.since" or "period.since_year" or "period.so_far" or "period.year_to" && CumulativeWordRegex().Match(s) is { Success: true } word)
            {
                // "lũy kế kinh phí đến hết quý 3 năm 2024": the cumulative word apart from its "đến hết quý 3" says the same.
                s = Cut(s, word);
            }
            return;
        }
        var year = BareYearRegex().Match(s);
        if (year.Success)
        {
            var y = int.Parse(year.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = y == today.Year ? today : new DateOnly(y, 12, 31);
            parts.Period = new Period(new DateOnly(y, 1, 1), to, y == today.Year ? PeriodLabel.Of("period.year_to_date", y) : PeriodLabel.Of("period.year", y));
            s = Cut(s, year);
        }
    }

    [GeneratedRegex(@" (chi (tinh |lay |xem |dem )?|rieng |only )?(so |phan |the )?(uoc thuc hien|uoc tinh|uoc|uth|estimates|estimated|estimate|provisional)( figures| numbers| only)?(?= )")]
    private static partial Regex EstimateRegex();

    [GeneratedRegex(@" (so |con so )?(uoc tinh thuc hien|uoc thuc hien|uoc tinh|uoc dat|uoc|du kien|du bao)( thuc hien| dat| dat duoc)? (?<year>ca nam)(?= )| (?<year>ca nam) (uoc tinh|uoc dat|uoc thuc hien|uoc)(?= )| (the )?(estimated |projected |expected )(full year|whole year)( figures?)?(?= )| (the )?(full year|whole year) (estimate|projection|forecast)s?(?= )")]
    private static partial Regex WholeYearRegex();

    [GeneratedRegex(@" (chi (tinh |lay |xem |dem )?|rieng |only )?(so |phan |the )?(chinh thuc|actuals|actual|official)( figures| numbers| only)?(?= )")]
    private static partial Regex ActualRegex();

    [GeneratedRegex(@" (khong tinh|khong lay|bo|tru|loai|loai bo|excluding|without|except|not counting) (cac |the )?(so lieu |so |phan )?(uoc thuc hien|uoc tinh|uoc|estimates|estimated)( figures)?(?= )")]
    private static partial Regex ExcludeEstimatesRegex();

    [GeneratedRegex(" (cua|of) (cac |nhung |moi |the )?(co so|doanh nghiep|htx|hop tac xa|ho kinh doanh|facilities|businesses|firms)(?= )")]
    private static partial Regex OfFacilitiesRegex();

    [GeneratedRegex(@" (cua |o |trong |tren )?(moi|tat ca( cac)?|toan bo( cac)?|ca) hoat dong( khuyen cong)?(?= )| (all|every|across all) activit(y|ies)(?= )")]
    private static partial Regex AllActivitiesRegex();

    [GeneratedRegex(" +")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"(?<![0-9/.\-])((?:19|20)[0-9]{2})\s*[-–—]\s*((?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex YearDashYearRegex();

    [GeneratedRegex(@" (so |tong |tinh )?(luy ke|cong don)(?= )")]
    private static partial Regex CumulativeWordRegex();

    [GeneratedRegex(@" (den|toi)( het)? (thang|quy|q[1-4]|month|quarter)")]
    private static partial Regex CumulativeToRegex();

    [GeneratedRegex(@"(?<=(?<![\p{L}0-9])(?:tháng|thang|quý|quy|[TtQq])\s*(?:[0-9]{1,2}|IV|III|II|I|iv|iii|ii|i)(?:\s*/\s*(?:19|20)[0-9]{2})?)\s*[-–—]\s*(?=(?:tháng|thang|quý|quy|[TtQq])\s*(?:[0-9]|I|V|i|v))", RegexOptions.IgnoreCase)]
    private static partial Regex PartDashPartRegex();

    [GeneratedRegex(@" (nam |year |in )?(?<y>20[0-9][0-9])(?= )")]
    private static partial Regex BareYearRegex();

    [GeneratedRegex(@"^ (con rieng|con|the con|vay con|vay|rieng|chi rieng|tach rieng|and|what about|how about|only)(?= )")]
    private static partial Regex FollowUpRegex();

    [GeneratedRegex(@"( thi| the| vay)? sao (a |nhi |vay )?$| thi sao(?= )")]
    private static partial Regex FollowUpTailRegex();

    /// <summary>"07/2025", "T7/2025", "t7-2025": a month (not a day: no digit or slash before it).</summary>
    [GeneratedRegex(@"(?<![\p{L}0-9/.\-])(?<!(?i:quý|quy|q|quarter)\s*)(?:[Tt](?:háng|hang)?\s*)?(0?[1-9]|1[0-2])\s*[/\-.]\s*((?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex MonthSlashYearRegex();
}
