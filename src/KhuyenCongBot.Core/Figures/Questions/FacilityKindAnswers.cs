using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>One facility's history of support, and the facilities with the largest figures.</summary>
public sealed class FacilityKindAnswers(IFacilityFigures facilities, IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes, FigureAnswerer answerer)
{
    /// <summary>How many support records a history lists before saying how many more there are.</summary>
    public const int HistoryLines = 20;

    /// <summary>The facilities of the question's scope whose names match the one asked, best first.</summary>
    public IReadOnlyList<(Facility Facility, double Score)> Find(Question q)
    {
        var units = scopes.UnitIds(q.Scope)?.Select(u => catalogue.CurrentOf(u)?.Id ?? u).Distinct().ToList()
            ?? catalogue.CurrentProvinces.Select(p => p.Id).ToList();
        if (string.IsNullOrWhiteSpace(q.FacilityName))
        {
            return [];
        }
        var found = store.Facilities.Search(units, q.FacilityName, 4, FacilitySearch.OfferThreshold);
        if (WithoutGenericWord(q.FacilityName) is not { } bare)
        {
            return found;
        }
        // "cơ sở Vũ Minh Hiền": "cơ sở" is what officers call any facility, so the name is looked for without it too ("Hộ kinh
        // doanh Vũ Minh Hiền" was not among the four names offered, other "Cơ sở …" names were).
        return found.Concat(store.Facilities.Search(units, bare, 4, FacilitySearch.OfferThreshold))
            .GroupBy(f => f.Facility.Id).Select(g => g.MaxBy(f => f.Score))
            .OrderByDescending(f => f.Score).ThenBy(f => f.Facility.Name, StringComparer.Ordinal).Take(4).ToList();
    }

    /// <summary>The words of "cơ sở …" ("facility …") after that generic word, or null when the name does not start with it.</summary>
    public static string? WithoutGenericWord(string typed)
    {
        var folded = VnText.FoldWords(typed);
        foreach (var generic in (string[])["co so ", "facility "])
        {
            if (folded.StartsWith(generic, StringComparison.Ordinal) && folded.Length > generic.Length)
            {
                return folded[generic.Length..];
            }
        }
        return null;
    }

