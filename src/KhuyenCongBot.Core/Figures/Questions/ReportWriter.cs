using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Writes the paragraph a manager pastes into a report, in the style of the Northern-region conference article, from the data.</summary>
public sealed class ReportWriter(IFigureSource figures, FigureAnswerer answerer, ScopeResolver scopes, CatalogueIndex catalogue)
{
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
        var (where, coverage) = Where(q, scope);
        var estimate = all.Sum(v => v.EstimatePart);
        var total = all.Sum(v => v.Value);
        var basis = estimate == 0 ? "theo số liệu chính thức" : estimate >= total ? "theo báo cáo ước thực hiện" : "theo báo cáo (một phần số liệu là ước thực hiện)";
        var sb = new StringBuilder();
        sb.Append($"{Capital(basis)} {period.Label} ({VnFormat.Date(period.From)} – {VnFormat.Date(period.To)}), ngành công thương {where} ");
        if (source is { } s)
        {
            sb.Append($"(chỉ tính các hoạt động có kinh phí nguồn {FundingSources.Label(s)}) ");
        }
        if (total == 0)
        {
            sb.Append("chưa ghi nhận kết quả hỗ trợ khuyến công nào trong kỳ.");
            return sb.ToString();
        }

        // (connective when not first, body)
        var sentences = new List<(string Connective, string Body)>();
        var first = new List<string>();
        if (machinery.Value > 0)
        {
            first.Add($"{N(machinery)} cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị tiên tiến vào dây chuyền sản xuất công nghiệp - tiểu thủ công nghiệp");
        }
        if (cleaner.Value > 0)
        {
            first.Add($"{N(cleaner)} cơ sở công nghiệp nông thôn được hỗ trợ đánh giá sản xuất sạch hơn");
        }
        if (first.Count > 0)
        {
            sentences.Add(("", "giúp " + string.Join(" và ", first)));
        }
        if (booths.Value > 0 || fairTurns.Value > 0)
        {
            sentences.Add(("Đồng thời, ", booths.Value > 0
                ? $"hỗ trợ được {N(booths)} gian hàng tiêu chuẩn cho {N(fairTurns)} lượt cơ sở công nghiệp nông thôn tham gia các hội chợ triển lãm trong nước"
                : $"hỗ trợ {N(fairTurns)} lượt cơ sở công nghiệp nông thôn tham gia các hội chợ triển lãm trong nước"));
        }
        var third = new List<string>();
        if (award.Value > 0)
        {
            third.Add($"tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cho {N(award)} lượt cơ sở");
        }
        if (trademark.Value > 0)
        {
            third.Add($"hỗ trợ đăng ký nhãn hiệu và trưng bày quảng bá sản phẩm cho {N(trademark)} cơ sở công nghiệp nông thôn");
        }
        if (third.Count > 0)
        {
            sentences.Add(("Ngoài ra, ", string.Join("; ", third)));
        }
        if (projects.Value > 0 || revenue.Value > 0)
        {
            var consulting = new StringBuilder($"tư vấn phát triển công nghiệp cho {N(projects)} dự án");
            if (revenue.Value > 0)
            {
                consulting.Append($", với doanh thu đạt {VnFormat.Money((long)revenue.Value)}");
                var target = answerer.PlanTarget(period.To.Year, "consulting." + Measures.Revenue, scopes.UnitIds(scope));
                if (target is > 0)
                {
                    consulting.Append($", đạt {VnFormat.Percent(revenue.Value / target.Value)} kế hoạch năm");
                }
                var basePeriod = period.SamePeriodLastYear();
                var before = figures.Total(answerer.Query(q, "consulting", Measures.Revenue, basePeriod));
                if (before.Value > 0)
                {
                    consulting.Append($", đạt {VnFormat.Percent(revenue.Value / before.Value)} so với cùng kỳ năm {basePeriod.To.Year}");
                }
            }
            sentences.Add(("Bên cạnh đó, ngành công thương đã ", consulting.ToString()));
        }
        var others = catalogue.Activities.Skip(6)
            .Select(a => (a, v: figures.Total(answerer.Query(q, a.Id, Measures.Participations))))
            .Where(x => x.v.Value > 0)
            .Select(x => x.a.Measures.Contains(Measures.Facilities)
                ? $"{LowerFirst(x.a.ShortName)} {N(x.v)} lượt cơ sở"
                // Information and propaganda are not tied to a facility: their records are not "lượt cơ sở" (outside tester).
                : $"{LowerFirst(x.a.ShortName)} {N(x.v)} lượt (không gắn với cơ sở)")
            .ToList();
        if (others.Count > 0)
        {
            sentences.Add(("Các hoạt động khác: ", "hỗ trợ " + string.Join("; ", others)));
        }
        for (var i = 0; i < sentences.Count; i++)
        {
            var (connective, body) = sentences[i];
            sb.Append(i == 0 ? "đã " + body : (i > 0 ? " " : "") + connective + body).Append('.');
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
            all.Sum(v => v.EstimatePart), all.Sum(v => v.Value), target, before, basePeriod.To.Year, others);
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
        return ($"{VnFormat.Number(recorded.Count)} tỉnh, thành phố có số liệu",
            $"(Số liệu gồm {VnFormat.Number(recorded.Count)}/{VnFormat.Number(current.Count)} tỉnh, thành phố có bản ghi trong kỳ: {string.Join(", ", names)}; các tỉnh, thành phố khác chưa có bản ghi.)");
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
