using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The "Thuộc đề án nào?" question (a field of type project): the open projects (not settled) of the record's province whose
/// activity is the form's are offered, with "Không thuộc đề án nào"; with none, the question is not asked. A code typed or sent
/// that is not one of those (another province's, a settled one) is refused with the same words.
/// </summary>
internal static class FormProjects
{
    private const int MaxProjectChoices = 8;

    private static readonly string[] NoProjectWords =
        ["khong thuoc", "khong thuoc de an nao", "khong thuoc du an nao", "khong co de an", "khong de an", "none", "no project"];

    /// <summary>The open projects a record of this form in its province may link to, latest decision first.</summary>
    private static List<Project> OpenProjects(BotContext ctx, FormSession s, FormDefinition form)
    {
        var province = form.Bound("province") is { } pf ? s.Answer(pf.Id) : null;
        // A former unit (a record dated before the 2025 merger) is the current unit's.
        if (string.IsNullOrEmpty(province) || !FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Any(p => p.Id == (ctx.Catalogue.CurrentOf(province)?.Id ?? province)))
        {
            return [];
        }
        var units = ctx.Catalogue.UnitsOf(ctx.Catalogue.CurrentOf(province)?.Id ?? province).ToHashSet(StringComparer.Ordinal);
        return ctx.Store.Projects.Find(new ProjectFilter(units, ActivityId: form.Activity))
            .Where(p => p.Status < ProjectStatus.Settled)
            .OrderByDescending(p => p.DecisionDate).ThenByDescending(p => p.Id).ToList();
    }

    /// <summary>Offers the open projects of the record's province (or none: the question is then not asked); drops a chosen project
    /// that is no longer one of them (the province was changed), except the link a corrected record already had.</summary>
    internal static void Refresh(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (form.Fields.Find(f => f.Kind == FieldType.Project) is not { } field)
        {
            return;
        }
        var open = OpenProjects(ctx, s, form);
        s.Set(MatchedKey, null);
        s.Set(FormSession.ProjectChoicesKey, open.Count == 0 ? null : string.Join('\n', open.Select(p => p.Code)));
        if (s.Answer(field.Id) is { Length: > 0 } chosen && !open.Any(p => p.Code == chosen) && chosen != s.Get("pjorig"))
        {
            s.ClearAnswer(field.Id);
            // Never dropped silently: the summary's "Thuộc đề án" line goes, and the officer is told why.
            ctx.Say(ctx.Text("dialogs2.project_link_dropped", ("code", chosen)));
        }
    }