    public string History(Question q, bool english)
    {
        var found = Find(q);
        if (found.Count == 0)
        {
            return answerer.Texts.Text(english, "figures.facility.not_found", ("name", q.FacilityName), ("scope", scopes.ShortName(q.Scope, english)));
        }
        if (Sure(found, q.FacilityName!) is not { } facility)
        {
            // Only names that look alike: a history of the wrong facility would be copied into a report as this one's.
            return answerer.Texts.Text(english, "figures.facility.not_sure", ("name", q.FacilityName), ("scope", scopes.ShortName(q.Scope, english)),
                ("names", string.Join("; ", found.Select(f => f.Facility.Name + " (" + (catalogue.Province(f.Facility.ProvinceId)?.ShortName ?? f.Facility.ProvinceId) + ")"))),
                ("example", found[0].Facility.Name));
        }
        var units = scopes.UnitIds(q.Scope);
        var records = facilities.RecordsOf(facility.Id)
            .Where(r => r.Date >= q.From && r.Date <= q.To && (units is null || units.Contains(r.ProvinceId))
                && (q.Status is null || r.Status == q.Status) && (q.Source is null || r.Has(q.Source.Value)))
            .ToList();
        var sb = new StringBuilder();
        var place = catalogue.Province(facility.ProvinceId)?.ShortName ?? facility.ProvinceId;
        var texts = answerer.Texts;
        sb.AppendLine(texts.Text(english, "figures.facility.history", ("name", facility.Name), ("place", (facility.Commune is { } c ? c + ", " : "") + place),
            ("source", SourceText.Suffix(texts, q.Source, english))));
        if (records.Count == 0)
        {
            sb.AppendLine(texts.Text(english, "figures.facility.no_support"));
        }
        foreach (var r in records.Take(HistoryLines))
        {
            var activity = (english ? catalogue.Activity(r.ActivityId)?.EnglishName : catalogue.Activity(r.ActivityId)?.ShortName) ?? r.ActivityId;
            sb.Append("• ").Append(VnFormat.Date(r.Date)).Append(" – ").Append(activity);
            if (r.Booths > 0)
            {
                sb.Append(" – ").Append(MetricText.Value(texts, Measures.Booths, r.Booths, english));
            }
            if (r.Split is { IsZero: false } split)
            {
                sb.Append(" – ").Append(SourceText.Parts(texts, split, english));
            }
            else if (r.FundingVnd > 0)
            {
                sb.Append(" – ").Append(MetricText.Value(texts, Measures.Funding, r.FundingVnd, english));
            }
            if (r.Status == RecordStatus.Estimate)
            {
                sb.Append(texts.Text(english, "figures.facility.estimate"));
            }
            sb.AppendLine();
        }
        if (records.Count > HistoryLines)
        {
            sb.AppendLine(texts.Text(english, "figures.facility.more", ("count", records.Count - HistoryLines)));
        }
        if (records.Count > 0)
        {
            // The funding is khuyến công support (KCQG + KCĐP): only those go in its bracket, so that the bracket adds up to it;
            // the facility's counterpart and other money follow it, outside.
            string Part(FundingSource? source, decimal sum) => $"{FundingSources.Label(texts, source, english)} {MetricText.Value(texts, Measures.Funding, sum, english)}";
            decimal SumOf(FundingSource s) => records.Sum(r => (decimal)(r.Split is { } split ? split[s] : 0));
            var bySource = new[] { FundingSource.Kcqg, FundingSource.Kcdp }
                .Select(s => (Source: (FundingSource?)s, Sum: SumOf(s)))
                .Append((null, records.Where(r => r.Split is null).Sum(r => (decimal)r.FundingVnd)))
                .Where(x => x.Sum > 0)
                .Select(x => Part(x.Source, x.Sum)).ToList();
            var besides = new[] { FundingSource.Counterpart, FundingSource.Other }.Where(s => SumOf(s) > 0).Select(s => Part(s, SumOf(s))).ToList();
            sb.Append(texts.Text(english, "figures.facility.total", ("count", records.Count), ("funding", MetricText.Value(texts, Measures.Funding, records.Sum(r => (decimal)r.FundingVnd), english))))
              .Append(bySource.Count > 0 ? $" ({string.Join(", ", bySource)})" : "")
              .AppendLine(besides.Count > 0 ? "; " + string.Join(", ", besides) + "." : ".");
        }
        sb.AppendLine(texts.Text(english, "figures.answer.period", ("period", FigureAnswerer.PeriodText(answerer.Texts, q, english))));
        var others = found.Where(f => f.Facility.Id != facility.Id && f.Score >= found[0].Score - 0.1).ToList();
        if (others.Count > 0)
        {
            sb.AppendLine(texts.Text(english, "figures.facility.similar",
                ("names", string.Join("; ", others.Select(f => f.Facility.Name + " (" + (catalogue.Province(f.Facility.ProvinceId)?.ShortName ?? f.Facility.ProvinceId) + ")")))));
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// The facility the name surely means: the only one whose name is the typed name (diacritics and case aside), or else the
    /// only one whose name holds the typed words whole ("Phú Vinh" in "HTX Mây tre Phú Vinh"). A name that is only close
    /// ("Công ty ABC", "Nguyễn Văn A" for "Nguyễn Văn Hùng") or fits several facilities means none: the bot asks.
    /// </summary>
    public static Facility? Sure(IReadOnlyList<(Facility Facility, double Score)> found, string typed)
    {
        var query = VnText.FoldWords(typed);
        var exact = found.Where(f => VnText.FoldWords(f.Facility.Name) == query).ToList();
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? exact[0].Facility : null;
        }
        var holding = found.Where(f => VnText.ContainsWords(VnText.FoldWords(f.Facility.Name), query)).ToList();
        if (holding.Count == 0 && WithoutGenericWord(typed) is { } bare)
        {
            holding = found.Where(f => VnText.ContainsWords(VnText.FoldWords(f.Facility.Name), bare)).ToList();
        }
        return holding.Count == 1 ? holding[0].Facility : null;
    }

    /// <summary>The measure the top facilities are ranked by: the one asked when it adds up per record, else funding.</summary>
    public static string TopMeasure(Question q) => q.Measure switch
    {
        null or Measures.Facilities => Measures.Funding,
        var m => m,
    };

    public string Top(Question q, bool english)
    {
        var measure = TopMeasure(q);
        var activity = q.Measure is null && q.ActivityId is null ? null : q.ActivityId;
        var n = Math.Clamp(q.Top ?? 10, 1, 50);
        var top = facilities.TopFacilities(answerer.Query(q, activity, measure), n);
        var sb = new StringBuilder();
        var title = SourceText.Title(answerer.Texts, catalogue, activity, measure, q.Source, english);
        var texts = answerer.Texts;
        // Vietnamese writes the measure in lower case inside the sentence ("3 cơ sở có kinh phí hỗ trợ … cao nhất").
        var named = english ? title : LowerFirst(title);
        var (period, scope) = (FigureAnswerer.PeriodText(answerer.Texts, q, english), scopes.ShortName(q.Scope, english));
        sb.AppendLine(n == 1
            ? texts.Text(english, "figures.facility.top_one", ("title", named), ("period", period), ("scope", scope))
            : texts.Text(english, "figures.facility.top_many", ("n", n), ("title", named), ("period", period), ("scope", scope)));
        if (top.Count == 0)
        {
            sb.AppendLine(texts.Text(english, "figures.facility.top_none"));
        }
        var rank = 0;
        foreach (var (id, value) in top)
        {
            var f = store.Facilities.Get(id);
            var place = f is null ? "" : " (" + (catalogue.Province(f.ProvinceId)?.ShortName ?? f.ProvinceId) + ")";
            sb.Append(BreakdownText.RowStart(texts, true, ++rank, english)).Append(f?.Name ?? $"#{id}").Append(place).Append(": ").Append(MetricText.Value(texts, measure, value.Value, english))
              .AppendLine(texts.Text(english, "figures.facility.top_records", ("count", value.Records)));
        }
        return sb.ToString().TrimEnd();
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
