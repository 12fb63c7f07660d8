using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Which projects a person may see, and how they are shown: one project (/dean KC-2026-07), the open projects of the person's scope
/// (/dean, and the /cuatoi section), each with the button that moves it to its next step.
/// </summary>
public sealed class ProjectLookup(ProjectAnswers answers, ProjectVocabulary vocabulary, ScopeResolver scopes, AccessPolicy? access, ProjectNames? names = null)
{
    /// <summary>
    /// A project the person may see, or null after saying why not: "không tìm thấy" for a code that does not exist; for another
    /// province's code, that it exists but is outside their scope (nothing of it is shown). A button (<paramref name="fromButton"/>)
    /// names no code and says only "không tìm thấy": its data may be forged.
    /// </summary>
    public Project? Visible(BotContext context, string code, bool fromButton = false)
    {
        var project = context.Store.Projects.FindByCode(code);
        var allowed = scopes.UnitIds(scopes.DefaultScope(context.User));
        if (project is not null && (allowed is null || allowed.Contains(project.ProvinceId)))
        {
            return project;
        }
        if (fromButton)
        {
            context.Say(context.Text("projects.not_found_list"));
            return null;
        }
        if (project is null)
        {
            context.Say(context.Text("projects.lookup.no_code", ("code", code.Trim())));
        }
        else
        {
            context.Say(context.Text("projects.lookup.outside_scope", ("code", project.Code)));
        }
        return null;
    }

    /// <summary>One project in full, with the button to move it on.</summary>
    public void ShowOne(BotContext context, string code)
    {
        if (context.Message.IsGroupChat)
        {
            context.Say(AccessPolicy.GroupRefusal(context));
            return;
        }
        // Not a code of any project and not shaped like one ("máy sấy chè"): part of a name, searched among the projects the person may see.
        if (names is not null && context.Store.Projects.FindByCode(code) is null
            && (!LooksLikeCode(code) || ProjectSearch.Find(names.Visible(context), code).Count > 0))
        {
            if (names.FindOne(context, code) is not { } found)
            {
                return;
            }
            code = found;
        }
        if (Visible(context, code) is not { } project)
        {
            return;
        }
        var choices = NextStepChoice(context, project) is { } next ? new List<Choice> { next } : [];
        context.Ask(answers.One(project, context.Today, context.English), choices);
    }

    /// <summary>"KC-2026-07", "KCĐP-2026/03": one token shaped like a code, with letters and digits.</summary>
    private static bool LooksLikeCode(string text) =>
        text.Trim() is var t && ProjectMoveParser.CodeShape().IsMatch(t) && t.Any(char.IsAsciiDigit) && ProjectCode.Problem(t) is null;

    /// <summary>"KC-2026-07 → nghiệm thu": the button moving a project the person may update to its next step (null when settled or not theirs).</summary>
    public Choice? NextStepChoice(BotContext context, Project p) =>
        p.Status < ProjectStatus.Settled && access?.CanLog(context.User, p.ProvinceId) != false
            ? new Choice($"{p.Code} → {vocabulary.Name(p.Status + 1, context.English).ToLowerInvariant()}",
                "pj:n:" + p.Id.ToString(CultureInfo.InvariantCulture))
            : null;

    /// <summary>The projects the person looks after (their scope's, not yet settled, latest decision first) with a button each to move on.</summary>
    /// <param name="offerNew">Whether to offer "Ghi đề án mới" (the /dean list) or only the projects.</param>
    public void ListMine(BotContext context, bool offerNew)
    {
        var (text, choices) = MineSection(context, everyInScope: offerNew);
        if (offerNew && context.User.Role != Role.Manager)
        {
            choices.Add(new Choice(context.Text("projects.lookup.register"), "pj:new"));
        }
        if (text is null && !offerNew)
        {
            return;
        }
        context.Ask(text ?? context.Text("projects.lookup.none_in_scope"), choices);
    }

    /// <summary>"📁 Đề án đang theo dõi" and a move-on button per project; null text when there are none.</summary>
    /// <param name="everyInScope">/dean lists every open project of the scope; /cuatoi of a person without a province lists only theirs.</param>
    public (string? Text, List<Choice> Choices) MineSection(BotContext context, bool everyInScope = false)
    {
        var units = scopes.UnitIds(scopes.DefaultScope(context.User));
        // Read only (listed, and a button carries the id): the committed projects, not a copy of each.
        var open = context.Store.Projects.Read(new ProjectFilter(units))
            .Where(p => p.Status < ProjectStatus.Settled && (everyInScope || units is not null || p.CreatedByUserId == context.User.Id))
            .OrderByDescending(p => p.DecisionDate).ThenByDescending(p => p.Id).ToList();
        if (open.Count == 0)
        {
            return (null, []);
        }
        var lines = open.Take(ProjectAnswers.ListSize).Select(p =>
        {
            var late = ProjectQueries.DaysLate(p, context.Today) is > 0 and var d ? context.Text("projects.lookup.days_late", ("days", d)) : "";
            return $"• {p.Code} – {p.Name}: {vocabulary.Name(p.Status, context.English).ToLowerInvariant()}{late}";
        });
        var choices = open.Take(ProjectAnswers.ListSize).Select(p => NextStepChoice(context, p)).OfType<Choice>().ToList();
        // "chọn để chuyển sang bước tiếp" only above buttons to choose: a manager (or a list no one here can move) gets the list alone.
        var text = (choices.Count > 0
            ? context.Text("projects.lookup.open", ("count", open.Count))
            : context.Text("projects.lookup.open_view", ("count", open.Count), ("code", open[0].Code))) + "\n" + string.Join("\n", lines);
        return (text, choices);
    }
}
