using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>The scorer a name search uses: <see cref="FacilitySearch.Score"/> exactly at or above the floor asked, below it otherwise;
/// its best candidates are the ones scoring every candidate gives.</summary>
public sealed class FacilityScorerTests
{
    private static readonly double[] Floors = [double.NegativeInfinity, 0, 0.3, FacilitySearch.OfferThreshold, 0.7, FacilitySearch.DuplicateThreshold, 0.85, 0.9, 0.95, 1.0];

    private static List<string> Names() =>
        FacilityNames.Generate(600, seed: 7).Select(VnText.FoldWords)
            .Concat(["gom", "htx", "co so 1", "co so 12", "a b c d e f g h", "lang nghe gom bat trang", "bat trang", "htx may tre dan phu vinh"])
            .ToList();

    /// <summary>Queries as typed: whole names, their typos, a few of their words, words of other names.</summary>
    private static List<string> Queries(List<string> names, Random r)
    {
        var queries = new List<string> { "htx may tre dan phu vinh", "htx may tre dan phu vin", "phu vinh", "gom", "a", "battrang", "co so", "x y z" };
        for (var i = 0; i < 150; i++)
        {
            var name = names[r.Next(names.Count)];
            var words = name.Split(' ');
            queries.Add(name);
            queries.Add(Typo(r, Typo(r, name)));
            queries.Add(string.Join(' ', words.Skip(r.Next(words.Length)).Take(1 + r.Next(3))));
            queries.Add(string.Join(' ', Enumerable.Range(0, 1 + r.Next(4)).Select(_ => names[r.Next(names.Count)].Split(' ')[0])));
        }
        return queries.Where(q => q.Length > 0).Distinct().ToList();
    }

    [Fact]
    public void The_score_is_exact_at_or_above_the_floor_and_below_it_otherwise()
    {
        var r = new Random(13);
        var names = Names();
        var compared = 0;
        foreach (var query in Queries(names, r).Take(200))
        {
            var scorer = new FacilityScorer(query);
            foreach (var name in names.Take(250).Append(query))
            {
                var exact = FacilitySearch.Score(query, name);
                foreach (var floor in Floors)
                {
                    var score = scorer.Score(name, floor);
                    if (exact >= floor)
                    {
                        Assert.True(exact == score, $"'{query}' / '{name}' at {floor}: {score}, expected {exact}");
                    }
                    else
                    {
                        Assert.True(score < floor, $"'{query}' / '{name}' at {floor}: {score} (exact {exact}) not below the floor");
                    }
                    compared++;
                }
            }
        }
        Assert.True(compared > 400_000, $"{compared} compared");
    }

    [Fact]
    public void The_best_candidates_are_those_of_scoring_every_candidate()
    {
        var r = new Random(17);
        var names = Names();
        foreach (var query in Queries(names, r))
        {
            // Candidates in an arbitrary order, some names twice (equal scores and names: the order given decides).
            var candidates = names.OrderBy(_ => r.Next()).Take(400).Select((n, i) => ((long)i, n.ToUpperInvariant(), n)).ToList();
            candidates.AddRange(candidates.Take(20).Select(c => (c.Item1 + 1000, c.Item2, c.Item3)));
            foreach (var (limit, threshold) in new[] { (4, FacilitySearch.OfferThreshold), (5, 0.6), (3, FacilitySearch.DuplicateThreshold), (2, 1.0), (1, 0.0), (50, 0.5) })
            {
                var expected = candidates
                    .Select(c => (Id: c.Item1, Name: c.Item2, Score: FacilitySearch.Score(query, c.Item3)))
                    .Where(x => x.Score >= threshold)
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal)
                    .Take(limit).Select(x => (x.Id, x.Score)).ToList();
                Assert.Equal(expected, new FacilityScorer(query).Best(candidates, limit, threshold));
            }
        }
    }

    [Fact]
    public void The_bounded_distance_is_the_edit_distance_up_to_the_bound()
    {
        var r = new Random(19);
        var names = Names();
        for (var i = 0; i < 20_000; i++)
        {
            var a = names[r.Next(names.Count)];
            var b = r.Next(3) == 0 ? Typo(r, a) : names[r.Next(names.Count)];
            var d = FacilitySearch.Levenshtein(a, b);
            var bound = r.Next(0, 30);
            var bounded = FacilityScorer.BoundedDistance(a, b, bound);
            Assert.True(d <= bound ? bounded == d : bounded > bound, $"'{a}' / '{b}' within {bound}: {bounded}, distance {d}");
        }
    }

    private static string Typo(Random r, string text)
    {
        if (text.Length < 3)
        {
            return text + "x";
        }
        var i = r.Next(1, text.Length - 1);
        return r.Next(4) switch
        {
            0 => text[..(i - 1)] + text[i] + text[i - 1] + text[(i + 1)..],
            1 => text.Remove(i, 1),
            2 => text.Insert(i, ((char)('a' + r.Next(26))).ToString()),
            _ => text[..i] + (char)('a' + r.Next(26)) + text[(i + 1)..],
        };
    }
}
