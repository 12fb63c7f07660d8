using System.Globalization;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// An answer to the form as its steps read it: a verb ("text" for anything typed, "back" and "skip" for their words or buttons,
/// "save", "edit", "e" for the summary, a question's own button verb: "v", "today", "fid"…) and its argument; stale when it is a
/// button of a question that is no longer the current one.
/// </summary>
internal readonly record struct FormAnswer(string Verb, string Arg, bool Stale)
{
    /// <summary>"quay lại" typed: back to the previous question.</summary>
    private static readonly string[] BackWords = ["quay lai", "back", "tro lai", "lui", "lui lai", "quay ve"];

    /// <summary>"bỏ qua" typed: skip an optional question.</summary>
    private static readonly string[] SkipWords = ["bo qua", "skip", "khong co", "ko co", "k co", "khong"];

    /// <summary>The typed text folded (no diacritics, lower case, single spaces); "" for a button.</summary>
    public static string Fold(string input, bool isButton) => isButton ? "" : VnText.FoldWords(input);

    /// <summary>Splits button data "f:{step}:{verb}[:{arg}]" (or a typed back or skip word) into verb and argument.</summary>
    public static FormAnswer Read(FormSession s, string input, bool isButton)
    {
        if (!isButton)
        {
            var folded = VnText.FoldWords(input);
            return new(BackWords.Contains(folded) ? "back" : SkipWords.Contains(folded) ? "skip" : "text", "", false);
        }
        var parts = input.Split(':', 4);
        if (parts.Length < 2 || parts[0] != "f")
        {
            return new("unknown", "", false);
        }
        if (parts[1] is "back" or "skip" or "save" or "edit")
        {
            return new(parts[1], "", false);
        }
        if (parts[1] == "e" && parts.Length >= 3)
        {
            return new("e", parts[2], false);
        }
        if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && parts.Length >= 3)
        {
            if (step != s.Step || s.Phase is FormPhase.Summary or FormPhase.EditPick)
            {
                return new("", "", true);
            }
            return new(parts[2], parts.Length >= 4 ? parts[3] : "", false);
        }
        return new("unknown", "", false);
    }
}
