using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Writes the paragraph a manager pastes into a report, in the style of the Northern-region conference article, from the data.</summary>
public sealed class ReportWriter(IFigureSource figures, FigureAnswerer answerer, ScopeResolver scopes, CatalogueIndex catalogue)
{
    /// <summary>The Vietnamese paragraph's texts (report.vi.*): it is what goes into provincial reports, whatever the reader's language.</summary>
    private const string Vi = UserTexts.Vietnamese;

    /// <param name="source">Only the records funded by this source (said in the paragraph); null for all.</param>
    /// <param name="english">The paragraph for an English reader (<see cref="ReportParagraphEnglish"/>); the Vietnamese one is what goes into provincial reports.</param>
    public string Write(Period period, string scope, Funding.FundingSource? source = null, bool english = false)
    {
        var q = new Question { Summary = true, Scope = scope, Source = source }.WithPeriod(period);
        FigureValue V(string activity, string measure) => figures.Total(answerer.Query(q, activity, measure));
        static string N(FigureValue v) => VnFormat.Number((long)v.Value);

        var machinery = V("machinery", Measures.Facilities);
        var cleaner = V("cleaner_production", Measures.Facilities);
        var booths = V("trade_fair", Measures.Booths);
        var fairTurns = V("trade_fair", Measures.Participations);
        var award = V("product_award", Measures.Participations);
        var trademark = V("trademark", Measures.Facilities);
        var projects = V("consulting", Measures.Projects);
        var revenue = V("consulting", Measures.Revenue);
        var all = new[] { machinery, cleaner, booths, fairTurns, award, trademark, projects, revenue };

        // "cả nước" only when every current province has records in the period (outside tester: the demo's first half of 2024 holds
        // the 18 northern units only, and the paragraph said "ngành công thương cả nước"); a merged province says it includes its
        // former provinces' records.
        if (english)
        {
            return ReportParagraphEnglish.Write(Gather(q, period, scope, all), machinery, cleaner, booths, fairTurns, award, trademark, projects, revenue);
        }
        var t = answerer.Texts;
        var (where, coverage) = Where(q, scope);
        var estimate = all.Sum(v => v.EstimatePart);
        var total = all.Sum(v => v.Value);
        var basis = estimate == 0 ? t.Text(Vi, "report.vi.basis_actual")
            : estimate >= total ? t.Text(Vi, "report.vi.basis_estimate")
            : t.Text(Vi, "report.vi.basis_partly");
        var sb = new StringBuilder();
        sb.Append(t.Text(Vi, "report.vi.opening", ("basis", Capital(basis)), ("period", period.Text(t, Vi)),
            ("from", VnFormat.Date(period.From)), ("to", VnFormat.Date(period.To)), ("where", where)));
        if (source is { } s)
        {
            sb.Append(t.Text(Vi, "report.vi.source_only", ("source", FundingSources.Label(t, s))));
        }
        if (total == 0)
        {
            sb.Append(t.Text(Vi, "report.vi.nothing"));
            return sb.ToString();
        }

        // (connective when not first, body)
        var sentences = new List<(string Connective, string Body)>();
        var first = new List<string>();
        if (machinery.Value > 0)
        {
            first.Add(t.Text(Vi, "report.vi.machinery", ("count", N(machinery))));
        }
        if (cleaner.Value > 0)
        {
            first.Add(t.Text(Vi, "report.vi.cleaner", ("count", N(cleaner))));
        }
        if (first.Count > 0)
        {
            sentences.Add(("", t.Text(Vi, "report.vi.helped", ("items", string.Join(t.Text(Vi, "report.vi.and"), first)))));
        }
        if (booths.Value > 0 || fairTurns.Value > 0)
        {
            sentences.Add((t.Text(Vi, "report.vi.fairs_connective"), booths.Value > 0
                ? t.Text(Vi, "report.vi.fairs_booths", ("booths", N(booths)), ("turns", N(fairTurns)))
                : t.Text(Vi, "report.vi.fairs_turns", ("turns", N(fairTurns)))));
        }
        var third = new List<string>();
        if (award.Value > 0)
        {
            third.Add(t.Text(Vi, "report.vi.award", ("count", N(award))));
        }
        if (trademark.Value > 0)
        {
            third.Add(t.Text(Vi, "report.vi.trademark", ("count", N(trademark))));
        }
        if (third.Count > 0)
        {
            sentences.Add((t.Text(Vi, "report.vi.third_connective"), string.Join("; ", third)));
        }
        if (projects.Value > 0 || revenue.Value > 0)
        {
            var consulting = new StringBuilder(t.Text(Vi, "report.vi.consulting", ("count", N(projects))));
            if (revenue.Value > 0)
            {
                consulting.Append(t.Text(Vi, "report.vi.consulting_revenue", ("money", VnFormat.Money((long)revenue.Value))));
                var target = answerer.PlanTarget(period.To.Year, "consulting." + Measures.Revenue, scopes.UnitIds(scope));
                if (target is > 0)
                {
                    consulting.Append(t.Text(Vi, "report.vi.consulting_plan", ("percent", VnFormat.Percent(revenue.Value / target.Value))));
                }
                var basePeriod = period.SamePeriodLastYear();
                var before = figures.Total(answerer.Query(q, "consulting", Measures.Revenue, basePeriod));
                if (before.Value > 0)
                {
                    consulting.Append(t.Text(Vi, "report.vi.consulting_same_period", ("percent", VnFormat.Percent(revenue.Value / before.Value)), ("year", basePeriod.To.Year)));
                }
            }
            sentences.Add((t.Text(Vi, "report.vi.consulting_connective"), consulting.ToString()));
        }
        var others = catalogue.Activities.Skip(6)
            .Select(a => (a, v: figures.Total(answerer.Query(q, a.Id, Measures.Participations))))
            .Where(x => x.v.Value > 0)
            .Select(x => x.a.Measures.Contains(Measures.Facilities)
                ? t.Text(Vi, "report.vi.other_facilities", ("activity", LowerFirst(x.a.ShortName)), ("count", N(x.v)))
                // Information and propaganda are not tied to a facility: their records are not "lượt cơ sở" (outside tester).
                : t.Text(Vi, "report.vi.other_records", ("activity", LowerFirst(x.a.ShortName)), ("count", N(x.v))))
            .ToList();
        if (others.Count > 0)
        {
            sentences.Add((t.Text(Vi, "report.vi.others_connective"), t.Text(Vi, "report.vi.others", ("items", string.Join("; ", others)))));
        }
        for (var i = 0; i < sentences.Count; i++)
        {
            var (connective, body) = sentences[i];
            sb.Append(i == 0 ? t.Text(Vi, "report.vi.first", ("body", body)) : (i > 0 ? " " : "") + connective + body).Append('.');
        }
        if (coverage is not null)
        {
            sb.Append(' ').Append(coverage);
        }
        return sb.ToString();
    }

