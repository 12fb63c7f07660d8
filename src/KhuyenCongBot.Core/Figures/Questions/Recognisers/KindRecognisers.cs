namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// The recognisers of issue 13's question kinds, run on the folded, expanded text before the parser's own readers.
/// Each takes the words it understood out of the text (so nothing it read is left over as "not understood").
/// </summary>
public static class KindRecognisers
{
    /// <summary>Every word the recognisers may take, for the lexicon's list of known words.</summary>
    public static readonly IReadOnlyList<string> Words =
    [
        .. PlanQuestionRecogniser.Words, .. AverageRecogniser.Words,
        .. FacilityQuestionRecogniser.Words, .. RecordCountRecogniser.Words, .. QuarterBreakdownRecogniser.Words, .. MissingRecogniser.Words,
    ];

    /// <param name="s">Folded text padded with spaces (" ... "), as the parser keeps it.</param>
    public static void Read(ref string s, QuestionParts parts, DateOnly today, PhrasePatterns patterns)
    {
        RecordCountRecogniser.Read(ref s, parts);
        FacilityQuestionRecogniser.Read(ref s, parts);
        PlanQuestionRecogniser.Read(ref s, parts);
        MissingRecogniser.Read(ref s, parts);
        AverageRecogniser.Read(ref s, parts);
        QuarterBreakdownRecogniser.Read(ref s, parts);
        TwoPeriodRecogniser.Read(ref s, parts, today, patterns);
    }

    internal static string Cut(string s, System.Text.RegularExpressions.Match m) => s[..m.Index] + " " + s[(m.Index + m.Length)..];
}
