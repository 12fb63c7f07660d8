using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Funding;

/// <summary>Which rule a warning comes from.</summary>
public enum FundingWarningKind
{
    /// <summary>Khuyến công support (KCQG + KCĐP) is above the facility's total investment.</summary>
    SupportAboveInvestment,

    /// <summary>The amount disbursed is above the amount approved.</summary>
    DisbursedAboveApproved,
}

/// <summary>A check that does not refuse the amounts but must be confirmed by the officer before saving.</summary>
public sealed record FundingWarning(FundingWarningKind Kind, string Vi, string En)
{
    public string Text(bool english) => english ? En : Vi;
}

/// <summary>The sum checks the forms apply to amounts split by source; each gives a warning the officer confirms, never a silent change.</summary>
public static class FundingRules
{
    /// <summary>Support (KCQG + KCĐP) above the facility's total investment (when it is known).</summary>
    public static FundingWarning? SupportAboveInvestment(UserTexts texts, FundingSplit funding, long? totalInvestmentVnd)
    {
        if (totalInvestmentVnd is not { } total || funding.Support <= total)
        {
            return null;
        }
        string Say(bool e) => texts.Text(e, "funding.rules.support_above_investment", ("support", NumberText.For(e).MoneyFull(funding.Support)),
            ("kcqg", NumberText.For(e).MoneyFull(funding.Kcqg)), ("kcdp", NumberText.For(e).MoneyFull(funding.Kcdp)), ("total", NumberText.For(e).MoneyFull(total)));
        return new FundingWarning(FundingWarningKind.SupportAboveInvestment, Say(false), Say(true));
    }

    /// <summary>Disbursed above approved.</summary>
    public static FundingWarning? DisbursedAboveApproved(UserTexts texts, long disbursedVnd, long approvedVnd)
    {
        if (disbursedVnd <= approvedVnd)
        {
            return null;
        }
        string Say(bool e) => texts.Text(e, "funding.rules.disbursed_above_approved", ("disbursed", NumberText.For(e).MoneyFull(disbursedVnd)),
            ("approved", NumberText.For(e).MoneyFull(approvedVnd)));
        return new FundingWarning(FundingWarningKind.DisbursedAboveApproved, Say(false), Say(true));
    }

    /// <summary>Every warning for a project's amounts: support against the investment, disbursed against approved support.</summary>
    public static IReadOnlyList<FundingWarning> Check(UserTexts texts, FundingSplit approved, long disbursedVnd, long? totalInvestmentVnd = null) =>
        new[] { SupportAboveInvestment(texts, approved, totalInvestmentVnd), DisbursedAboveApproved(texts, disbursedVnd, approved.Support) }
            .OfType<FundingWarning>().ToList();

    /// <summary>Disbursed as a share of approved (0.491 = 49,1%); null when nothing was approved (no rate, rather than a false 0 %).</summary>
    public static decimal? Rate(decimal disbursed, decimal approved) => approved <= 0 ? null : disbursed / approved;
}
