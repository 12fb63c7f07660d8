using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// The comparison and ranking patterns of the parser, with their words taken from seeds/lexicon (comparisons.json,
/// rankings.json): the pattern is code (where the words go), the words are data. Built once per lexicon.
/// </summary>
public sealed class PhrasePatterns
{
    private static readonly ConditionalWeakTable<Lexicon, PhrasePatterns> Built = new();

    private PhrasePatterns(Lexicon lexicon)
    {
        var c = lexicon.Comparisons;
        var r = lexicon.Rankings;
        var versus = Alt(c["versus"]);
        var same = Alt(c["same_period"]);
        var previous = Alt(c["previous_year"]);
        var yearOnYear = Alt(c["year_on_year"]);
        var compare = Alt(c["compare"]);
        var top = Alt(r["top"]);
        var most = Alt(r["most"]);
        var least = Alt(r["least"]);
        const string What = "tinh|dia phuong|hoat dong|thang|provinces?|activities|months?";
        Connective = Make($@" ({versus})(?= )");
        CompareConnective = Make($@" ({Alt(c["compare_with"])})(?= )");
        CompareStart = Make($@" ({compare})(?= )");
        SamePeriodStart = Make($@"^({same})");
        Yoy = Make($@" (?:(?:{versus}|{compare}|voi) (?:the )?)?(?:{same})( (cua )?(nam |year )?(?<year>[0-9]{{4}})| (cua |of )?(?:{previous}))?(?= )");
        YoyShort = Make($@" (?:{versus}) (?:{previous})(?= )| (?:{yearOnYear})(?= )");
        VsYear = Make($@" (?:{versus}) (nam |year )?(?<year>[0-9]{{4}})(?= )");
        Change = Make($@" ({Alt(c["change"])})(?= )");
        CompareWord = Make($@" (hay )?({compare})( giua| between)?(?= )");
        CompareWith = Make($@" (voi|va|and|with|to|against|{versus}) ((nam |year )?(?<year>(19|20)[0-9]{{2}})|{previous}|(the )?(?:{same})( (?:{previous}))?)(?= )");
        // "top 5 provinces by booths": the "by" before the measure belongs to the ranking.
        Top = Make($@" ((?:{top}) (?<n>[0-9]{{1,2}})( (?<what>{What}))?( by)?|(?<m>[0-9]{{1,2}}) (?<what>{What})( \w+)? ({most}|{top}|(?<low>{least})))(?= )");
        BareTop = Make($@" ({top}|(?<rank>{Alt(r["rank"])}))( (cac )?(?<what>tinh thanh|{What}))?(?= )");
        Most = Make($@" ({most}|(?<low>{least}))(?= )");
        AnySuperlative = Make($@" (nhat|{most}|{least}|{top})(?= )");
    }

    /// <summary>" so với ": between two periods compared.</summary>
    public Regex Connective { get; }

    /// <summary>"so sánh … với …": the "với" between two periods, only after a word of comparison (<see cref="CompareStart"/>).</summary>
    public Regex CompareConnective { get; }

    /// <summary>"so sánh", "compare": a word of comparison.</summary>
    public Regex CompareStart { get; }

    /// <summary>"cùng kỳ …" at the start: the same period a year before.</summary>
    public Regex SamePeriodStart { get; }

    public Regex Yoy { get; }
    public Regex YoyShort { get; }
    public Regex VsYear { get; }
    public Regex Change { get; }
    public Regex CompareWord { get; }
    public Regex CompareWith { get; }
    public Regex Top { get; }
    public Regex BareTop { get; }
    public Regex Most { get; }

    /// <summary>Any word of a ranking ("nhất", "top", "dẫn đầu"...): worth looking for "5 tỉnh … nhất".</summary>
    public Regex AnySuperlative { get; }

    public IEnumerable<Regex> All => [Connective, CompareConnective, CompareStart, SamePeriodStart, Yoy, YoyShort, VsYear, Change, CompareWord, CompareWith, Top, BareTop, Most, AnySuperlative];

    public static PhrasePatterns For(Lexicon lexicon) => Built.GetValue(lexicon, l => new PhrasePatterns(l));

    /// <summary>The phrases (folded, longest first) as one alternation of whole words.</summary>
    private static string Alt(IEnumerable<string> phrases) => string.Join("|", phrases.Select(p => Regex.Escape(p).Replace("\\ ", " ", StringComparison.Ordinal)));

    private static Regex Make(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
