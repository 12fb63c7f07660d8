using System.Globalization;
using System.Text.Json;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The one step of the plan confirmation dialog. Its value is saved: never renumber.</summary>
public enum PlanStep
{
    Confirm = 0,
}

/// <summary>A plan an admin asked to set: year, province, metric ("trade_fair.booths"), target.</summary>
public sealed record PlanChange(int Year, string ProvinceId, string Metric, long Target)
{
    public string Measure => Metric[(Metric.IndexOf('.') + 1)..];

    public string? ActivityId => Metric[..Metric.IndexOf('.')] is var a && a != "*" ? a : null;
}

/// <summary>
/// Sets a year plan after the checks an admin expects: an amount far from the year before ("15.000 gian hàng" where last year's
/// plan was 150) or money under a million đồng ("500" meant as 500 triệu) is asked back; an existing plan is replaced only
/// after "Đổi thành …?"; a re-typed equal plan changes nothing. Each question is a list choice (buttons, or typed: a number, the
/// label, có/không); /huy or any other command leaves it and nothing is saved.
/// </summary>
public sealed class PlanChangeDialog
{
    public const string FlowName = "plan:change";
    private const string YearKey = "year", ProvinceKey = "province", MetricKey = "metric", TargetKey = "target", AltKey = "alt",
        CheckedKey = "checked", RerunKey = "rerun";

    private readonly CatalogueIndex _catalogue;
    private readonly Func<BotContext, string, CancellationToken, Task> _rerun;

    /// <param name="rerun">Runs /kehoach again with corrected arguments (a near province name the admin confirmed).</param>
    public PlanChangeDialog(CatalogueIndex catalogue, Func<BotContext, string, CancellationToken, Task> rerun)
    {
        _catalogue = catalogue;
        _rerun = rerun;
        Dialog = new Dialog<PlanStep>(FlowName, [new(PlanStep.Confirm, null, TakeAsync)])
        {
            Description = c => c.Text("figures.plan.describe"),
        };
    }

    public Dialog<PlanStep> Dialog { get; }

    /// <summary>Offers the near province name as a choice; "Đúng" runs the command again with it.</summary>
    public void OfferProvince(BotContext context, string message, ProvinceUnit near, string correctedArguments)
    {
        Dialog.Start(context, PlanStep.Confirm, new Dictionary<string, string> { [RerunKey] = correctedArguments });
        context.Ask(message, [
            new Choice(context.Text("figures.plan.yes_name", ("name", near.ShortName)), "kh:rerun"),
            new Choice(context.Text("figures.plan.no_retype"), "kh:no"),
        ]);
    }

    /// <summary>A money amount typed without its unit ("9,92"): which unit was meant.</summary>
    public void AskUnit(BotContext context, PlanChange change, string typed, decimal number)
    {
        var billions = (long)Math.Round(number * 1_000_000_000m);
        var millions = (long)Math.Round(number * 1_000_000m);
        Dialog.Start(context, PlanStep.Confirm, Data(change with { Target = billions }, millions));
        context.Ask(
            context.Text("figures.plan.no_unit", ("typed", typed), ("title", Title(context, change))),
            [
                new Choice(context.Numbers.Money(billions), "kh:ok"),
                new Choice(context.Numbers.Money(millions), "kh:alt"),
                new Choice(context.Text("figures.plan.cancel"), "kh:no"),
            ]);
    }

    /// <summary>A typed yes ("có", "ok", "đúng") or no ("không", "không đổi"); "dung" without its marks is not read (it may be "dừng").</summary>
    private static string Typed(string input)
    {
        var folded = VnText.FoldWords(input);
        if (ChoiceMatcher.YesWords.Contains(folded) || input.Trim().ToLowerInvariant() is "đúng" or "đúng vậy" or "chính xác")
        {
            return "kh:ok";
        }
        return ChoiceMatcher.NoWords.Contains(folded) || folded.StartsWith("khong ", StringComparison.Ordinal) ? "kh:no" : "";
    }

    /// <summary>Runs the checks from the start; saves when nothing needs asking.</summary>
    public void Propose(BotContext context, PlanChange change) => Check(context, change, [], opened: false);

