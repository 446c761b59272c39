using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Rationales;

/// <summary>
/// The full, self-contained explanation of one candidate's result in one scoring run: the evidence as it was
/// read, the policy, every formula step with its numbers, eligibility, rank and the tie-break that decided it,
/// and the talent box. Published figures are the stored ones; intermediate (unrounded) values are derived from
/// the stored evidence. <see cref="Seal"/> is the SHA-256 of the canonical form of everything else, in the form
/// <see cref="SealScheme"/> names (<see cref="SealSchemes"/>).
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
    string? PositionMinimumGrade);

public sealed record RationaleEvidence(
    string Grade,
    IReadOnlyList<CompetencyLine> Competencies,
    IReadOnlyList<PerformanceYearLine> PerformanceYears);

/// <summary>One competency of the standard: required, assessed (null = never assessed, counts 0), gap and credit.</summary>
public sealed record CompetencyLine(string CompetencyCode, int RequiredLevel, int? AssessedLevel, int Gap, int CreditedLevel);

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
