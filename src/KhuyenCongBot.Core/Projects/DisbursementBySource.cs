using KhuyenCongBot.Core.Funding;

namespace KhuyenCongBot.Core.Projects;

/// <summary>Some projects' disbursement: how many, their approved KCQG and KCĐP, and what they had disbursed by the date.</summary>
public sealed record DisbursementPart(int Projects, long Kcqg, long Kcdp, long Disbursed)
{
    public static readonly DisbursementPart None = new(0, 0, 0, 0);

    /// <summary>Approved khuyến công support (KCQG + KCĐP).</summary>
    public long Support => Kcqg + Kcdp;

    /// <summary>The approved amount of one source.</summary>
    public long Of(FundingSource source) => source == FundingSource.Kcqg ? Kcqg : source == FundingSource.Kcdp ? Kcdp : 0;

    public DisbursementPart Add(Project p, DateOnly at) =>
        new(Projects + 1, Kcqg + p.Approved.Kcqg, Kcdp + p.Approved.Kcdp, Disbursed + p.DisbursedOn(at));
}

/// <summary>
/// A set of projects' disbursement split by the source of their approved support. Disbursement is recorded as one khuyến công
/// amount per project, so it is given by source only for the projects funded by that source alone; the projects with both
/// sources are a part of their own (never split by a guess), and those with neither (only counterpart or other money approved)
/// another. The four parts add up to <see cref="All"/>: the figure the question without a source gives.
/// </summary>
public sealed record DisbursementBySource(DisbursementPart KcqgOnly, DisbursementPart KcdpOnly, DisbursementPart Both, DisbursementPart Neither)
{
    public static DisbursementBySource Of(IEnumerable<Project> projects, DateOnly at)
    {
        var (kcqg, kcdp, both, neither) = (DisbursementPart.None, DisbursementPart.None, DisbursementPart.None, DisbursementPart.None);
        foreach (var p in projects)
        {
            switch (p.Approved.Kcqg > 0, p.Approved.Kcdp > 0)
            {
                case (true, false): kcqg = kcqg.Add(p, at); break;
                case (false, true): kcdp = kcdp.Add(p, at); break;
                case (true, true): both = both.Add(p, at); break;
                default: neither = neither.Add(p, at); break;
            }
        }
        return new DisbursementBySource(kcqg, kcdp, both, neither);
    }

    /// <summary>The projects of one source alone (KCQG or KCĐP).</summary>
    public DisbursementPart Alone(FundingSource source) => source == FundingSource.Kcqg ? KcqgOnly : KcdpOnly;

    /// <summary>Every project: the four parts added up.</summary>
    public DisbursementPart All => new(KcqgOnly.Projects + KcdpOnly.Projects + Both.Projects + Neither.Projects,
        KcqgOnly.Kcqg + KcdpOnly.Kcqg + Both.Kcqg + Neither.Kcqg, KcqgOnly.Kcdp + KcdpOnly.Kcdp + Both.Kcdp + Neither.Kcdp,
        KcqgOnly.Disbursed + KcdpOnly.Disbursed + Both.Disbursed + Neither.Disbursed);
}
