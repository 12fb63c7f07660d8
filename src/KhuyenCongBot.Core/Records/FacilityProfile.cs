using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// A facility's beneficiary fields as records.csv carries them (columns legal_form, tax_id, priority_groups): the ids of
/// seeds/catalogue/beneficiaries.json, the number as <see cref="TaxIds"/> checks it, the groups separated by ";" ("" in the
/// column: not recorded; "none": recorded as belonging to no group).
/// </summary>
public sealed record FacilityProfile(string? LegalForm, string? TaxId, List<string>? PriorityGroups)
{
    /// <summary>The fixed legal form ids (data already stored uses them).</summary>
    public static readonly IReadOnlyList<string> LegalForms = ["sme", "cooperative", "cooperative_group", "household_business", "craft_village"];

    /// <summary>The fixed priority group ids.</summary>
    public static readonly IReadOnlyList<string> Groups = ["women_owned", "ethnic_minority_owned"];

    /// <summary>Reads the three cells; null when all are empty. Problems are added in Vietnamese.</summary>
    public static FacilityProfile? Read(string legalForm, string taxId, string groups, List<string> problems, UserTexts texts, bool english)
    {
        if (legalForm.Length == 0 && taxId.Length == 0 && groups.Length == 0)
        {
            return null;
        }
        string? legal = null;
        if (legalForm.Length > 0)
        {
            legal = LegalForms.FirstOrDefault(f => f == legalForm.Trim());
            if (legal is null)
            {
                problems.Add(texts.Text(english, "records.rows.bad_legal_form", ("text", legalForm), ("forms", string.Join(", ", LegalForms))));
            }
        }
        string? number = null;
        if (taxId.Length > 0)
        {
            var kind = legal switch
            {
                "household_business" => RegistrationKind.Household,
                "craft_village" => RegistrationKind.None,
                _ => RegistrationKind.Enterprise,
            };
            var check = TaxIds.Check(taxId, kind);
            if (!check.Ok)
            {
                problems.Add(texts.Text(english, "records.rows.bad_tax_id", ("problem", check.Say(texts, english))));
            }
            number = check.Normalized;
        }
        List<string>? read = null;
        if (groups.Length > 0)
        {
            read = [];
            foreach (var g in groups.Split(';', ',').Select(x => x.Trim()).Where(x => x.Length > 0))
            {
                if (g == "none")
                {
                    continue;
                }
                if (!Groups.Contains(g))
                {
                    problems.Add(texts.Text(english, "records.rows.bad_group", ("text", g), ("groups", string.Join(", ", Groups))));
                }
                else if (!read.Contains(g))
                {
                    read.Add(g);
                }
            }
        }
        return new FacilityProfile(legal, number, read);
    }
}
