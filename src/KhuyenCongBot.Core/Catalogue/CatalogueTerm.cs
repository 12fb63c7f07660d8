using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Catalogue;

/// <summary>A named value of a seed catalogue (a legal form, a priority group, a project status...) with the words people type for it.</summary>
public class CatalogueTerm
{
    public string Id { get; set; } = "";
    public int Order { get; set; }

    /// <summary>Vietnamese name ("Hợp tác xã").</summary>
    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>Words people type, with or without diacritics ("htx", "hop tac xa").</summary>
    public List<string> Aliases { get; set; } = [];

    public string Label(bool english) => english && NameEn.Length > 0 ? NameEn : Name;
}

/// <summary>Finds catalogue terms in typed text: whole words, diacritics optional, longest phrase first, each word used once.</summary>
public sealed class TermMatcher<T> where T : CatalogueTerm
{
    private readonly List<(string Phrase, T Term)> _phrases;

    public TermMatcher(IEnumerable<T> terms)
    {
        _phrases = terms
            .SelectMany(t => new[] { t.Name, t.Id.Replace('_', ' ') }.Concat(t.Aliases).Select(a => (VnText.FoldWords(a), t)))
            .Where(x => x.Item1.Length > 0)
            .DistinctBy(x => (x.Item1, x.t.Id))
            .OrderByDescending(x => x.Item1.Length).ThenBy(x => x.t.Order)
            .ToList();
    }

    /// <summary>Phrases that name more than one term (a catalogue mistake: the loaders refuse them).</summary>
    public IReadOnlyList<string> SharedPhrases() =>
        _phrases.GroupBy(p => p.Phrase).Where(g => g.Select(x => x.Term.Id).Distinct().Count() > 1).Select(g => g.Key).ToList();

    /// <summary>Every folded phrase (names and aliases).</summary>
    public IEnumerable<string> AllPhrases() => _phrases.Select(p => p.Phrase);

    /// <summary>The term whose name or alias is the whole text; null when none.</summary>
    public T? Exact(string? text)
    {
        var folded = VnText.FoldWords(text);
        return folded.Length == 0 ? null : _phrases.FirstOrDefault(p => p.Phrase == folded).Term;
    }

    /// <summary>Every distinct term named inside the text (as whole words; a word already used by a longer phrase is not used again).</summary>
    public IReadOnlyList<T> FindAll(string? text)
    {
        var words = VnText.FoldWords(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var used = new bool[words.Length];
        var found = new List<(int At, T Term)>();
        foreach (var (phrase, term) in _phrases)
        {
            var p = phrase.Split(' ');
            for (var i = 0; i + p.Length <= words.Length; i++)
            {
                var hit = true;
                for (var j = 0; j < p.Length && hit; j++)
                {
                    hit = !used[i + j] && words[i + j] == p[j];
                }
                if (hit)
                {
                    for (var j = 0; j < p.Length; j++)
                    {
                        used[i + j] = true;
                    }
                    found.Add((i, term));
                }
            }
        }
        return found.OrderBy(f => f.At).Select(f => f.Term).DistinctBy(t => t.Id).ToList();
    }
}
