using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Selections;

/// <summary>
/// One immutable scoring of a selection: for each candidate, the inputs as read, every intermediate
/// figure, eligibility, rank and talent box. Nothing here is ever updated; a new run is a new row.
/// </summary>
public sealed class ScoringRun
{
    private readonly List<CandidateResult> _results = [];

    private ScoringRun() { } // EF

    internal ScoringRun(Guid id, Guid selectionId, int sequence, int places, ScoringPolicy policy, Grade? minimumGrade,
        int latestPerformanceYear, DateOnly? referenceDate, DateTimeOffset scoredAt, IReadOnlyList<CandidateResult> results)
    {
        Id = id;
        SelectionId = selectionId;
        Sequence = sequence;
        PolicyVersion = policy.Version;
        MinimumGrade = minimumGrade;
        LatestPerformanceYear = latestPerformanceYear;
        ReferenceDate = referenceDate;
        ScoredAt = scoredAt;
        CandidateCount = results.Count;
        EligibleCount = results.Count(r => r.Eligible);
        // Sealing is independent per result (a hash of its own rationale), so it spreads over the cores.
        SealScheme = Rationales.SealSchemes.Current;
        Parallel.ForEach(results, result => result.AttachTo(selectionId, id, policy, minimumGrade, referenceDate, SealScheme));
        CandidateResult[] listing = [.. results];
        Array.Sort(listing, CandidateResult.CompareInListing);
        for (var i = 0; i < listing.Length; i++)
            listing[i].ListAt(i + 1);
        _results.AddRange(results);

        // How firm the ranking is: derived from the figures, not sealed (the seal covers the figures it is derived from).
        var rankedResults = results.Where(r => r.Rank is not null).ToArray();
        var ranked = rankedResults.Select(r => r.RankedFigures()).ToArray();
        var gaps = RankRobustness.Gaps(ranked, policy.NearTieThreshold);
        for (var i = 0; i < rankedResults.Length; i++)
            rankedResults[i].Robustness(gaps[i].GapToNextRank, gaps[i].NearTie);
        NearTieThreshold = policy.NearTieThreshold;
        WeightSensitivity = RankRobustness.Sensitivity(ranked, policy.CompetenceWeight, places);
        ResultsDigest = DigestOf(_results.Select(r => (r.CandidateId, r.Seal)));
    }

    public Guid Id { get; private set; }
    public Guid SelectionId { get; private set; }

    /// <summary>1 for the first run of the selection, then 2, 3, …</summary>
    public int Sequence { get; private set; }

    public int PolicyVersion { get; private set; }

    /// <summary>The position's minimum grade when the run was scored (the gate the results were judged by).</summary>
    public Grade? MinimumGrade { get; private set; }
    public int LatestPerformanceYear { get; private set; }

    /// <summary>The day assessments were judged valid on (the selection's opening date), under a policy with a validity rule;
    /// null otherwise.</summary>
    public DateOnly? ReferenceDate { get; private set; }
    public DateTimeOffset ScoredAt { get; private set; }
    public int CandidateCount { get; private set; }
    public int EligibleCount { get; private set; }
    public IReadOnlyList<CandidateResult> Results => _results;

    /// <summary>The policy's near-tie threshold the results' <see cref="CandidateResult.NearTie"/> flags were set with.</summary>
    public decimal NearTieThreshold { get; private set; } = RankRobustness.DefaultNearTieThreshold;

    /// <summary>The competence-weight interval within which the best 3n stay the same set (null for runs scored before it).</summary>
    public WeightSensitivity? WeightSensitivity { get; private set; }

    /// <summary>The canonical form its results' seals are computed over (<see cref="Rationales.SealSchemes"/>).</summary>
    public string SealScheme { get; private set; } = Rationales.SealSchemes.V1;

    /// <summary>SHA-256 over every result's seal, in candidate-id order: one value that pins the whole run.</summary>
    public string ResultsDigest { get; private set; } = string.Empty;

    public static string DigestOf(IEnumerable<(Guid CandidateId, string Seal)> seals) =>
        Rationales.RationaleSeal.Sha256Hex(string.Concat(seals
            .OrderBy(s => s.CandidateId.ToString(), StringComparer.Ordinal)
            .Select(s => $"{s.CandidateId}:{s.Seal}\n")));
}
