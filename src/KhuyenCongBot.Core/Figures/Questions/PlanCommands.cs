using System.Globalization;
using System.Text;
using System.Text.Json;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>/kehoach (/plan): lists a year's plans; admins set one ("/kehoach 2026 Phú Thọ trade_fair.booths 120").</summary>
public sealed class PlanCommands
{
    private readonly CatalogueIndex catalogue;
    private readonly ScopeResolver scopes;
    private readonly QuestionParser parser;
    private readonly PlanChangeDialog changes;

    public PlanCommands(CatalogueIndex catalogue, ScopeResolver scopes)
    {
        this.catalogue = catalogue;
        this.scopes = scopes;
        parser = new QuestionParser(catalogue);
        changes = new PlanChangeDialog(catalogue, HandleAsync);
    }

    /// <summary>The confirmations of a plan change (overwrite, implausible amount, unit, near province name).</summary>
    public IConversationFlow Flow => changes.Dialog;

    private const string Usage =
        "Cách dùng:\n/kehoach 2026 – xem kế hoạch năm 2026 (/kehoach 2026 Phú Thọ – của một tỉnh)\n/kehoach 2026 Phú Thọ gian hàng 120 – đặt kế hoạch (quản trị viên)\n"
        + "Chỉ tiêu gõ bằng chữ (gian hàng, cơ sở máy móc, doanh thu tư vấn 9,92 tỷ, kinh phí) hoặc mã <hoạt động>.<đại lượng>, ví dụ trade_fair.booths, machinery.facilities, consulting.revenue_vnd (doanh thu nhập như 9,92 tỷ).\n"
        + "Có thể nhập cả tệp plans.csv (year,province,metric,target) bằng lệnh import của chương trình.";

    public Task HandleAsync(BotContext context, string arguments, CancellationToken cancellationToken)
    {
        var tokens = arguments.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = string.Join(' ', tokens);
        if (tokens.Length == 0)
        {
            List(context, context.Today.Year);
            context.Say(Usage);
            return Task.CompletedTask;
        }
        if (!int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            context.Say("Năm không hợp lệ: \"" + tokens[0] + "\".\n" + Usage);
            return Task.CompletedTask;
        }
        if (tokens.Length == 1)
        {
            List(context, year);
            return Task.CompletedTask;
        }
        var viewProvince = catalogue.FindProvince(string.Join(' ', tokens[1..]));
        if (viewProvince is not null)
        {
            List(context, year, viewProvince.Id);
            return Task.CompletedTask;
        }
        if (tokens[^1].Length > 1 && tokens[^1][0] is '-' or '−' && PlanWords.AmountStart([tokens[^1][1..]], from: 0) == 0)
        {
            // "/kehoach 2027 Phú Thọ gian hàng -5": the minus was read as part of a province name before.
            context.Say(context.Text("figures.plan.negative", ("typed", tokens[^1])));
            return Task.CompletedTask;
        }
        if (!tokens.Skip(1).Any(t => t.Contains('.')) && PlanWords.AmountStart(tokens) < 0)
        {
            // No amount: a view of one province, or a plan line without its number.
            var (province, measureWords) = SplitProvince(tokens[1..]);
            if (province is not null && measureWords.Length > 0 && MeasureOf(measureWords) is not null)
            {
                context.Say($"Thiếu số kế hoạch sau \"{string.Join(' ', measureWords)}\" (ví dụ: /kehoach {year} {province.ShortName} gian hàng 150).");
                return Task.CompletedTask;
            }
            UnknownProvince(context, string.Join(' ', ProvinceWords(tokens[1..])), line);
            return Task.CompletedTask;
        }
        if (!context.IsAdmin)
        {
            context.Say("Chỉ quản trị viên được đặt kế hoạch; bạn không có quyền đặt. Bạn xem kế hoạch bằng /kehoach " + year + ".");
            return Task.CompletedTask;
        }
        Set(context, year, tokens[1..], line);
        return Task.CompletedTask;
    }

