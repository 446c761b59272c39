using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;

namespace MeritApi.Domain.Scoring;

/// <summary>
/// The merit evidence of one candidate as read for a scoring run: the latest assessed level of each
/// competency, the SKP ratings by year, and the grade (for the eligibility gate only).
/// </summary>
public sealed record CandidateEvidence(
    Guid CandidateId,
    Grade Grade,
    IReadOnlyDictionary<string, int> LatestAssessedLevels,
    IReadOnlyDictionary<int, PerformanceRating> RatingsByYear);

/// <summary>What a selection is scored against: the policy, the position's standard and gate, the years counted.</summary>
public sealed record ScoringContext(
    ScoringPolicy Policy,
    IReadOnlyList<(string CompetencyCode, int RequiredLevel)> Standard,
    Grade? MinimumGrade,
    int LatestPerformanceYear)
{
    private (int Year, decimal Weight)[]? _countedYears;

    /// <summary>Counted years, latest first, aligned with the policy's year weights (computed once per context: the
    /// scorer reads them for every candidate and must not allocate doing so).</summary>
    public IReadOnlyList<(int Year, decimal Weight)> CountedYears =>
        _countedYears ??= [.. Policy.PerformanceYearWeights.Select((weight, i) => (LatestPerformanceYear - i, weight))];
}

/// <summary>One enrolled candidate as a scoring run reads them: who (blind code and ids, never the NIP) and their evidence.</summary>
public sealed record ScoringCandidate(Guid CandidateId, Guid EmployeeId, string CandidateCode, CandidateEvidence Evidence);
