using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// The folded phrases that make a message a question about projects: late, disbursement, rate, overview, register; and "estimate":
/// the records' status words ("ước thực hiện") that hold a step's word ("thực hiện") without naming a step; "consulting": the words
/// that make "đề án" the consulting activity's projects ("đề án tư vấn").
/// </summary>
public sealed class ProjectQuestionWords
{
    private static readonly string[] Keys = ["late", "disbursement", "rate", "overview", "register", "estimate", "consulting", "alias", "aliasContext"];

    public static readonly ProjectQuestionWords Empty = new(new Dictionary<string, IReadOnlyList<string>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _words;

    private ProjectQuestionWords(IReadOnlyDictionary<string, IReadOnlyList<string>> words) => _words = words;

    public IReadOnlyList<string> Late => Get("late");
    public IReadOnlyList<string> Disbursement => Get("disbursement");
    public IReadOnlyList<string> Rate => Get("rate");
    public IReadOnlyList<string> Overview => Get("overview");
    public IReadOnlyList<string> Register => Get("register");

    /// <summary>"ước thực hiện", "ước tính": a record status (estimate), never the step "thực hiện".</summary>
    public IReadOnlyList<string> Estimate => Get("estimate");

    /// <summary>"tư vấn": words that make "đề án" the consulting activity's projects (a figures question), not the khuyến công projects.</summary>
    public IReadOnlyList<string> Consulting => Get("consulting");

    /// <summary>"dự án": what managers also call the khuyến công projects, and the consulting activity's projects too.</summary>
    public IReadOnlyList<string> Alias => Get("alias");

    /// <summary>"khuyến công", "KCQG": words that make an <see cref="Alias"/> the khuyến công projects ("dự án khuyến công", "dự án KCQG").</summary>
    public IReadOnlyList<string> AliasContext => Get("aliasContext");

    /// <summary>Every phrase of every list (for telling a question's own words from words the bot did not understand).</summary>
    public IEnumerable<string> All => _words.Values.SelectMany(v => v);

    private IReadOnlyList<string> Get(string key) => _words.TryGetValue(key, out var list) ? list : [];

    /// <summary>Checks the "questions" section: every list present and not empty.</summary>
    internal static ProjectQuestionWords From(string path, Dictionary<string, List<string>>? section)
    {
        if (section is null)
        {
            throw new SeedException(path, "thiếu \"questions\" (cách hỏi về đề án: late, disbursement, rate, overview, register, estimate, consulting, alias, aliasContext)");
        }
        var words = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            var list = (section.GetValueOrDefault(key) ?? []).Select(VnText.FoldWords).Where(w => w.Length > 0).Distinct()
                .OrderByDescending(w => w.Length).ToList();
            if (list.Count == 0)
            {
                throw new SeedException(path, $"questions.{key}: danh sách trống");
            }
            words[key] = list;
        }
        var unknown = section.Keys.Except(Keys).FirstOrDefault();
        if (unknown is not null)
        {
            throw new SeedException(path, $"questions: không biết mục \"{unknown}\" (chỉ có {string.Join(", ", Keys)})");
        }
        return new ProjectQuestionWords(words);
    }
}
