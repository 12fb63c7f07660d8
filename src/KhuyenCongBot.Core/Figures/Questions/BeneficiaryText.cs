using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Figures asked by beneficiary ("hợp tác xã được hỗ trợ năm 2025", "cơ sở do phụ nữ làm chủ", both together): the question keeps
/// the facilities of that legal form and priority groups, the answer says so and what it leaves out, and what cannot be split
/// that way is refused.
/// </summary>
internal static class BeneficiaryText
{
    /// <summary>The kinds of answer that keep a beneficiary filter (plans and the records a person entered are not split by beneficiary).</summary>
    public static bool Applies(QuestionKind kind) => kind is QuestionKind.Figure or QuestionKind.Average or QuestionKind.TopFacilities;

    /// <summary>"hợp tác xã", "do phụ nữ làm chủ" (lower case inside a sentence).</summary>
    public static string Name(BeneficiaryCatalogue? catalogue, string id, bool english)
    {
        var term = (Catalogue.CatalogueTerm?)catalogue?.LegalForm(id) ?? catalogue?.PriorityGroup(id);
        var name = term?.Label(english) ?? id;
        return name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;
    }

    /// <summary>Two legal forms at once ("htx và doanh nghiệp"): no facility is both, and adding them up was not asked clearly.</summary>
    public static bool TwoLegalForms(BeneficiaryCatalogue? catalogue, string filter) =>
        filter.Split('+').Count(id => catalogue?.LegalForm(id) is not null) > 1;

    /// <summary>The line said before the figure: which facilities are counted, from what the registry records.</summary>
    public static string Note(BotContext context, BeneficiaryCatalogue? catalogue, string filter)
    {
        var ids = filter.Split('+');
        var legal = ids.FirstOrDefault(id => catalogue?.LegalForm(id) is not null);
        var groups = ids.Where(id => id != legal).Select(id => Name(catalogue, id, context.English)).ToList();
        var counted = (legal is null ? context.Text("beneficiary.counted.facilities")
                : context.Text("beneficiary.counted.legal_form", ("form", Name(catalogue, legal, context.English))))
            + (groups.Count == 0 ? "" : (legal is null ? " " : ", ") + string.Join(context.Text("figures.beneficiaries.and"), groups));
        return legal is not null && groups.Count > 0 ? context.Text("figures.beneficiaries.only_no_form_or_group", ("counted", counted))
            : legal is not null ? context.Text("figures.beneficiaries.only_no_form", ("counted", counted))
            : context.Text("figures.beneficiaries.only_no_group", ("counted", counted));
    }

    /// <summary>Why a plan (or a person's own records) cannot be given for one beneficiary group, or two legal forms at once.</summary>
    public static string Refusal(BotContext context, BeneficiaryCatalogue? catalogue, string filter)
    {
        if (TwoLegalForms(catalogue, filter))
        {
            var names = string.Join(", ", filter.Split('+').Where(id => catalogue?.LegalForm(id) is not null).Select(id => Name(catalogue, id, context.English)));
            return context.Text("figures.beneficiaries.two_legal_forms", ("names", names));
        }
        var name = string.Join(context.Text("figures.beneficiaries.and"), filter.Split('+').Select(id => Name(catalogue, id, context.English)));
        return context.Text("figures.beneficiaries.not_split", ("name", name));
    }
}
