using System.Globalization;
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
    public static FundingWarning? SupportAboveInvestment(FundingSplit funding, long? totalInvestmentVnd)
    {
        if (totalInvestmentVnd is not { } total || funding.Support <= total)
        {
            return null;
        }
        return new FundingWarning(FundingWarningKind.SupportAboveInvestment,
            $"Kinh phí khuyến công hỗ trợ ({VnFormat.MoneyFull(funding.Support)}: KCQG {VnFormat.MoneyFull(funding.Kcqg)}, KCĐP {VnFormat.MoneyFull(funding.Kcdp)}) "
            + $"lớn hơn tổng vốn đầu tư của cơ sở ({VnFormat.MoneyFull(total)}). Kiểm tra lại số tiền; nếu đúng, xác nhận để lưu.",
            $"Extension support ({Plain(funding.Support)} VND: national {Plain(funding.Kcqg)}, provincial {Plain(funding.Kcdp)}) is above the facility's "
            + $"total investment ({Plain(total)} VND). Check the amounts; confirm to save if they are right.");
    }

    /// <summary>Disbursed above approved.</summary>
    public static FundingWarning? DisbursedAboveApproved(long disbursedVnd, long approvedVnd)
    {
        if (disbursedVnd <= approvedVnd)
        {
            return null;
        }
        return new FundingWarning(FundingWarningKind.DisbursedAboveApproved,
            $"Số đã giải ngân ({VnFormat.MoneyFull(disbursedVnd)}) lớn hơn kinh phí được duyệt ({VnFormat.MoneyFull(approvedVnd)}). Kiểm tra lại; nếu đúng, xác nhận để lưu.",
            $"The amount disbursed ({Plain(disbursedVnd)} VND) is above the amount approved ({Plain(approvedVnd)} VND). Check it; confirm to save if it is right.");
    }

    /// <summary>Every warning for a project's amounts: support against the investment, disbursed against approved support.</summary>
    public static IReadOnlyList<FundingWarning> Check(FundingSplit approved, long disbursedVnd, long? totalInvestmentVnd = null) =>
        new[] { SupportAboveInvestment(approved, totalInvestmentVnd), DisbursedAboveApproved(disbursedVnd, approved.Support) }
            .OfType<FundingWarning>().ToList();

    /// <summary>Disbursed as a share of approved (0.491 = 49,1%); null when nothing was approved (no rate, rather than a false 0 %).</summary>
    public static decimal? Rate(decimal disbursed, decimal approved) => approved <= 0 ? null : disbursed / approved;

    private static string Plain(long vnd) => vnd.ToString("#,0", CultureInfo.InvariantCulture);
}
