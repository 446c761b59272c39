using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Selections;

/// <summary>
/// One candidate's figures in a scoring run, with the evidence exactly as it was read, so the result can
/// be explained and recomputed later even if the employee's evidence has changed since.
/// </summary>
public sealed class CandidateResult
{
    private CandidateResult()
    {
        CandidateCode = string.Empty;
        CompetencyGaps = [];
        PerformanceYears = [];
        IneligibilityReasons = [];
    } // EF

    public CandidateResult(Guid candidateId, Guid employeeId, string candidateCode, Grade grade, CandidateScore score,
        RankOutcome? rank)
    {
        if (score.CandidateId != candidateId)
            throw new ArgumentException("The score belongs to another candidate.", nameof(score));
        if (score.Eligible != rank.HasValue)
            throw new ArgumentException("Exactly the eligible candidates are ranked.", nameof(rank));

        CandidateId = candidateId;
        EmployeeId = employeeId;
        CandidateCode = candidateCode;
        Grade = grade;
        Jpm = score.JobPersonMatch.Percentage;
        JpmBand = score.Band;
        CompetencyGaps = [.. score.JobPersonMatch.Gaps];
        PerformanceScore = score.Performance.Score;
        PerformanceYears = [.. score.Performance.Years];
        LatestRating = score.Performance.LatestRating;
        MeritScore = score.MeritScore;
        TalentBox = score.TalentBox.Number;
        Eligible = score.Eligible;
        IneligibilityReasons = [.. score.IneligibilityReasons];
        Rank = rank?.Rank;
        RankDecidedBy = rank?.DecidedBy;
    }

    public Guid ScoringRunId { get; private set; }
    public Guid CandidateId { get; private set; }
    public Guid EmployeeId { get; private set; }
    public string CandidateCode { get; private set; }

    /// <summary>The grade as read (used only by the eligibility gate).</summary>
    public Grade Grade { get; private set; }

    public decimal Jpm { get; private set; }
    public JpmBand JpmBand { get; private set; }
    public IReadOnlyList<CompetencyGap> CompetencyGaps { get; private set; }
    public decimal PerformanceScore { get; private set; }
    public IReadOnlyList<CountedYear> PerformanceYears { get; private set; }
    public PerformanceRating? LatestRating { get; private set; }
    public decimal MeritScore { get; private set; }
    public int TalentBox { get; private set; }
    public bool Eligible { get; private set; }
    public IReadOnlyList<IneligibilityReason> IneligibilityReasons { get; private set; }

    /// <summary>Competition rank among eligible candidates; null when ineligible.</summary>
    public int? Rank { get; private set; }

    /// <summary>The criterion that placed the candidate against their neighbours (null when not ranked).</summary>
    public RankDecision? RankDecidedBy { get; private set; }

    /// <summary>
    /// Place in the run's listing, from 1: the ranked candidates first, by rank, then merit, then candidate code; the
    /// unranked after them, by merit, then code. It only orders the shortlist's pages (with the rank, it is the order of
    /// the shortlist index): the code that breaks a tie in it carries no merit meaning, and the rank stays shared.
    /// </summary>
    public int ListPosition { get; private set; }

    /// <summary>SHA-256 of the canonical rationale, fixed when the run was stored.</summary>
    public string Seal { get; private set; } = string.Empty;

    /// <summary>The merit gap to the next lower rank (null when unranked, the last rank, or scored before robustness).</summary>
    public decimal? GapToNextRank { get; private set; }

    /// <summary>Within the policy's near-tie threshold of the rank above or below (DESIGN §4).</summary>
    public bool NearTie { get; private set; }

    /// <summary>The listing order <see cref="ListPosition"/> numbers: rank (unranked last), merit descending, code.</summary>
    internal static int CompareInListing(CandidateResult a, CandidateResult b)
    {
        if (a.Rank != b.Rank)
            return a.Rank is not { } rank ? 1 : b.Rank is not { } other ? -1 : rank.CompareTo(other);
        var byMerit = b.MeritScore.CompareTo(a.MeritScore);
        return byMerit != 0 ? byMerit : string.CompareOrdinal(a.CandidateCode, b.CandidateCode);
    }

    internal void ListAt(int position) => ListPosition = position;

    internal void Robustness(decimal? gapToNextRank, bool nearTie) => (GapToNextRank, NearTie) = (gapToNextRank, nearTie);

    /// <summary>Only for a ranked result.</summary>
    internal RankedFigures RankedFigures() => new(CandidateId, CandidateCode, Rank!.Value, Jpm, PerformanceScore, MeritScore);

    internal void AttachTo(Guid selectionId, Guid scoringRunId, ScoringPolicy policy, Grade? minimumGrade, DateOnly? referenceDate,
        string sealScheme)
    {
        InRun(scoringRunId);
        Seal = Rationales.RationaleBuilder.Build(selectionId, policy, minimumGrade, referenceDate, this, sealScheme).Seal!;
    }

    internal void InRun(Guid scoringRunId) => ScoringRunId = scoringRunId;
}