    private void Set(BotContext context, int year, string[] tokens, string line)
    {
        var metricIndex = Array.FindIndex(tokens, t => t.Contains('.') && char.IsLetter(t[0]) || t.StartsWith("*.", StringComparison.Ordinal));
        if (metricIndex < 0)
        {
            SetInWords(context, year, tokens, line);
            return;
        }
        if (metricIndex < 1 || metricIndex == tokens.Length - 1)
        {
            context.Say("Thiếu tỉnh, chỉ tiêu hoặc số kế hoạch.\n" + Usage);
            return;
        }
        var provinceText = string.Join(' ', tokens[..metricIndex]);
        var province = catalogue.FindProvince(provinceText);
        if (province is null)
        {
            context.Say($"Không có tỉnh/thành phố \"{provinceText}\" trong danh mục.");
            return;
        }
        Set(context, year, province, tokens[metricIndex].ToLowerInvariant(), string.Join(' ', tokens[(metricIndex + 1)..]));
    }

    /// <summary>"Phú Thọ gian hàng 150", "Hà Nội doanh thu tư vấn 9,92 tỷ", "phu tho co so may moc muoi", "… gian hàng 150 gian":
    /// the province, the measure in words, the amount (digits or words, a unit word after it allowed).</summary>
    private void SetInWords(BotContext context, int year, string[] tokens, string line)
    {
        var amountAt = PlanWords.AmountStart(tokens, from: 0);
        if (amountAt < 1)
        {
            context.Say("Thiếu tỉnh, chỉ tiêu hoặc số kế hoạch.\n" + Usage);
            return;
        }
        var (province, measureWords) = SplitProvince(tokens[..amountAt]);
        if (province is null)
        {
            UnknownProvince(context, string.Join(' ', ProvinceWords(tokens[..amountAt])), line);
            return;
        }
        if (measureWords.Length == 0)
        {
            context.Say("Thiếu chỉ tiêu (ví dụ: gian hàng, cơ sở máy móc, doanh thu tư vấn, kinh phí).\n" + Usage);
            return;
        }
        var words = string.Join(' ', measureWords);
        var found = MeasureOf(measureWords);
        if (found is not { } metric)
        {
            context.Say($"Bot chưa hiểu chỉ tiêu \"{words}\". Ví dụ: \"gian hàng\", \"cơ sở máy móc\", \"doanh thu tư vấn\", \"kinh phí\"; hoặc mã như trade_fair.booths.\n" + Usage);
            return;
        }
        Set(context, year, province, $"{metric.ActivityId}.{metric.Measure}", PlanWords.WithoutUnit(tokens[amountAt..]));
    }

    /// <summary>The longest leading words naming a province, and the words after them.</summary>
    private (ProvinceUnit? Province, string[] After) SplitProvince(string[] tokens)
    {
        for (var j = tokens.Length; j >= 1; j--)
        {
            if (catalogue.FindProvince(string.Join(' ', tokens[..j])) is { } province)
            {
                return (province, tokens[j..]);
            }
        }
        return (null, tokens);
    }

    /// <summary>The words that should have named a province: those before the longest measure phrase at the end.</summary>
    private string[] ProvinceWords(string[] tokens)
    {
        // A near province name before a measure ("phu to | gian hang") first: "to" alone may read as part of a measure.
        for (var j = tokens.Length - 1; j >= 1; j--)
        {
            if (PlanWords.Nearest(catalogue, string.Join(' ', tokens[..j])) is not null && MeasureOf(tokens[j..]) is not null)
            {
                return tokens[..j];
            }
        }
        for (var j = 1; j < tokens.Length; j++)
        {
            if (MeasureOf(tokens[j..]) is not null)
            {
                return tokens[..j];
            }
        }
        return tokens;
    }

    private (string ActivityId, string Measure)? MeasureOf(string[] words)
    {
        if (words.Length == 0)
        {
            return null;
        }
        var parts = parser.Parse(string.Join(' ', words), DateOnly.FromDateTime(DateTime.UnixEpoch));
        if (parts.Scope is not null || parts.Unknown.Count > 0)
        {
            return null;
        }
        var measure = parts.Measure ?? (parts.ActivityId is { } a ? catalogue.Activity(a)?.Measures.FirstOrDefault() : null);
        if (measure is null)
        {
            return null;
        }
        return (parts.ActivityId ?? (Measures.All.Contains(measure) ? ActivityOf(measure) : null) ?? "*", measure);
    }

