using System.Text.RegularExpressions;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>
/// Whether a benchmark reply is the answer its question should get: a reply that says "did not understand" measures nothing.
/// A question's <see cref="BenchQuery.Expect"/>: null — a figure and no "chưa hiểu"; "none:TEXT" — TEXT and no figure (a refusal,
/// small talk); otherwise TEXT in the reply, and a figure.
/// </summary>
public static class ReplyCheck
{
    /// <summary>A number followed by a unit: what a figure looks like in a reply (as the paraphrase tests read it).</summary>
    private static readonly Regex Figure = new(
        @"\d[\d.,]*\s*(gian hàng|lượt|cơ sở|dự án|đề án|bản ghi|tỷ đồng|triệu đồng|nghìn đồng|đồng|%|học viên|lớp)",
        RegexOptions.CultureInvariant);

    /// <summary>Null when the reply is as expected; otherwise why not.</summary>
    public static string? Check(string? expect, string reply)
    {
        if (expect is not null && expect.StartsWith("none:", StringComparison.Ordinal))
        {
            var text = expect["none:".Length..];
            return !reply.Contains(text, StringComparison.Ordinal) ? $"no \"{text}\"" : Figure.IsMatch(reply) ? "a figure was given" : null;
        }
        if (reply.Contains("chưa hiểu", StringComparison.Ordinal))
        {
            return "not understood";
        }
        if (!Figure.IsMatch(reply))
        {
            return "no figure";
        }
        return expect is not null && !reply.Contains(expect, StringComparison.Ordinal) ? $"no \"{expect}\"" : null;
    }
}
