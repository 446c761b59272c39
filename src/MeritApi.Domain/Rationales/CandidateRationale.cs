using System.Text.Json.Serialization;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Rationales;

/// <summary>
/// The full, self-contained explanation of one candidate's result in one scoring run: the evidence as it was
/// read, the policy, every formula step with its numbers, eligibility, rank and the tie-break that decided it,
/// and the talent box. Published figures are the stored ones; intermediate (unrounded) values are derived from
/// the stored evidence. <see cref="Seal"/> is the SHA-256 of the canonical form of everything else, in the form
/// <see cref="SealScheme"/> names (<see cref="SealSchemes"/>). The members of the assessment validity rule appear only in
/// the rationales of a policy that has one: every rationale scored before it keeps exactly the form it was sealed in.
/// </summary>
public sealed record CandidateRationale(
    Guid SelectionId,
    Guid ScoringRunId,
    Guid CandidateId,
    string CandidateCode,
    RationalePolicy Policy,
    RationaleEvidence Evidence,
    JpmStep JobPersonMatch,
    BandStep Band,
    PerformanceStep Performance,
    MeritStep Merit,
    TalentBoxStep TalentBox,
    EligibilityStep Eligibility,
    RankStep Rank,
    string SealScheme,
    string? Seal = null);

public sealed record RationalePolicy(
    int Version,
    decimal CompetenceWeight,
    decimal PerformanceWeight,
    IReadOnlyList<decimal> PerformanceYearWeights,
    JpmBandSet BandSet,
    PerformanceRating MinimumRating,
    string? PositionMinimumGrade)
{
    /// <summary>Years an assessment counts from its date to the reference date (only under a policy with a validity rule).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? AssessmentValidityYears { get; init; }

    /// <summary>Whether only accredited assessing bodies count (only under a policy with a validity rule).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AccreditedBodiesOnly { get; init; }
}

public sealed record RationaleEvidence(
    string Grade,
    IReadOnlyList<CompetencyLine> Competencies,
    IReadOnlyList<PerformanceYearLine> PerformanceYears)
{
    /// <summary>The day assessments were judged on: the selection's opening date (only under a policy with a validity rule).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? ReferenceDate { get; init; }
}

/// <summary>
/// One competency of the standard: required, assessed (null = no assessment that counts, counts 0), gap and credit; under a
/// validity rule also when the counted assessment was made, until when it is valid, and the newer ones passed over.
/// </summary>
public sealed record CompetencyLine(string CompetencyCode, int RequiredLevel, int? AssessedLevel, int Gap, int CreditedLevel)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? AssessedOn { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? ValidThrough { get; init; }

    /// <summary>Assessments newer than the counted one that do not count, newest first, each with its reason.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PassedOverLine>? PassedOver { get; init; }
}

/// <summary>An assessment that does not count: its level, date and body, why (the refusal) and the reason in words.</summary>
public sealed record PassedOverLine(int Level, DateOnly AssessedOn, string Assessor, AssessmentRefusal Refusal, string Reason);

/// <summary>One counted SKP year: its weight, the rating read (null = none), its value 1–5 and weight × value.</summary>
public sealed record PerformanceYearLine(int Year, decimal Weight, PerformanceRating? Rating, int RatingValue, decimal WeightedValue);

public sealed record JpmStep(
    string Formula, int CreditedLevels, int RequiredLevels, decimal Unrounded, decimal Published, IReadOnlyList<string> MissingCompetencies);

public sealed record BandStep(JpmBandSet BandSet, decimal TopBandFrom, decimal MiddleBandFrom, JpmBand Band, string IndonesianTerm);

public sealed record PerformanceStep(string Formula, decimal WeightedRatingSum, decimal Unrounded, decimal Published);

public sealed record MeritStep(
    string Formula, decimal CompetenceWeight, decimal Jpm, decimal CompetencePart, decimal PerformanceWeight,
    decimal PerformanceScore, decimal PerformancePart, decimal Unrounded, decimal Published, string Rounding);

public sealed record TalentBoxStep(Potential Potential, PerformanceLevel PerformanceLevel, int Box, bool InTalentPool, string Meaning);

public sealed record EligibilityStep(bool Eligible, IReadOnlyList<IneligibilityReason> Reasons);

public sealed record RankStep(int? Rank, RankDecision? DecidedBy, int LatestRatingValue, string Explanation);