    /// <summary>"Không có tỉnh … trong danh mục"; when a current province's name is close, it is offered as a choice that runs the
    /// command again with it (never used without asking).</summary>
    private void UnknownProvince(BotContext context, string text, string line)
    {
        var message = $"Không có tỉnh/thành phố \"{text}\" trong danh mục.";
        var at = line.IndexOf(text, StringComparison.Ordinal);
        if (PlanWords.Nearest(catalogue, text) is not { } near || text.Length == 0 || at < 0)
        {
            context.Say(message + " Bạn gõ tên hiện nay của tỉnh/thành (sau sáp nhập 2025) hoặc mã tỉnh.");
            return;
        }
        changes.OfferProvince(context, message + $" Có phải ý bạn là {near.ShortName}?", near, line[..at] + near.ShortName + line[(at + text.Length)..]);
    }

    /// <summary>The one activity a measure belongs to (booths: fairs; revenue: consulting), or null when it is shared.</summary>
    private string? ActivityOf(string measure)
    {
        var owners = catalogue.Activities.Where(a => MeasureCoverage.Recorded(a).Contains(measure)).ToList();
        return owners.Count == 1 ? owners[0].Id : null;
    }

    private void Set(BotContext context, int year, ProvinceUnit province, string metric, string amountText)
    {
        var dot = metric.IndexOf('.');
        var activityId = metric[..dot];
        var measure = metric[(dot + 1)..];
        var activity = catalogue.Activity(activityId);
        if ((activity is null && activityId != "*") || !Measures.All.Contains(measure) || (activity is not null && !activity.Measures.Contains(measure)))
        {
            context.Say(activity is not null && !activity.Measures.Contains(measure) && Measures.All.Contains(measure)
                ? $"Hoạt động {activity.ShortName} không có chỉ tiêu {MeasureWord(measure)} để đặt kế hoạch. Chỉ tiêu của {activity.ShortName}: {string.Join(", ", activity.Measures.Select(MeasureWord))}."
                : $"Chưa hiểu chỉ tiêu \"{metric}\". Gõ chỉ tiêu bằng lời, ví dụ: /kehoach 2027 Phú Thọ gian hàng 150; /kehoach 2027 Phú Thọ kinh phí máy móc 2 tỷ.");
            return;
        }
        if (!province.IsCurrent)
        {
            // Plans are set per current unit (as the plans.csv import requires): a former province's plan would be added silently
            // to its current unit's plan and the country's (outside tester: "/kehoach 2026 Vĩnh Phúc gian hàng 50").
            var current = catalogue.CurrentOf(province.Id);
            context.Say(current is null
                ? $"{province.ShortName} không còn là đơn vị hành chính từ 01/07/2025: kế hoạch đặt theo 34 tỉnh, thành phố hiện nay."
                : $"{province.ShortName} đã hợp nhất vào {current.ShortName} từ 01/07/2025: kế hoạch đặt theo đơn vị hiện nay. "
                  + $"Xem kế hoạch của {current.ShortName}: /kehoach {year} {current.ShortName}");
            return;
        }
        var change = new PlanChange(year, province.Id, metric, 0);
        long target;
        var ok = MetricText.IsMoney(measure) ? VnParse.TryParseMoney(amountText, out target) : VnParse.TryParseInteger(amountText, out target);
        if (!ok && MetricText.IsMoney(measure) && PlanWords.BareNumber(amountText) is { } number)
        {
            // "9,92" without "tỷ" or "triệu": which was meant is asked, not guessed.
            changes.AskUnit(context, change, amountText, number);
            return;
        }
        if (!ok || target < 0)
        {
            context.Say($"Số kế hoạch \"{amountText}\" không hợp lệ" + (MetricText.IsMoney(measure) ? " (ví dụ: 9,92 tỷ; 500 triệu; 120000000)." : " (ví dụ: 120)."));
            return;
        }
        changes.Propose(context, change with { Target = target });
    }