    private static Dictionary<string, string> Data(PlanChange change, long? alt = null, IEnumerable<string>? done = null)
    {
        var data = new Dictionary<string, string>
        {
            [YearKey] = change.Year.ToString(CultureInfo.InvariantCulture),
            [ProvinceKey] = change.ProvinceId,
            [MetricKey] = change.Metric,
            [TargetKey] = change.Target.ToString(CultureInfo.InvariantCulture),
            [CheckedKey] = string.Join(',', done ?? []),
        };
        if (alt is { } a)
        {
            data[AltKey] = a.ToString(CultureInfo.InvariantCulture);
        }
        return data;
    }

    private async Task<DialogMove<PlanStep>> TakeAsync(DialogTurn turn)
    {
        var context = turn.Context;
        var data = context.State.Data;
        var answer = turn.IsButton ? turn.Input : Typed(turn.Input);
        if (answer == "kh:ok" && data.ContainsKey(RerunKey))
        {
            answer = "kh:rerun";
        }
        if (answer == "kh:rerun" && data.GetValueOrDefault(RerunKey) is { } arguments)
        {
            context.State.Clear();
            await _rerun(context, arguments, turn.CancellationToken).ConfigureAwait(false);
            return DialogMove.Handled;
        }
        if (answer == "kh:no")
        {
            return DialogMove.End(data.ContainsKey(RerunKey)
                ? turn.Text("figures.plan.retype_province")
                : turn.Text("figures.plan.stopped"));
        }
        if (answer is not ("kh:ok" or "kh:alt") || !data.ContainsKey(MetricKey))
        {
            return DialogMove.Stay(turn.Text("figures.plan.pick_one"));
        }
        if (!context.IsAdmin)
        {
            return DialogMove.End(turn.Text("figures.plan.admins_only"));
        }
        var target = long.Parse(data[answer == "kh:alt" ? AltKey : TargetKey], CultureInfo.InvariantCulture);
        var change = new PlanChange(int.Parse(data[YearKey], CultureInfo.InvariantCulture), data[ProvinceKey], data[MetricKey], target);
        var done = data[CheckedKey].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        // Whatever was asked is now answered: a unit picked or an amount confirmed settles plausibility; a change confirmed, overwriting.
        // A unit picked for a bare number ("9,92" → tỷ) settles only the unit: the amount is then checked like one typed with it.
        done.Add(data.GetValueOrDefault("asked") ?? (data.ContainsKey(AltKey) ? "unit" : "plausible"));
        Check(context, change, done, opened: true);
        return DialogMove.Handled;
    }

    /// <summary>Asks the first check not yet confirmed (keeping the dialog open), or saves and closes it.</summary>
    private void Check(BotContext context, PlanChange change, HashSet<string> done, bool opened)
    {
        var store = context.Store.Plans;
        var id = Plan.MakeId(change.Year, change.ProvinceId, change.Metric);
        var before = store.Get(id);
        if (!done.Contains("plausible") && Implausible(context, change) is { } doubt)
        {
            Ask(context, change, done, "plausible", doubt.Text, [
                new Choice(context.Text("figures.plan.yes_name", ("name", Value(context, change, change.Target))), "kh:ok"),
                new Choice(context.Text("figures.plan.no_retype"), "kh:no"),
            ], doubt.Alternative);
            return;
        }
        if (before is not null && (long)before.Target == change.Target)
        {
            Close(context, opened);
            context.Say(context.Text("figures.plan.unchanged", ("year", change.Year), ("province", Province(change)), ("title", Title(context, change)), ("value", Value(context, change, change.Target))));
            return;
        }
        if (before is not null && !done.Contains("overwrite"))
        {
            var old = Value(context, change, (long)before.Target);
            var value = Value(context, change, change.Target);
            Ask(context, change, done, "overwrite", OverwriteText(context, change, before.Target, old, value), [
                new Choice(context.Text("figures.plan.change_to", ("value", value)), "kh:ok"),
                new Choice(context.Text("figures.plan.keep", ("old", old)), "kh:no"),
            ], null);
            return;
        }
        Close(context, opened);
        Save(context, change, before);
    }

    private void Ask(BotContext context, PlanChange change, HashSet<string> done, string check, string text, List<Choice> choices, long? alt)
    {
        var data = Data(change, alt, done);
        data["asked"] = check;
        Dialog.Start(context, PlanStep.Confirm, data);
        if (alt is { } a)
        {
            choices.Insert(1, new Choice(context.Text("figures.plan.i_meant", ("value", Value(context, change, a))), "kh:alt"));
        }
        context.Ask(text, choices);
    }

    private static void Close(BotContext context, bool opened)
    {
        if (opened)
        {
            context.State.Clear();
        }
    }

