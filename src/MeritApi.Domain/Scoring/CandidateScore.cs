using MeritApi.Domain.Employees;

namespace MeritApi.Domain.Scoring;

/// <summary>
/// Required vs assessed level of one competency; a missing assessment counts as 0. Under a policy with a validity rule, also
/// the date of the assessment that counted and every newer one passed over (null under a policy without one).
/// </summary>
public sealed record CompetencyGap(string CompetencyCode, int RequiredLevel, int? AssessedLevel, DateOnly? AssessedOn = null,
    IReadOnlyList<PassedOverAssessment>? PassedOver = null)
{
    /// <summary>Assessed − required (negative: below the standard).</summary>
    public int Gap => (AssessedLevel ?? 0) - RequiredLevel;

    /// <summary>What the JPM numerator credits: the assessed level, capped at the requirement.</summary>
    public int CreditedLevel => Math.Min(AssessedLevel ?? 0, RequiredLevel);
}

public sealed record JobPersonMatch(decimal Percentage, int CreditedLevels, int RequiredLevels, IReadOnlyList<CompetencyGap> Gaps)
{
    public IEnumerable<string> MissingCompetencies => Gaps.Where(g => g.AssessedLevel is null).Select(g => g.CompetencyCode);
}

/// <summary>One counted SKP year: its weight and the rating read (null when there was none).</summary>
public sealed record CountedYear(int Year, decimal Weight, PerformanceRating? Rating);

public sealed record PerformanceResult(decimal Score, IReadOnlyList<CountedYear> Years)
{
    /// <summary>The latest counted year's rating: the second tie-breaker.</summary>
    public PerformanceRating? LatestRating => Years.Count == 0 ? null : Years[0].Rating;
}

public enum IneligibilityCode
{
    MissingPerformanceRating = 1,
    PerformanceRatingBelowMinimum = 2,
    GradeBelowMinimum = 3,
}

public sealed record IneligibilityReason(IneligibilityCode Code, string Detail);

/// <summary>Every figure of one candidate's merit score, before ranking.</summary>
public sealed record CandidateScore(
    Guid CandidateId,
    JobPersonMatch JobPersonMatch,
    JpmBand Band,
    PerformanceResult Performance,
    decimal MeritScore,
    TalentBox TalentBox,
    IReadOnlyList<IneligibilityReason> IneligibilityReasons)
{
    public bool Eligible => IneligibilityReasons.Count == 0;

    public RankKey RankKey => RankKey.Of(MeritScore, JobPersonMatch.Percentage, Performance.LatestRating);
}