    private void List(BotContext context, int year, string? provinceId = null)
    {
        var units = scopes.UnitIds(scopes.DefaultScope(context.User));
        // In a group, plans are shown only as far as every member may see them (like figures).
        if (context.Message.IsGroupChat
            && (context.Access is not AccessPolicy access
                ? AccessPolicy.GroupRefusal(context)
                : access.RefusalInChat(context, provinceId is not null ? [provinceId] : units)) is { } refusal)
        {
            context.Say(refusal);
            return;
        }
        if (provinceId is not null && units is not null && !units.Contains(provinceId))
        {
            // Not "no plan": the plan may exist, the person may not see it (outside tester, officer of Phú Thọ asking Bắc Ninh's).
            context.Say($"Kế hoạch của {catalogue.Province(provinceId)?.ShortName ?? provinceId} ngoài phạm vi của bạn ({scopes.ShortName(scopes.DefaultScope(context.User))}): "
                + $"bạn xem được kế hoạch trong phạm vi của mình, ví dụ /kehoach {year}.");
            return;
        }
        var all = context.Store.Plans.ForYear(year)
            .Where(p => units is null || units.Contains(p.ProvinceId))
            .Where(p => provinceId is null || p.ProvinceId == provinceId)
            .OrderBy(p => p.Metric, StringComparer.Ordinal).ThenBy(p => catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId, StringComparer.Ordinal)
            .ToList();
        // A former province's plan after the merger (left by an earlier version) is shown apart and counted nowhere.
        var plans = all.CountedIn(year, catalogue).ToList();
        var stale = all.Except(plans).ToList();
        if (plans.Count == 0)
        {
            context.Say($"Chưa có kế hoạch năm {year} trong phạm vi của bạn.");
            return;
        }
        var scopeName = provinceId is not null ? catalogue.Province(provinceId)?.ShortName ?? provinceId : scopes.ShortName(scopes.DefaultScope(context.User));
        var sb = new StringBuilder($"Kế hoạch năm {year} ({scopeName}):\n");
        foreach (var group in plans.GroupBy(p => p.Metric))
        {
            var dot = group.Key.IndexOf('.');
            var measure = dot < 0 ? group.Key : group.Key[(dot + 1)..];
            var activity = dot <= 0 ? null : group.Key[..dot];
            var name = Measures.All.Contains(measure) ? MetricText.Title(catalogue, activity == "*" ? null : activity, measure) : group.Key;
            if (group.Count() == 1)
            {
                // One province: its plan, without a "total" that would read as the country's; named when the list covers more.
                var only = group.First();
                var whose = provinceId is null && !scopes.DefaultScope(context.User).StartsWith("p:", StringComparison.Ordinal)
                    ? $" (chỉ {catalogue.Province(only.ProvinceId)?.ShortName ?? only.ProvinceId} có kế hoạch này)" : "";
                sb.Append("• ").Append(name).Append(": ").Append(Format(measure, only.Target)).AppendLine(whose);
                continue;
            }
            sb.Append("• ").Append(name).Append(": tổng ")
              .Append(Format(measure, group.Sum(p => p.Target))).Append(" – ")
              .AppendLine(string.Join("; ", group.Take(8).Select(p => $"{catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId} {Format(measure, p.Target)}"))
                  + (group.Count() > 8 ? $"; và {group.Count() - 8} tỉnh khác" : ""));
        }
        if (stale.Count > 0)
        {
            sb.Append("(Không tính kế hoạch đặt cho tỉnh cũ, đã hợp nhất từ 01/07/2025: ")
              .Append(string.Join("; ", stale.Select(p => $"{catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId} {p.Metric} {Format(MeasureOfMetric(p.Metric), p.Target)}")))
              .AppendLine(".)");
        }
        context.Say(sb.ToString().TrimEnd());
    }

    private static string MeasureWord(string measure) => measure switch
    {
        Measures.Revenue => "doanh thu",
        Measures.Funding => "kinh phí",
        _ => MetricText.Unit(measure, false),
    };

    private static string MeasureOfMetric(string metric) => metric.IndexOf('.') is var dot and >= 0 ? metric[(dot + 1)..] : metric;

    private static string Format(string measure, decimal value) =>
        MetricText.IsMoney(measure) ? VnFormat.Money((long)value) : VnFormat.Number((long)value);
}
