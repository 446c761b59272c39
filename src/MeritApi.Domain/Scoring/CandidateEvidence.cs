using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;

namespace MeritApi.Domain.Scoring;

/// <summary>
/// The merit evidence of one candidate as read for a scoring run: the latest assessed level of each
/// competency (under a validity rule, the latest valid one), the SKP ratings by year, and the grade (for the eligibility
/// gate only).
/// </summary>
public sealed record CandidateEvidence(
    Guid CandidateId,
    Grade Grade,
    IReadOnlyDictionary<string, int> LatestAssessedLevels,
    IReadOnlyDictionary<int, PerformanceRating> RatingsByYear)
{
    /// <summary>Under a validity rule: the date of each assessment that counts.</summary>
    public IReadOnlyDictionary<string, DateOnly>? CountedAssessmentDates { get; init; }

    /// <summary>Under a validity rule: the assessments newer than the one that counts (newest first), by competency; only
    /// the competencies that have any.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PassedOverAssessment>>? PassedOver { get; init; }
}

/// <summary>
/// What a selection is scored against: the policy, the position's standard and gate, the years counted and, when the policy
/// has a validity rule, the screen that judges each assessment (<see cref="ForPolicy"/> builds it from the opening date).
/// </summary>
public sealed record ScoringContext(
    ScoringPolicy Policy,
    IReadOnlyList<(string CompetencyCode, int RequiredLevel)> Standard,
    Grade? MinimumGrade,
    int LatestPerformanceYear)
{
    /// <summary>The assessment validity rule as this run applies it (null under a policy without one).</summary>
    public AssessmentScreen? Screen { get; init; }

    /// <summary>A context whose screen, if the policy has a validity rule, judges against <paramref name="referenceDate"/>.</summary>
    public static ScoringContext ForPolicy(ScoringPolicy policy, IReadOnlyList<(string CompetencyCode, int RequiredLevel)> standard,
        Grade? minimumGrade, int latestPerformanceYear, DateOnly referenceDate, IReadOnlyCollection<AccreditedBody> accredited) =>
        new(policy, standard, minimumGrade, latestPerformanceYear)
        {
            Screen = policy.AssessmentValidity is { } rule ? new AssessmentScreen(rule, referenceDate, accredited) : null,
        };

    private (int Year, decimal Weight)[]? _countedYears;

    /// <summary>Counted years, latest first, aligned with the policy's year weights (computed once per context: the
    /// scorer reads them for every candidate and must not allocate doing so).</summary>
    public IReadOnlyList<(int Year, decimal Weight)> CountedYears =>
        _countedYears ??= [.. Policy.PerformanceYearWeights.Select((weight, i) => (LatestPerformanceYear - i, weight))];
}

/// <summary>One enrolled candidate as a scoring run reads them: who (blind code and ids, never the NIP) and their evidence.</summary>
public sealed record ScoringCandidate(Guid CandidateId, Guid EmployeeId, string CandidateCode, CandidateEvidence Evidence);
