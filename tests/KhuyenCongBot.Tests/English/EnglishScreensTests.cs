using System.Text;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.English;

/// <summary>
/// The main screens as an English-speaking admin and manager walk them (help, a form's questions and a correction, figures, projects,
/// imports, plans, reports, errors): no Vietnamese word may be left in an English reply, except the names the data holds (places,
/// facilities, projects, communes, decision numbers, "KCĐP"). Before the fix an English reader got "Hội chợ, triển lãm" on
/// /project, "(dữ liệu mẫu)" on /imports and "câu hỏi về những gì không có …" for a question about what is missing.
/// </summary>
public sealed class EnglishScreensTests(ITestOutputHelper output)
{
    private const string VietnameseLetters = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";

    private static readonly string[] AdminWalk =
    [
        "/start", "/help", "/menu", "/log", "3", "Phu Tho", "today", "1", "change date to 20/11", "Sai Nga", "back", "/cancel",
        "/my", "/project", "/project KC-2026-07", "/project KC-2026-04", "/imports", "/imports undo 1", "/plan 2026 Phu Tho",
        "/plan 2027 Phu Tho chickens 3", "/report first half of 2024", "/users", "/invite", "/cancel", "/link", "/edit 99999", "/foo",
        "booths 2025", "booths by province 2025", "funding by source 2025", "which province has the most booths in 2024",
        "booths last quarter compared with the quarter before", "how much is still missing to reach the booth plan this year",
        "which provinces have not met the booth plan in 2026", "disbursement rate", "disbursement by province in 2026",
        "which projects use national funds", "how much provincial funding was disbursed in 2026", "how many projects are late",
        "how many projects have not been accepted yet", "which provinces have no projects in 2026", "how many chickens in 2025",
        "how many workers do the facilities have", "booths in Ha Son Binh 2025", "hello", "thanks",
    ];

    private static readonly string[] ManagerWalk =
    [
        "/start", "/help", "/project", "/plan 2026", "booths this year", "what support did Vu Minh Hien receive",
        "top 5 facilities by funding 2025", "average funding per booth in 2025", "/log",
    ];

    [Fact]
    public async Task An_English_admin_reads_no_Vietnamese_but_the_names_of_the_data() =>
        await Walk(Role.Admin, AdminWalk);

    [Fact]
    public async Task An_English_manager_reads_no_Vietnamese_but_the_names_of_the_data() =>
        await Walk(Role.Manager, ManagerWalk);

    private async Task Walk(Role role, IReadOnlyList<string> messages)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("e", role);
        var names = DataNames(bot);
        var projects = bot.Store.Projects.Read(new ProjectFilter()).Select(p => p.Code + " – " + p.Name).ToList();
        var found = new StringBuilder();
        foreach (var message in messages)
        {
            var reply = await bot.Say(message, "e", "en");
            output.WriteLine($"> {message}\n{reply}\n");
            var left = Strip(reply, names, projects);
            var words = left.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Any(c => VietnameseLetters.Contains(char.ToLowerInvariant(c)))).Distinct().ToList();
            if (words.Count > 0)
            {
                found.Append("> ").Append(message).Append(": ").AppendLine(string.Join(" ", words));
            }
        }
        Assert.True(found.Length == 0, "Vietnamese in English replies:\n" + found);
    }

    /// <summary>The names the data holds, longest first: places, facilities, communes, villages, projects.</summary>
    private static List<string> DataNames(BotHarness bot)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in bot.Catalogue.Provinces)
        {
            names.Add(p.Name);
            names.Add(p.ShortName);
            names.UnionWith(p.Aliases);
        }
        foreach (var f in bot.Store.Facilities.All())
        {
            names.Add(f.Name);
            names.Add(f.Commune ?? "");
            names.Add(f.CraftVillage ?? "");
        }
        foreach (var p in bot.Store.Projects.Read(new ProjectFilter()))
        {
            names.Add(p.Name);
            names.Add(p.DecisionNumber);
        }
        names.Add("KCĐP");
        return names.Where(n => n.Length > 1).OrderByDescending(n => n.Length).ToList();
    }

    /// <summary>The reply without the data's names (a project's name cut short with "…" in a button too).</summary>
    private static string Strip(string reply, IReadOnlyList<string> names, IReadOnlyList<string> projects)
    {
        foreach (var project in projects.Concat(names.Where(n => n.Length > 20)))
        {
            if (!reply.Contains('…') || !reply.Contains(project[..12], StringComparison.Ordinal))
            {
                continue;
            }
            for (var k = project.Length - 1; k >= 12; k--)
            {
                reply = reply.Replace(project[..k] + "…", " ", StringComparison.Ordinal);
            }
        }
        foreach (var name in names)
        {
            if (reply.Contains(name, StringComparison.Ordinal))
            {
                reply = reply.Replace(name, " ", StringComparison.Ordinal);
            }
        }
        return reply;
    }
}
