using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// The facilities of a project being registered, found with the record form's facility search: a name matched exactly, or by one
/// close match, is taken; a name several facilities match is asked as a numbered choice (never one of them picked silently).
/// The names typed wait under "pj:facq" (";"-separated, a name already picked written "#id") until each is resolved.
/// </summary>
internal static class ProjectFacilityPick
{
    public const string PendingKey = "pj:facq";

    public const string ButtonPrefix = "pj:fac:";

    private const int MaxOffered = 6;

    /// <summary>What the names (typed, or pending with a pick just pressed) resolve to.</summary>
    public sealed record Outcome(List<long> Ids, List<string> Missing, string? Ambiguous, IReadOnlyList<Facility> Matches);

    /// <summary>Resolves every name; stops at the first that several facilities match (its matches returned to be offered).</summary>
    public static Outcome Resolve(BotContext context, CatalogueIndex catalogue, string provinceId, IReadOnlyList<string> names)
    {
        var units = catalogue.UnitsOf(provinceId).ToList();
        var ids = new List<long>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            if (name.StartsWith('#') && long.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var picked)
                && context.Store.Facilities.Get(picked) is { } chosen && units.Contains(chosen.ProvinceId))
            {
                ids.Add(picked);
                continue;
            }
            var (taken, offered) = Matches(context, units, name);
            if (taken is not null)
            {
                ids.Add(taken.Id);
            }
            else if (offered.Count == 0)
            {
                missing.Add(name);
            }
            else
            {
                return new Outcome(ids, missing, name, offered);
            }
        }
        return new Outcome(ids, missing, null, []);
    }

    /// <summary>The facility a typed name stands for (named exactly, or the one close match), else the matches to choose from.</summary>
    private static (Facility? Taken, IReadOnlyList<Facility> Offered) Matches(BotContext context, IReadOnlyCollection<string> units, string name)
    {
        var exact = context.Store.Facilities.Search(units, VnText.FoldWords(name), 2, 1.0);
        if (exact.Count == 1)
        {
            return (exact[0].Facility, []);
        }
        var found = context.Store.Facilities.Search(units, name, MaxOffered, FacilitySearch.OfferThreshold);
        return found is [{ Score: >= FacilitySearch.DuplicateThreshold } only]
            ? (only.Facility, [])
            : (null, found.Select(f => f.Facility).ToList());
    }

    /// <summary>The names waiting for a pick, with the pick pressed (or typed) written in: null when the pick is not one offered.</summary>
    public static List<string>? WithPick(BotContext context, CatalogueIndex catalogue, string provinceId, string data)
    {
        if (context.State.Data.GetValueOrDefault(PendingKey) is not { Length: > 0 } pending
            || !long.TryParse(data[ButtonPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var names = pending.Split(';').ToList();
        var outcome = Resolve(context, catalogue, provinceId, names);
        if (outcome.Ambiguous is not { } name || !outcome.Matches.Any(f => f.Id == id))
        {
            return null;
        }
        names[names.IndexOf(name)] = "#" + id.ToString(CultureInfo.InvariantCulture);
        return names;
    }

    /// <summary>The numbered matches of the name waiting for a pick (empty when none waits).</summary>
    public static List<Choice> Choices(BotContext context, CatalogueIndex catalogue, string provinceId)
    {
        if (context.State.Data.GetValueOrDefault(PendingKey) is not { Length: > 0 } pending)
        {
            return [];
        }
        var outcome = Resolve(context, catalogue, provinceId, pending.Split(';'));
        return outcome.Matches.Select(f => new Choice(f.Name + (f.Commune is { Length: > 0 } c ? $" ({c})" : ""), ButtonPrefix + f.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The question asking which of several facilities a name meant.</summary>
    public static string Question(BotContext context, string name, int count) =>
        context.Text("projects.facility.several_match", ("count", count), ("name", name));
}