    private static List<string> Offered(FormSession s) =>
        [.. (s.Get(FormSession.ProjectChoicesKey) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The offered projects whose name matched what was typed ("máy sấy chè" matching several), one a line; absent otherwise.</summary>
    private const string MatchedKey = "pjm";

    /// <summary>The projects the question lists, in their numbers' order: those a typed name matched, or the first offered ones.</summary>
    private static List<string> Shown(FormSession s)
    {
        var offered = Offered(s);
        var matched = (s.Get(MatchedKey) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(offered.Contains).ToList();
        return matched.Count > 0 ? matched.Take(MaxProjectChoices).ToList() : offered.Take(MaxProjectChoices).ToList();
    }

    internal static void RenderQuestion(BotContext ctx, FormSession s, string step, StringBuilder sb, List<Choice> choices)
    {
        var offered = Offered(s);
        var matched = s.Get(MatchedKey) is not null;
        sb.Append('\n').Append(matched
            ? ctx.Text("form.project.matching_heading")
            : ctx.Text("form.project.open_heading"));
        if (!matched && offered.Count > MaxProjectChoices)
        {
            sb.Append('\n').Append(ctx.Text("form.project.more_not_shown", ("count", offered.Count - MaxProjectChoices)));
        }
        foreach (var code in Shown(s))
        {
            var p = ctx.Store.Projects.FindByCode(code);
            choices.Add(new Choice(FormText.Clip(code + " – " + (p?.Name ?? ""), FormText.MaxButtonLabel), $"f:{step}:pj:{offered.IndexOf(code)}"));
        }
        choices.Add(new Choice(ctx.Text("form.project.none_choice"), $"f:{step}:pj:none", false));
    }

    /// <summary>A button of the list, its number, a code, or "không thuộc đề án nào": the code ("" for none), or the refusal.</summary>
    internal static (string? Code, string? Error) Read(BotContext ctx, FormSession s, string verb, string arg, string input)
    {
        var offered = Offered(s);
        string? code = null;
        var folded = VnText.FoldWords(input);
        // "ko", "k", "không" as for any yes/no: the optional project question's no ("thôi" leaves the form instead).
        if (verb == "pj" && arg == "none" || verb == "text" && (NoProjectWords.Contains(folded) || (ChoiceMatcher.NoWords.Contains(folded) && folded != "thoi")))
        {
            code = "";
        }
        else if (verb == "pj" && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < offered.Count)
        {
            code = offered[i];
        }
        else if (verb == "text" && int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= Shown(s).Count)
        {
            code = Shown(s)[n - 1];
        }
        else if (verb == "text" && ctx.Store.Projects.FindByCode(input) is { } typed && offered.Contains(typed.Code))
        {
            code = typed.Code;
        }
        else if (verb == "text" && !int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && ProjectSearch.Find(offered.Select(c => ctx.Store.Projects.FindByCode(c)).OfType<Project>(), input) is { Count: > 0 } found)
        {
            // Part of a name ("máy sấy chè", with or without diacritics), searched among the offered projects only.
            if (found.Count == 1)
            {
                code = found[0].Code;
            }
            else
            {
                s.Set(MatchedKey, string.Join('\n', found.Select(p => p.Code)));
                return (null, ctx.Text("form.project.several_match", ("count", found.Count), ("typed", FormText.Clip(input.Trim(), 40))));
            }
        }
        if (code is not null)
        {
            s.Set(MatchedKey, null);
            return (code, null);
        }
        // The same words whether the code does not exist, is another province's or is settled: nothing leaks.
        return (null, verb is "text" or "pj" && input.Trim().Length > 0 && !input.StartsWith("f:", StringComparison.Ordinal)
            ? ctx.Text("form.project.not_open_typed", ("typed", FormText.Clip(input.Trim(), 40)))
            : ctx.Text("form.project.pick_from_list"));
    }

    internal static string Display(BotContext ctx, string? code) =>
        string.IsNullOrEmpty(code)
            ? ctx.Text("form.project.none_choice")
            : ctx.Store.Projects.FindByCode(code) is { } p ? $"{p.Code} – {p.Name}" : code;

    /// <summary>Before saving: the chosen project is still one the person may link this record to (of the record's province, not settled,
    /// of the form's activity; a corrected record keeps the link it had). When it is not, the question is set to be asked again
    /// and the warning to say before it is returned.</summary>
    internal static string? NoLongerOpen(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (form.Fields.Find(f => f.Kind == FieldType.Project) is not { } field || s.Answer(field.Id) is not { Length: > 0 } code
            || code == s.Get("pjorig") || OpenProjects(ctx, s, form).Any(p => p.Code == code))
        {
            return null;
        }
        s.ClearAnswer(field.Id);
        Refresh(ctx, s, form);
        if (!s.Applies(form, field))
        {
            return null;
        }
        s.Step = form.Fields.IndexOf(field);
        s.Phase = FormPhase.Ask;
        return ctx.Text("form.project.no_longer_open", ("code", code));
    }

    /// <summary>The receipt's line on the project, and for a group project the button to log its next facility with the shared answers.</summary>
    internal static Choice? Receipt(BotContext ctx, SupportRecord record, StringBuilder receipt)
    {
        if (record.ProjectCode is not { } code || ctx.Store.Projects.FindByCode(code) is not { } p)
        {
            return null;
        }
        // The record is written with the conversation state, after this reply is built: it is counted here, not read back.
        var linked = ctx.Store.Records.ByProject(p.Code).Count(r => r.Id != record.Id) + 1;
        receipt.Append('\n').Append(ctx.Text("form.project.linked_note", ("code", p.Code), ("records", linked)));
        return p.Type == ProjectType.Group
            ? new Choice(ctx.Text("form.project.another_facility", ("code", p.Code)), "f:again:" + record.Id.ToString(CultureInfo.InvariantCulture))
            : null;
    }
}
