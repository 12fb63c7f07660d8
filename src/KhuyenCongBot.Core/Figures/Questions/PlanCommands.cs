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

    private static string Usage(BotContext context) => context.Text("plans.usage");

    public Task HandleAsync(BotContext context, string arguments, CancellationToken cancellationToken)
    {
        var tokens = arguments.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = string.Join(' ', tokens);
        if (tokens.Length == 0)
        {
            List(context, context.Today.Year);
            context.Say(Usage(context));
            return Task.CompletedTask;
        }
        if (!int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            context.Say(context.Text("plans.bad_year", ("typed", tokens[0])) + "\n" + Usage(context));
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
                context.Say(context.Text("plans.amount_missing", ("words", string.Join(' ', measureWords)), ("year", year), ("province", province.ShortName)));
                return Task.CompletedTask;
            }
            UnknownProvince(context, string.Join(' ', ProvinceWords(tokens[1..])), line);
            return Task.CompletedTask;
        }
        if (!context.IsAdmin)
        {
            context.Say(context.Text("plans.admins_only_set", ("year", year)));
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
            context.Say(context.Text("plans.missing_parts") + "\n" + Usage(context));
            return;
        }
        var provinceText = string.Join(' ', tokens[..metricIndex]);
        var province = catalogue.FindProvince(provinceText);
        if (province is null)
        {
            context.Say(context.Text("plans.unknown_province", ("text", provinceText)));
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
            context.Say(context.Text("plans.missing_parts") + "\n" + Usage(context));
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
            context.Say(context.Text("plans.measure_missing") + "\n" + Usage(context));
            return;
        }
        var words = string.Join(' ', measureWords);
        var found = MeasureOf(measureWords);
        if (found is not { } metric)
        {
            context.Say(context.Text("plans.measure_not_understood", ("words", words)) + "\n" + Usage(context));
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
        var message = context.Text("plans.unknown_province", ("text", text));
        var at = line.IndexOf(text, StringComparison.Ordinal);
        if (PlanWords.Nearest(catalogue, text) is not { } near || text.Length == 0 || at < 0)
        {
            context.Say(message + context.Text("plans.type_current_name"));
            return;
        }
        changes.OfferProvince(context, message + context.Text("plans.did_you_mean", ("name", near.ShortName)), near, line[..at] + near.ShortName + line[(at + text.Length)..]);
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
                ? context.Text("plans.activity_has_no_measure", ("activity", context.English ? activity.EnglishName : activity.ShortName),
                    ("measure", MeasureWord(context, measure)), ("measures", string.Join(", ", activity.Measures.Select(m => MeasureWord(context, m)))))
                : context.Text("plans.metric_not_understood", ("metric", metric)));
            return;
        }
        if (!province.IsCurrent)
        {
            // Plans are set per current unit (as the plans.csv import requires): a former province's plan would be added silently
            // to its current unit's plan and the country's (outside tester: "/kehoach 2026 Vĩnh Phúc gian hàng 50").
            var current = catalogue.CurrentOf(province.Id);
            context.Say(current is null
                ? context.Text("plans.former_gone", ("province", province.ShortName))
                : context.Text("plans.former_merged", ("province", province.ShortName), ("current", current.ShortName), ("year", year)));
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
            context.Say(MetricText.IsMoney(measure)
                ? context.Text("plans.bad_amount_money", ("typed", amountText))
                : context.Text("plans.bad_amount", ("typed", amountText)));
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
            context.Say(context.Text("plans.outside_scope", ("province", catalogue.Province(provinceId)?.ShortName ?? provinceId),
                ("scope", scopes.ShortName(scopes.DefaultScope(context.User), context.English)), ("year", year)));
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
            context.Say(context.Text("plans.none", ("year", year)));
            return;
        }
        var scopeName = provinceId is not null ? catalogue.Province(provinceId)?.ShortName ?? provinceId : scopes.ShortName(scopes.DefaultScope(context.User), context.English);
        var sb = new StringBuilder(context.Text("plans.list_head", ("year", year), ("scope", scopeName))).Append('\n');
        foreach (var group in plans.GroupBy(p => p.Metric))
        {
            var dot = group.Key.IndexOf('.');
            var measure = dot < 0 ? group.Key : group.Key[(dot + 1)..];
            var activity = dot <= 0 ? null : group.Key[..dot];
            var name = Measures.All.Contains(measure) ? MetricText.Title(context.Texts, catalogue, activity == "*" ? null : activity, measure, context.English) : group.Key;
            if (group.Count() == 1)
            {
                // One province: its plan, without a "total" that would read as the country's; named when the list covers more.
                var only = group.First();
                var whose = provinceId is null && !scopes.DefaultScope(context.User).StartsWith("p:", StringComparison.Ordinal)
                    ? context.Text("plans.only_one", ("province", catalogue.Province(only.ProvinceId)?.ShortName ?? only.ProvinceId)) : "";
                sb.Append("• ").Append(name).Append(": ").Append(Format(context, measure, only.Target)).AppendLine(whose);
                continue;
            }
            sb.Append("• ").Append(name).Append(": ").Append(context.Text("plans.total")).Append(' ')
              .Append(Format(context, measure, group.Sum(p => p.Target))).Append(" – ")
              .AppendLine(string.Join("; ", group.Take(8).Select(p => $"{catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId} {Format(context, measure, p.Target)}"))
                  + (group.Count() > 8 ? context.Text("plans.more_provinces", ("count", group.Count() - 8)) : ""));
        }
        if (stale.Count > 0)
        {
            sb.AppendLine(context.Text("plans.stale", ("plans",
                string.Join("; ", stale.Select(p => $"{catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId} {p.Metric} {Format(context, MeasureOfMetric(p.Metric), p.Target)}")))));
        }
        context.Say(sb.ToString().TrimEnd());
    }

    private static string MeasureWord(BotContext context, string measure) => measure switch
    {
        Measures.Revenue => context.Text("plans.measure_revenue"),
        Measures.Funding => context.Text("plans.measure_funding"),
        _ => MetricText.Unit(context.Texts, measure, context.English),
    };

    private static string MeasureOfMetric(string metric) => metric.IndexOf('.') is var dot and >= 0 ? metric[(dot + 1)..] : metric;

    private static string Format(BotContext context, string measure, decimal value) =>
        MetricText.IsMoney(measure) ? context.Numbers.Money((long)value) : context.Numbers.Number((long)value);
}
