using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Beneficiaries;

/// <summary>Which identification number a legal form carries.</summary>
public enum RegistrationKind
{
    /// <summary>A tax code (mã số thuế): 10 digits with a check digit, or 10-3 digits for a branch.</summary>
    Enterprise,

    /// <summary>A business household: a tax code, the owner's 12-digit personal id (the household's tax code from 1/7/2025), or the number of its registration certificate.</summary>
    Household,

    /// <summary>No number (a craft village).</summary>
    None,
}

/// <summary>A legal form of beneficiary (Decree 235/2025): doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác, hộ kinh doanh, làng nghề.</summary>
public sealed class LegalForm : CatalogueTerm
{
    public RegistrationKind Registration { get; set; }
}

/// <summary>A priority group of Decree 235/2025: establishments owned by women, by ethnic minorities.</summary>
public sealed class PriorityGroup : CatalogueTerm;

/// <summary>How a typed answer about priority groups was understood.</summary>
/// <param name="Understood">False when the answer mixes "none" with a group, or names nothing known: ask again.</param>
/// <param name="Groups">The groups named (empty for an explicit "không").</param>
public sealed record PriorityAnswer(bool Understood, IReadOnlyList<PriorityGroup> Groups);

/// <summary>Beneficiaries as the decree defines them (seeds/catalogue/beneficiaries.json), read and checked at start.</summary>
public sealed class BeneficiaryCatalogue
{
    public const string FileName = "beneficiaries.json";

    private readonly TermMatcher<LegalForm> _forms;
    private readonly TermMatcher<PriorityGroup> _groups;
    private readonly HashSet<string> _none;

    public BeneficiaryCatalogue(IEnumerable<LegalForm> legalForms, IEnumerable<PriorityGroup> priorityGroups, IEnumerable<string> noneWords)
    {
        LegalForms = legalForms.OrderBy(f => f.Order).ToList();
        PriorityGroups = priorityGroups.OrderBy(g => g.Order).ToList();
        _forms = new TermMatcher<LegalForm>(LegalForms);
        _groups = new TermMatcher<PriorityGroup>(PriorityGroups);
        _none = noneWords.Select(VnText.FoldWords).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<LegalForm> LegalForms { get; }
    public IReadOnlyList<PriorityGroup> PriorityGroups { get; }

    public LegalForm? LegalForm(string? id) => LegalForms.FirstOrDefault(f => f.Id == id);

    public PriorityGroup? PriorityGroup(string? id) => PriorityGroups.FirstOrDefault(g => g.Id == id);

    /// <summary>
    /// The legal form in a typed answer or a facility's name ("HTX", "hop tac xa", "Công ty TNHH gốm Bát Tràng");
    /// null when none is named or more than one is (then ask).
    /// </summary>
    public LegalForm? FindLegalForm(string? text)
    {
        if (_forms.Exact(text) is { } exact)
        {
            return exact;
        }
        var found = _forms.FindAll(text);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Reads an answer about priority groups: "phụ nữ", "dtts", "phu nu, dan toc thieu so", "không".</summary>
    public PriorityAnswer ReadPriorityGroups(string? text)
    {
        var folded = VnText.FoldWords(text);
        if (_none.Contains(folded))
        {
            return new PriorityAnswer(true, []);
        }
        var groups = _groups.FindAll(text);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "không phải phụ nữ làm chủ": a group and a "none" word together is not understood, whichever it meant.
        var negated = words.Any(w => _none.Contains(w));
        return groups.Count == 0 || negated ? new PriorityAnswer(false, []) : new PriorityAnswer(true, groups);
    }

    /// <summary>Checks an optional tax or registration number for a legal form (see <see cref="TaxIds"/>).</summary>
    public TaxIdCheck CheckNumber(string? legalFormId, string? number) =>
        TaxIds.Check(number, LegalForm(legalFormId)?.Registration ?? RegistrationKind.Enterprise);

    /// <summary>Reads and checks seeds/catalogue/beneficiaries.json; throws <see cref="SeedException"/> naming the file.</summary>
    public static BeneficiaryCatalogue Load(string seedsPath)
    {
        var path = Path.Combine(seedsPath, "catalogue", FileName);
        var file = SeedFiles.Read<BeneficiariesFile>(path);
        var forms = file.LegalForms ?? [];
        var groups = file.PriorityGroups ?? [];
        CheckTerms(path, "legalForms", forms, ["sme", "cooperative", "cooperative_group", "household_business", "craft_village"]);
        CheckTerms(path, "priorityGroups", groups, ["women_owned", "ethnic_minority_owned"]);
        if (file.NoneWords is not { Count: > 0 })
        {
            throw new SeedException(path, "thiếu noneWords (các cách trả lời \"không\")");
        }
        var catalogue = new BeneficiaryCatalogue(forms, groups, file.NoneWords);
        var clash = file.NoneWords.Select(VnText.FoldWords).FirstOrDefault(w => catalogue._groups.Exact(w) is not null);
        if (clash is not null)
        {
            throw new SeedException(path, $"\"{clash}\" vừa là cách trả lời \"không\" vừa là tên một nhóm ưu tiên");
        }
        return catalogue;
    }

    /// <summary>Checks a list of terms: the required ids present, unique, named, no phrase shared by two terms.</summary>
    internal static void CheckTerms<T>(string path, string list, IReadOnlyList<T> terms, IEnumerable<string> required) where T : CatalogueTerm
    {
        foreach (var t in terms)
        {
            if (string.IsNullOrWhiteSpace(t.Id) || string.IsNullOrWhiteSpace(t.Name))
            {
                throw new SeedException(path, $"{list}: mỗi mục cần id và name ({t.Id}{t.Name})");
            }
        }
        var duplicate = terms.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SeedException(path, $"{list}: id \"{duplicate.Key}\" bị trùng");
        }
        var missing = required.Where(id => terms.All(t => t.Id != id)).ToList();
        if (missing.Count > 0)
        {
            throw new SeedException(path, $"{list}: thiếu {string.Join(", ", missing)} (mã cố định, dữ liệu đã lưu dùng chúng)");
        }
        var shared = new TermMatcher<T>(terms).SharedPhrases();
        if (shared.Count > 0)
        {
            throw new SeedException(path, $"{list}: \"{shared[0]}\" là tên của hai mục khác nhau");
        }
    }

    private sealed class BeneficiariesFile
    {
        public List<LegalForm>? LegalForms { get; set; }
        public List<PriorityGroup>? PriorityGroups { get; set; }
        public List<string>? NoneWords { get; set; }
    }
}
