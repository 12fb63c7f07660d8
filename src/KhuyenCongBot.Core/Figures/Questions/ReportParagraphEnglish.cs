using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// The report paragraph for an English reader: the same figures and sentences as the Vietnamese one (<see cref="ReportWriter"/>), in
/// English with English numbers ("1,300 standard booths", "4.87 billion VND", "49.1%"). The Vietnamese paragraph stays the one that
/// goes into provincial reports.
/// </summary>
public static class ReportParagraphEnglish
{
    /// <summary>What the paragraph needs besides the eight main figures.</summary>
    /// <param name="Where">Who it speaks for ("Phu Tho", "all provinces"); null when <paramref name="Recorded"/> names the provinces with records.</param>
    /// <param name="Recorded">For the whole country with provinces missing, the current provinces with records; otherwise null.</param>
    /// <param name="Others">The activities after the sixth with records: English name, participations, whether tied to a facility.</param>
    public sealed record Context(
        Period Period,
        string? Where,
        IReadOnlyList<string>? Recorded,
        int CurrentProvinces,
        Funding.FundingSource? Source,
        decimal Estimate,
        decimal Total,
        decimal? RevenueTarget,
        decimal? RevenueBefore,
        int BaseYear,
        IReadOnlyList<(string Name, long Count, bool Facilities)> Others,
        UserTexts Texts);

    public static string Write(Context c, FigureValue machinery, FigureValue cleaner, FigureValue booths, FigureValue fairTurns,
        FigureValue award, FigureValue trademark, FigureValue projects, FigureValue revenue)
    {
        var n = NumberText.En;
        string N(FigureValue v) => n.Number((long)v.Value);
        var basis = c.Estimate == 0 ? "According to official figures"
            : c.Estimate >= c.Total ? "According to estimated figures"
            : "According to reported figures (partly estimates)";
        var where = c.Recorded is { } recorded ? $"{n.Number(recorded.Count)} provinces and cities with data" : c.Where;
        var sb = new StringBuilder();
        sb.Append($"{basis} for {c.Period.Text(c.Texts, true)} ({VnFormat.Date(c.Period.From)} – {VnFormat.Date(c.Period.To)}), ")
            .Append($"the industry and trade sector of {where} ");
        if (c.Source is { } s)
        {
            sb.Append($"(counting only activities funded from {FundingSources.Label(c.Texts, s, true)}) ");
        }
        if (c.Total == 0)
        {
            return sb.Append("recorded no industrial extension support in the period.").ToString();
        }

        // (connective when not first, body)
        var sentences = new List<(string Connective, string Body)>();
        var first = new List<string>();
        if (machinery.Value > 0)
        {
            first.Add($"{N(machinery)} {Plural(machinery, "rural industrial facility", "rural industrial facilities")} apply advanced machinery and equipment in their industrial and handicraft production lines");
        }
        if (cleaner.Value > 0)
        {
            first.Add($"{N(cleaner)} {Plural(cleaner, "rural industrial facility", "rural industrial facilities")} receive cleaner production assessments");
        }
        if (first.Count > 0)
        {
            sentences.Add(("", "helped " + string.Join(" and ", first)));
        }
        if (booths.Value > 0 || fairTurns.Value > 0)
        {
            sentences.Add(("At the same time, it ", booths.Value > 0
                ? $"supported {N(booths)} standard {Plural(booths, "booth", "booths")} for {N(fairTurns)} {Plural(fairTurns, "participation", "participations")} of rural industrial facilities in domestic trade fairs and exhibitions"
                : $"supported {N(fairTurns)} {Plural(fairTurns, "participation", "participations")} of rural industrial facilities in domestic trade fairs and exhibitions"));
        }
        var third = new List<string>();
        if (award.Value > 0)
        {
            third.Add($"organised the selection of typical rural industrial products for {N(award)} facility {Plural(award, "participation", "participations")}");
        }
        if (trademark.Value > 0)
        {
            third.Add($"supported trademark registration and product display and promotion for {N(trademark)} {Plural(trademark, "rural industrial facility", "rural industrial facilities")}");
        }
        if (third.Count > 0)
        {
            sentences.Add(("In addition, it ", string.Join("; ", third)));
        }
        if (projects.Value > 0 || revenue.Value > 0)
        {
            var consulting = new StringBuilder($"provided industrial development consulting for {N(projects)} {Plural(projects, "project", "projects")}");
            if (revenue.Value > 0)
            {
                consulting.Append($", with revenue of {n.Money((long)revenue.Value)}");
                if (c.RevenueTarget is > 0)
                {
                    consulting.Append($", {n.Percent(revenue.Value / c.RevenueTarget.Value)} of the year plan");
                }
                if (c.RevenueBefore is > 0)
                {
                    consulting.Append($", {n.Percent(revenue.Value / c.RevenueBefore.Value)} of the same period of {c.BaseYear}");
                }
            }
            sentences.Add(("Besides, the sector ", consulting.ToString()));
        }
        var others = c.Others
            .Select(o => o.Facilities
                ? $"{LowerFirst(o.Name)} {n.Number(o.Count)} facility {(o.Count == 1 ? "participation" : "participations")}"
                : $"{LowerFirst(o.Name)} {n.Number(o.Count)} (not tied to a facility)")
            .ToList();
        if (others.Count > 0)
        {
            sentences.Add(("It also ", "supported other activities: " + string.Join("; ", others)));
        }
        for (var i = 0; i < sentences.Count; i++)
        {
            var (connective, body) = sentences[i];
            sb.Append(i == 0 ? body : " " + connective + body).Append('.');
        }
        if (c.Recorded is { } names)
        {
            sb.Append($" (Figures cover {n.Number(names.Count)}/{n.Number(c.CurrentProvinces)} provinces and cities with records in the period: ")
                .Append(string.Join(", ", names)).Append("; the other provinces and cities have no records yet.)");
        }
        return sb.ToString();
    }

    private static string Plural(FigureValue v, string one, string many) => v.Value == 1 ? one : many;

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
