using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// A typed word is compared only with the words of its length band and those it begins (<see cref="ProvinceWords.Matching"/>):
/// the words found, and their scores, are those of scoring every word of the unit.
/// </summary>
public sealed class ProvinceWordsTests
{
    private static readonly string[] Syllables =
        ["co", "so", "gom", "may", "tre", "dan", "phu", "vinh", "bat", "trang", "htx", "son", "mai", "minh", "long", "thanh", "dat", "nguyen", "van", "an", "thi", "hoa"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Matching_finds_exactly_the_words_scoring_above_zero(int seed)
    {
        var r = new Random(seed);
        string Word() => r.Next(4) switch
        {
            0 => r.Next(1, 200_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => Syllables[r.Next(Syllables.Length)] + Syllables[r.Next(Syllables.Length)],
            _ => Syllables[r.Next(Syllables.Length)],
        };
        var tokens = Enumerable.Range(0, 3000).Select(_ => Word()).Distinct(StringComparer.Ordinal).ToArray();
        var words = new ProvinceWords(tokens, tokens.Select((_, i) => i + 1).ToArray(), []);
        var typed = Enumerable.Range(0, 300).Select(_ => r.Next(3) == 0 ? Mangle(Word(), r) : Word()).Append("").Append("a").Append("trangthanhdat");
        foreach (var word in typed)
        {
            var expected = tokens.Select((t, i) => (i, FacilitySearch.WordScore(word, t))).Where(x => x.Item2 > 0).ToList();
            Assert.Equal(expected, words.Matching(word));
        }
    }

    /// <summary>A typo: a letter dropped, changed or added.</summary>
    private static string Mangle(string word, Random r)
    {
        var at = r.Next(word.Length);
        return r.Next(3) switch
        {
            0 when word.Length > 1 => word.Remove(at, 1),
            1 => word[..at] + 'x' + word[(at + 1)..],
            _ => word.Insert(at, "a"),
        };
    }
}
