using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Reads the funding source of a question (seeds/lexicon/sources.json): a filter ("nguồn KCQG", "ngân sách tỉnh"), a breakdown
/// ("theo nguồn"), or two sources named at once ("KCQG và KCĐP": the breakdown by source).
/// </summary>
internal sealed partial class SourceReader(Lexicon lexicon)
{
    /// <summary>A funding source as a filter ("nguồn KCQG", "ngân sách tỉnh") or a breakdown ("theo nguồn").</summary>
    public void Read(ref string s, QuestionParts parts)
    {
        var text = s;
        foreach (var phrase in lexicon.SourceBreakdown)
        {
            // "các nguồn" is a breakdown, but not inside a source that says more ("các nguồn khác": other sources).
            if (VnText.ContainsWords(s, phrase)
                && !lexicon.Sources.Any(x => x.Phrase.Length > phrase.Length && x.Phrase.Contains(phrase, StringComparison.Ordinal) && VnText.ContainsWords(text, x.Phrase)))
            {
                parts.Breakdown = BreakdownBy.Source;
                s = Remove(s, phrase);
                break;
            }
        }
        foreach (var (phrase, source) in lexicon.Sources)
        {
            // Every form of the pattern holds " phrase ": the (costly) pattern runs only for a phrase that is there.
            if (!ContainsPhrase(s, phrase))
            {
                continue;
            }
            var m = PhraseRegex(@" (rieng |chi (tinh |lay |xem )?|only |tu |from )?(nguon (von )?|of )?" + Regex.Escape(phrase) + "(?= )").Match(s);
            if (m.Success)
            {
                parts.Source = source;
                parts.SourceNamesMoney = MoneyWordsRegex().IsMatch(phrase);
                s = Cut(s, m);
                break;
            }
        }
        // "kinh phí KCQG và KCĐP": two sources named at once are answered by the breakdown by source (each figure on its line).
        var rest = s;
        if (parts.Source is { } first && lexicon.Sources.FirstOrDefault(x => x.Source != first && VnText.ContainsWords(rest, x.Phrase)) is { Phrase: { } second })
        {
            parts.Source = null;
            parts.Breakdown = BreakdownBy.Source;
            // Two funding sources named: the question is about the money, whatever else it names.
            parts.SourceNamesMoney = true;
            s = Cut(s, Regex.Match(s, @" (va |voi |and |with )?(nguon (von )?)?" + Regex.Escape(second) + "(?= )"));
        }
    }

    [GeneratedRegex(@"\b(ngan sach|kinh phi|von|budget|funds?|funding|money)\b")]
    private static partial Regex MoneyWordsRegex();
}