    /// <summary>What the English paragraph needs besides the eight main figures.</summary>
    private ReportParagraphEnglish.Context Gather(Question q, Period period, string scope, FigureValue[] all)
    {
        var (kind, _) = ScopeResolver.Split(scope);
        var where = kind == "p" ? scopes.Label(scope, true) : scopes.ShortName(scope, true);
        var recorded = kind is "all" or "" ? Recorded(q) : null;
        var current = catalogue.Provinces.Count(p => p.IsCurrent);
        var names = recorded is { Count: > 0 } && recorded.Count < current
            ? catalogue.Provinces.Where(p => p.IsCurrent && recorded.Contains(p.Id)).Select(p => p.ShortName).ToList()
            : null;
        var revenue = all[^1];
        decimal? target = null, before = null;
        var basePeriod = period.SamePeriodLastYear();
        if (revenue.Value > 0)
        {
            target = answerer.PlanTarget(period.To.Year, "consulting." + Measures.Revenue, scopes.UnitIds(scope));
            before = figures.Total(answerer.Query(q, "consulting", Measures.Revenue, basePeriod)).Value;
        }
        var others = catalogue.Activities.Skip(6)
            .Select(a => (a, v: figures.Total(answerer.Query(q, a.Id, Measures.Participations))))
            .Where(x => x.v.Value > 0)
            .Select(x => (x.a.EnglishName, (long)x.v.Value, x.a.Measures.Contains(Measures.Facilities)))
            .ToList();
        return new ReportParagraphEnglish.Context(period, names is null ? where : null, names, current, q.Source,
            all.Sum(v => v.EstimatePart), all.Sum(v => v.Value), target, before, basePeriod.To.Year, others, answerer.Texts);
    }

    /// <summary>The current provinces with records of any activity in the period.</summary>
    private HashSet<string> Recorded(Question q)
    {
        var current = catalogue.Provinces.Where(p => p.IsCurrent).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return catalogue.Activities
            .SelectMany(a => figures.Breakdown(answerer.Query(q, a.Id, Measures.Participations), BreakdownBy.Province))
            .Where(kv => kv.Value.Records > 0 && current.Contains(kv.Key))
            .Select(kv => kv.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Who the paragraph speaks for, and for the whole country with provinces missing, the sentence naming those counted.</summary>
    private (string Where, string? Coverage) Where(Question q, string scope)
    {
        var (kind, _) = ScopeResolver.Split(scope);
        if (kind == "p")
        {
            return (scopes.Label(scope), null);
        }
        if (kind is not ("all" or ""))
        {
            return (scopes.ShortName(scope), null);
        }
        var current = catalogue.Provinces.Where(p => p.IsCurrent).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var recorded = Recorded(q);
        if (recorded.Count == 0 || recorded.Count >= current.Count)
        {
            return (scopes.ShortName(scope), null);
        }
        var names = catalogue.Provinces.Where(p => p.IsCurrent && recorded.Contains(p.Id)).Select(p => p.ShortName);
        var t = answerer.Texts;
        return (t.Text(Vi, "report.vi.where_recorded", ("count", VnFormat.Number(recorded.Count))),
            t.Text(Vi, "report.vi.coverage", ("count", VnFormat.Number(recorded.Count)), ("total", VnFormat.Number(current.Count)), ("names", string.Join(", ", names))));
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