    /// <summary>Money under a million đồng (with the amount in millions offered), or ten times away from last year's plan.</summary>
    private (string Text, long? Alternative)? Implausible(BotContext context, PlanChange change)
    {
        if (MetricText.IsMoney(change.Measure) && change.Target is > 0 and < 1_000_000)
        {
            var millions = change.Target * 1_000_000;
            return (context.Text("figures.plan.very_small", ("value", Value(context, change, change.Target)), ("title", Title(context, change)), ("millions", Value(context, change, millions))), millions);
        }
        if (context.Store.Plans.Get(Plan.MakeId(change.Year, change.ProvinceId, change.Metric)) is not null)
        {
            // A plan being replaced is the reference: the overwrite question says how far the new amount is from it.
            return null;
        }
        var previous = context.Store.Plans.Get(Plan.MakeId(change.Year - 1, change.ProvinceId, change.Metric));
        if (previous is null || Far(context, change, previous.Target) is not { } far)
        {
            return null;
        }
        var (year, province, before, value) = (change.Year - 1, Province(change), Value(context, change, (long)previous.Target), Value(context, change, change.Target));
        return (far.Above
            ? context.Text("figures.plan.far_above", ("year", year), ("province", province), ("previous", before), ("value", value), ("how", far.How))
            : context.Text("figures.plan.far_below", ("year", year), ("province", province), ("previous", before), ("value", value), ("how", far.How)), null);
    }

    /// <summary>Ten times above or below the reference (and, for counts, at least 20 apart): how many times, written for the reader.</summary>
    private static (bool Above, string How)? Far(BotContext context, PlanChange change, decimal reference)
    {
        if (reference <= 0 || change.Target <= 0)
        {
            return null;
        }
        var ratio = change.Target / reference;
        var gap = Math.Abs(change.Target - reference);
        if (!((ratio >= 10 || ratio <= 0.1m) && (MetricText.IsMoney(change.Measure) || gap >= 20)))
        {
            return null;
        }
        var times = ratio >= 1 ? ratio : 1 / ratio;
        return (ratio >= 1, context.Numbers.Number((long)Math.Round(times)));
    }

    /// <summary>"Đổi thành …?", saying how many times the new amount is when it is far from the plan it replaces.</summary>
    private string OverwriteText(BotContext context, PlanChange change, decimal current, string old, string value)
    {
        var (year, province, title) = (change.Year, Province(change), Title(context, change));
        return Far(context, change, current) switch
        {
            { Above: true } f => context.Text("figures.plan.overwrite_far_above", ("year", year), ("province", province), ("title", title), ("old", old), ("value", value), ("how", f.How)),
            { } f => context.Text("figures.plan.overwrite_far_below", ("year", year), ("province", province), ("title", title), ("old", old), ("value", value), ("how", f.How)),
            null => context.Text("figures.plan.overwrite", ("year", year), ("province", province), ("title", title), ("old", old), ("value", value)),
        };
    }

    private void Save(BotContext context, PlanChange change, Plan? before)
    {
        var plan = new Plan { Id = Plan.MakeId(change.Year, change.ProvinceId, change.Metric), Year = change.Year, ProvinceId = change.ProvinceId, Metric = change.Metric, Target = change.Target };
        context.Store.Plans.Upsert(plan);
        context.Store.Audit.Add(new AuditEntry
        {
            At = context.Now, UserId = context.User.Id, Action = before is null ? "create" : "update", Entity = "plan", EntityId = plan.Id,
            Before = before is null ? null : JsonSerializer.Serialize(before), After = JsonSerializer.Serialize(plan),
        });
        context.Say(before is null
            ? context.Text("figures.plan.set", ("year", change.Year), ("province", Province(change)), ("title", Title(context, change)), ("value", Value(context, change, change.Target)))
            : context.Text("figures.plan.set_was", ("year", change.Year), ("province", Province(change)), ("title", Title(context, change)), ("value", Value(context, change, change.Target)),
                ("old", Value(context, change, (long)before.Target))));
    }

    private string Province(PlanChange change) => _catalogue.Province(change.ProvinceId)?.ShortName ?? change.ProvinceId;

    private string Title(BotContext context, PlanChange change) => MetricText.Title(context.Texts, _catalogue, change.ActivityId, change.Measure, context.English);

    private static string Value(BotContext context, PlanChange change, long value) =>
        MetricText.IsMoney(change.Measure) ? context.Numbers.MoneyFull(value) : MetricText.Value(context.Texts, change.Measure, value, context.English);
}
