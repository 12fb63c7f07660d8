using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// "giải ngân theo tỉnh", "tỉnh nào giải ngân cao nhất", "tỉnh nào có tỷ lệ giải ngân thấp nhất", "giai ngan nam 2026 theo tinh":
/// the disbursement of each current province of the scope (its former units counted in it), with the same definition as the single
/// figure – with a period the period's projects (<see cref="PeriodDisbursement"/>), without one every project approved by the date
/// (<see cref="ProjectQueries.Disbursement"/>) – so the rows add up to the scope's figure, which closes the list.
/// A ranking by "tỷ lệ"/"%" orders by the rate (provinces with no approved support last, unranked), otherwise by the amount.
/// </summary>
public static class ProjectProvinceDisbursement
{
    /// <summary>Rows shown for "tỉnh nào … cao nhất" (the first is the answer, the next ones its context).</summary>
    public const int ShownForWhich = 5;

    /// <summary>One province's figure.</summary>
    public sealed record Row(string ProvinceId, string Name, int Projects, long Disbursed, long Support)
    {
        public decimal? Rate => FundingRules.Rate(Disbursed, Support);
    }

    /// <summary>The rows of the scope's projects, one per current province with a project counted (in no particular order):
    /// each recorded unit's figure is kept in its <see cref="ProjectGroup"/> (as the disbursement rate's are), so a save recomputes
    /// only its unit's, and the units merged into one province are added up.</summary>
    /// <param name="groups">The scope's recorded units (<see cref="IProjectRepository.Groups"/>).</param>
    /// <param name="rest">The filter besides the units (the activity).</param>
    public static List<Row> Rows(IReadOnlyList<ProjectGroup> groups, ProjectFilter rest, CatalogueIndex catalogue, Period? period, DateOnly at, DateOnly today)
    {
        var key = (Figure: nameof(ProjectProvinceDisbursement), Filter: rest with { ProvinceIds = null }, From: period?.From, To: period?.To, At: at, Today: today);
        var byProvince = new Dictionary<string, (int Count, long Disbursed, long Support)>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var unit = g.Derived(key, Unit);
            var id = catalogue.CurrentOf(g.ProvinceId)?.Id ?? g.ProvinceId;
            var sum = byProvince.GetValueOrDefault(id);
            byProvince[id] = (sum.Count + unit.Count, sum.Disbursed + unit.Disbursed, sum.Support + unit.Support);
        }
        var rows = new List<Row>();
        foreach (var (id, (count, disbursed, support)) in byProvince)
        {
            if (count > 0)
            {
                rows.Add(new Row(id, catalogue.Province(id)?.ShortName ?? id, count, disbursed, support));
            }
        }
        return rows;
    }

    private sealed record UnitFigure(int Count, long Disbursed, long Support);

    private static UnitFigure Unit((string Figure, ProjectFilter Filter, DateOnly? From, DateOnly? To, DateOnly At, DateOnly Today) key,
        IReadOnlyList<Project> projects)
    {
        var list = projects.Where(key.Filter.Matches).ToList();
        var (count, disbursed, support) = key is { From: { } from, To: { } to }
            && PeriodDisbursement.Of(list, new Period(from, to, ""), key.Today) is { } f
            ? (f.Projects, f.Disbursed, f.Support)
            : Plain(list, key.At);
        return new UnitFigure(count, disbursed, support);
    }

    /// <summary>As <see cref="ProjectQueries.Disbursement"/>: every project approved by <paramref name="at"/>, disbursed by then.</summary>
    private static (int Count, long Disbursed, long Support) Plain(List<Project> projects, DateOnly at)
    {
        var counted = projects.Where(p => p.DecisionDate <= at).ToList();
        return (counted.Count, counted.Sum(p => p.DisbursedOn(at)), counted.Sum(p => p.Approved.Support));
    }

    /// <summary>The reply; <paramref name="top"/> null for a breakdown (every province), else a ranking.</summary>
    public static string Answer(BotContext context, IReadOnlyList<ProjectGroup> groups, ProjectFilter rest, CatalogueIndex catalogue, string scopeName,
        Period? period, DateOnly at, bool byRate, int? top, bool ascending)
    {
        var english = context.English;
        var n = NumberText.For(english);
        var rows = Rows(groups, rest, catalogue, period, at, context.Today);
        var span = period is null
            ? context.Text("figures2.disburse.span_at", ("at", at))
            : period.Text(context.Texts, english);
        if (rows.Count == 0)
        {
            return context.Text("figures2.disburse.none", ("scope", scopeName), ("span", span));
        }
        var ordered = Order(rows, byRate, ascending && top is not null).ToList();
        var shown = top switch
        {
            null => ordered.Count,
            1 => Math.Min(ShownForWhich, ordered.Count),
            var t => Math.Min(t.Value, ordered.Count),
        };
        var sb = new StringBuilder();
        if (top is null)
        {
            sb.Append(context.Text("figures2.disburse.by_province_head", ("scope", scopeName), ("span", span), ("count", rows.Count)));
        }
        else
        {
            var first = ordered[0];
            var order = byRate ? context.Text("figures2.disburse.by_rate") : context.Text("figures2.disburse.by_amount");
            sb.Append(ascending
                ? context.Text("figures2.disburse.lowest", ("name", first.Name), ("order", order), ("scope", scopeName), ("span", span))
                : context.Text("figures2.disburse.highest", ("name", first.Name), ("order", order), ("scope", scopeName), ("span", span)));
        }
        for (var i = 0; i < shown; i++)
        {
            sb.Append('\n').Append(Line(context, n, i + 1, ordered[i]));
        }
        if (shown < ordered.Count)
        {
            sb.Append('\n').Append(context.Text("figures2.disburse.more", ("count", ordered.Count - shown)));
        }
        var unrated = byRate ? rows.Count(r => r.Rate is null) : 0;
        if (unrated > 0)
        {
            sb.Append('\n').Append(context.Text("figures2.disburse.unrated", ("count", unrated)));
        }
        var total = new Row("", "", rows.Sum(r => r.Projects), rows.Sum(r => r.Disbursed), rows.Sum(r => r.Support));
        sb.Append('\n').Append(context.Text("figures2.disburse.total", ("count", rows.Count), ("scope", scopeName), ("projects", total.Projects),
            ("disbursed", n.MoneyFull(total.Disbursed)), ("support", n.MoneyFull(total.Support)), ("rate", RateText(context, n, total))));
        // The basis line depends on the period and today only, not on the projects.
        sb.Append('\n').Append(period is { } p && PeriodDisbursement.Of([], p, context.Today) is { } figure
            ? figure.Basis(context.Texts, english)
            : context.Text("figures2.disburse.basis_at", ("at", at)));
        return sb.ToString();
    }

    /// <summary>Highest first (lowest first when asked); by rate, provinces without approved support go last.</summary>
    private static IEnumerable<Row> Order(List<Row> rows, bool byRate, bool ascending)
    {
        if (byRate)
        {
            var rated = rows.Where(r => r.Rate is not null);
            var sorted = ascending ? rated.OrderBy(r => r.Rate).ThenBy(r => r.Disbursed) : rated.OrderByDescending(r => r.Rate).ThenByDescending(r => r.Disbursed);
            return sorted.ThenBy(r => r.ProvinceId, StringComparer.Ordinal).Concat(rows.Where(r => r.Rate is null).OrderBy(r => r.ProvinceId, StringComparer.Ordinal));
        }
        var byAmount = ascending ? rows.OrderBy(r => r.Disbursed) : rows.OrderByDescending(r => r.Disbursed);
        return byAmount.ThenBy(r => r.ProvinceId, StringComparer.Ordinal);
    }

    private static string Line(BotContext context, NumberText n, int rank, Row row) =>
        context.Text("figures2.disburse.line", ("rank", rank), ("name", row.Name), ("disbursed", n.MoneyFull(row.Disbursed)),
            ("support", n.MoneyFull(row.Support)), ("projects", row.Projects), ("rate", RateText(context, n, row)));

    private static string RateText(BotContext context, NumberText n, Row row) =>
        row.Rate is { } r ? context.Text("figures2.disburse.rate", ("percent", n.Percent(r))) : "";
}
