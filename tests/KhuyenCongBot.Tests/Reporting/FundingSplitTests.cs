using KhuyenCongBot.Core.Funding;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Money split by source (KCQG, KCĐP, counterpart, other) and the sum checks the forms will apply.</summary>
public sealed class FundingSplitTests
{
    [Fact]
    public void Support_is_the_state_money_and_total_every_source()
    {
        // Đắk Lắk 2020 as published: 2 tỷ from the province, about 1,6 tỷ counterpart.
        var split = new FundingSplit(0, 2_000_000_000, 1_600_000_000);
        Assert.Equal(2_000_000_000, split.Support);
        Assert.Equal(3_600_000_000, split.Total);
        Assert.Equal(1_600_000_000, split[FundingSource.Counterpart]);
        Assert.Equal(0, split[FundingSource.Other]);
        Assert.False(split.IsZero);
        Assert.True(FundingSplit.Zero.IsZero);
    }

    [Theory]
    [InlineData(FundingSource.Kcqg, 120_000_000, 120_000_000, 0, 0, 0)]
    [InlineData(FundingSource.Kcdp, 45_000_000, 0, 45_000_000, 0, 0)]
    [InlineData(FundingSource.Counterpart, 7, 0, 0, 7, 0)]
    [InlineData(FundingSource.Other, 9, 0, 0, 0, 9)]
    public void A_single_amount_and_its_source_become_that_sources_part(FundingSource source, long amount, long kcqg, long kcdp, long counterpart, long other)
    {
        Assert.Equal(new FundingSplit(kcqg, kcdp, counterpart, other), FundingSplit.Of(source, amount));
        Assert.Equal(amount, FundingSplit.Of(source, amount)[source]);
        Assert.Equal(new FundingSplit(kcqg, kcdp, counterpart, other), FundingSplit.Zero.With(source, amount));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, long.MinValue, 0)]
    [InlineData(0, 0, 0, FundingSplit.MaxPart + 1)]
    [InlineData(long.MaxValue, 0, 0, 0)]
    public void A_part_below_zero_or_above_the_maximum_is_refused(long kcqg, long kcdp, long counterpart, long other)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingSplit(kcqg, kcdp, counterpart, other));
        Assert.False(FundingSplit.TryCreate(kcqg, kcdp, counterpart, other, out var split));
        Assert.Equal(FundingSplit.Zero, split);
    }

    [Fact]
    public void The_largest_split_sums_without_overflow_and_adding_past_the_maximum_throws_instead_of_wrapping()
    {
        var max = new FundingSplit(FundingSplit.MaxPart, FundingSplit.MaxPart, FundingSplit.MaxPart, FundingSplit.MaxPart);
        Assert.Equal(4 * FundingSplit.MaxPart, max.Total);
        Assert.Equal(2 * FundingSplit.MaxPart, max.Support);
        Assert.Equal(new FundingSplit(3, 5, 7, 9), new FundingSplit(1, 2, 3, 4) + new FundingSplit(2, 3, 4, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => max + new FundingSplit(1, 0));
    }

    [Fact]
    public void Totals_over_many_splits_do_not_overflow()
    {
        var max = new FundingSplit(FundingSplit.MaxPart, FundingSplit.MaxPart, FundingSplit.MaxPart, FundingSplit.MaxPart);
        var totals = FundingTotals.Sum(Enumerable.Repeat(max, 10_000));
        // 4 · 10^15 · 10^4 = 4 · 10^19 đồng: beyond long (9,2 · 10^18), exact in decimal.
        Assert.Equal(40_000_000_000_000_000_000m, totals.Total);
        Assert.Equal(20_000_000_000_000_000_000m, totals.Support);
    }

    [Theory]
    [InlineData(400_000_000, 100_000_000, 450_000_000, true)]
    [InlineData(400_000_000, 100_000_000, 500_000_000, false)]
    [InlineData(400_000_000, 0, 500_000_000, false)]
    public void Support_above_the_facilitys_total_investment_is_a_warning_to_confirm(long kcqg, long kcdp, long investment, bool warns)
    {
        // Counterpart funding is the facility's own money: it never makes support exceed the investment.
        var warning = FundingRules.SupportAboveInvestment(Support.TestTexts.Seeds, new FundingSplit(kcqg, kcdp, 900_000_000), investment);
        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            Assert.Equal(FundingWarningKind.SupportAboveInvestment, warning.Kind);
            Assert.Contains("500.000.000 đồng", warning.Vi);
            Assert.Contains("450.000.000 đồng", warning.Vi);
            Assert.Contains("xác nhận", warning.Vi);
            Assert.Contains("500,000,000", warning.Text(english: true));
        }
    }

    [Fact]
    public void An_unknown_investment_gives_no_warning()
    {
        Assert.Null(FundingRules.SupportAboveInvestment(Support.TestTexts.Seeds, new FundingSplit(1_000_000_000, 0), null));
    }

    [Theory]
    [InlineData(500_000_000, 400_000_000, true)]
    [InlineData(400_000_000, 400_000_000, false)]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    public void Disbursed_above_approved_is_a_warning_to_confirm(long disbursed, long approved, bool warns)
    {
        var warning = FundingRules.DisbursedAboveApproved(Support.TestTexts.Seeds, disbursed, approved);
        Assert.Equal(warns, warning is not null);
        Assert.Equal(warns, FundingRules.Check(Support.TestTexts.Seeds, new FundingSplit(approved, 0), disbursed).Any(w => w.Kind == FundingWarningKind.DisbursedAboveApproved));
    }

    [Theory]
    [InlineData(491, 1000, 0.491)]
    [InlineData(0, 1000, 0)]
    [InlineData(1500, 1000, 1.5)]
    public void The_disbursement_rate_is_disbursed_over_approved(long disbursed, long approved, double rate)
    {
        Assert.Equal((decimal)rate, FundingRules.Rate(disbursed, approved));
    }

    [Fact]
    public void Nothing_approved_gives_no_rate_rather_than_zero_percent()
    {
        Assert.Null(FundingRules.Rate(0, 0));
        Assert.Null(FundingRules.Rate(100, 0));
    }
}
