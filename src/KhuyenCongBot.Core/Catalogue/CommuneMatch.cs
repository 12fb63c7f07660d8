namespace KhuyenCongBot.Core.Catalogue;

/// <summary>How a typed commune was understood.</summary>
public enum CommuneMatchKind
{
    /// <summary>Exactly one commune of the province has this name (with or without diacritics and type): take it.</summary>
    Exact,

    /// <summary>Near names, best first: the person picks one (or types again); never taken without asking.</summary>
    Candidates,

    /// <summary>Nothing near in the province's list: keep the text as typed, marked "not in the official list", once confirmed.</summary>
    None,
}

/// <summary>A commune offered for a typed text, with how close it is (0..1).</summary>
public sealed record CommuneCandidate(Commune Commune, double Score);

/// <summary>The result of matching a typed commune against one province's list.</summary>
/// <param name="Kind">Exact, candidates or none.</param>
/// <param name="Candidates">Exact: the one commune; Candidates: up to <see cref="CommuneCatalogue.MaxCandidates"/>, best first; None: empty.</param>
/// <param name="More">How many more communes matched as well as the last one shown (the person should type more of the name).</param>
public sealed record CommuneMatch(CommuneMatchKind Kind, IReadOnlyList<CommuneCandidate> Candidates, int More = 0)
{
    public static readonly CommuneMatch NoMatch = new(CommuneMatchKind.None, []);

    /// <summary>The commune when the match is exact.</summary>
    public Commune? Commune => Kind == CommuneMatchKind.Exact ? Candidates[0].Commune : null;
}
