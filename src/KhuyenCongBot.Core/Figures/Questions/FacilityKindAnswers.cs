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
        return string.IsNullOrWhiteSpace(q.FacilityName) ? [] : store.Facilities.Search(units, q.FacilityName, 4, FacilitySearch.OfferThreshold);
    }

    public string History(Question q, bool english)
    {
        var found = Find(q);
        if (found.Count == 0)
        {
            return english
                ? $"No facility named \"{q.FacilityName}\" was found in {scopes.ShortName(q.Scope, true)}. Check the name (e.g. \"HTX Mây tre Phú Vinh đã được hỗ trợ những gì\")."
                : $"Không tìm thấy cơ sở nào tên \"{q.FacilityName}\" trong phạm vi {scopes.ShortName(q.Scope)}. Bạn kiểm tra lại tên (ví dụ: \"HTX Mây tre Phú Vinh đã được hỗ trợ những gì\").";
        }
        var facility = found[0].Facility;
        var units = scopes.UnitIds(q.Scope);
        var records = facilities.RecordsOf(facility.Id)
            .Where(r => r.Date >= q.From && r.Date <= q.To && (units is null || units.Contains(r.ProvinceId))
                && (q.Status is null || r.Status == q.Status) && (q.Source is null || r.Has(q.Source.Value)))
            .ToList();
        var sb = new StringBuilder();
        var place = catalogue.Province(facility.ProvinceId)?.ShortName ?? facility.ProvinceId;
        sb.Append(english ? "Support received by " : "Hỗ trợ đã nhận của ").Append(facility.Name).Append(" (")
          .Append(facility.Commune is { } c ? c + ", " : "").Append(place).Append(')').AppendLine(SourceText.Suffix(q.Source, english) + ":");
        if (records.Count == 0)
        {
            sb.AppendLine(english ? "No support recorded in this period." : "Chưa có bản ghi hỗ trợ nào trong kỳ.");
        }
        foreach (var r in records.Take(HistoryLines))
        {
            var activity = (english ? catalogue.Activity(r.ActivityId)?.EnglishName : catalogue.Activity(r.ActivityId)?.ShortName) ?? r.ActivityId;
            sb.Append("• ").Append(VnFormat.Date(r.Date)).Append(" – ").Append(activity);
            if (r.Booths > 0)
            {
                sb.Append(" – ").Append(MetricText.Value(Measures.Booths, r.Booths, english));
            }
            if (r.Split is { IsZero: false } split)
            {
                sb.Append(" – ").Append(SourceText.Parts(split, english));
            }
            else if (r.FundingVnd > 0)
            {
                sb.Append(" – ").Append(MetricText.Value(Measures.Funding, r.FundingVnd, english));
            }
            if (r.Status == RecordStatus.Estimate)
            {
                sb.Append(english ? " – estimate" : " – ước thực hiện");
            }
            sb.AppendLine();
        }
        if (records.Count > HistoryLines)
        {
            sb.AppendLine(english ? $"... and {records.Count - HistoryLines} more." : $"... và {records.Count - HistoryLines} lần hỗ trợ khác.");
        }
        if (records.Count > 0)
        {
            var bySource = FundingSources.All
                .Select(s => (Source: (FundingSource?)s, Sum: records.Sum(r => (decimal)(r.Split is { } split ? split[s] : 0))))
                .Append((null, records.Where(r => r.Split is null).Sum(r => (decimal)r.FundingVnd)))
                .Where(x => x.Sum > 0)
                .Select(x => $"{FundingSources.Label(x.Source, english)} {MetricText.Value(Measures.Funding, x.Sum, english)}").ToList();
            sb.Append(english ? $"Total: {records.Count} times supported, funding " : $"Tổng: {VnFormat.Number(records.Count)} lần hỗ trợ, kinh phí ")
              .Append(MetricText.Value(Measures.Funding, records.Sum(r => (decimal)r.FundingVnd), english))
              .AppendLine(bySource.Count > 0 ? $" ({string.Join(", ", bySource)})." : ".");
        }
        sb.Append(english ? "Period: " : "Thời gian: ").AppendLine(FigureAnswerer.PeriodText(q, english));
        if (found.Count > 1 && found[1].Score >= found[0].Score - 0.1)
        {
            sb.Append(english ? "Other facilities with a similar name: " : "Cơ sở có tên gần giống: ")
              .AppendLine(string.Join("; ", found.Skip(1).Select(f => f.Facility.Name + " (" + (catalogue.Province(f.Facility.ProvinceId)?.ShortName ?? f.Facility.ProvinceId) + ")")));
        }
        return sb.ToString().TrimEnd();
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
        var title = SourceText.Title(catalogue, activity, measure, q.Source, english);
        sb.AppendLine(english
            ? $"Top {n} facilities by {title} ({FigureAnswerer.PeriodText(q, true)}, {scopes.ShortName(q.Scope, true)}):"
            : $"{(n == 1 ? "Cơ sở" : n + " cơ sở")} có {LowerFirst(title)} cao nhất ({q.PeriodLabel}, {scopes.ShortName(q.Scope)}):");
        if (top.Count == 0)
        {
            sb.AppendLine(english ? "No facility has this figure in the period." : "Không có cơ sở nào có số liệu này trong kỳ.");
        }
        var rank = 0;
        foreach (var (id, value) in top)
        {
            var f = store.Facilities.Get(id);
            var place = f is null ? "" : " (" + (catalogue.Province(f.ProvinceId)?.ShortName ?? f.ProvinceId) + ")";
            sb.Append(BreakdownText.RowStart(true, ++rank, english)).Append(f?.Name ?? $"#{id}").Append(place).Append(": ").Append(MetricText.Value(measure, value.Value, english))
              .AppendLine(english ? $" ({value.Records} records)" : $" ({VnFormat.Number(value.Records)} lần hỗ trợ)");
        }
        return sb.ToString().TrimEnd();
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
