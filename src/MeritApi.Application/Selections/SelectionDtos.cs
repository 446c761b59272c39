using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Selections;

public sealed record SelectionDto(
    Guid Id, Guid PositionId, SelectionKind Kind, int Places, int PolicyVersion, int LatestPerformanceYear,
    string? Reference, SelectionStatus Status, DateTimeOffset OpenedAt, int CandidateCount, int ScoringRunCount,
    DateTimeOffset? IdentitiesRevealedAt, Guid? SuccessionPoolId)
{
    public static SelectionDto From(Selection s) => new(
        s.Id, s.PositionId, s.Kind, s.Places, s.PolicyVersion, s.LatestPerformanceYear, s.Reference, s.Status, s.OpenedAt,
        s.CandidateCount, s.ScoringRunCount, s.IdentitiesRevealedAt, s.SuccessionPoolId);
}

/// <summary>A candidate as the HR system sees the enrolment: which employee got which blind code.</summary>
public sealed record CandidateDto(Guid Id, string Code, Guid EmployeeId, DateTimeOffset EnrolledAt)
{
    public static CandidateDto From(Candidate c) => new(c.Id, c.Code, c.EmployeeId, c.EnrolledAt);
}

public sealed record ScoringRunDto(
    Guid Id, Guid SelectionId, int Sequence, int PolicyVersion, int LatestPerformanceYear, DateTimeOffset ScoredAt,
    int CandidateCount, int EligibleCount, string? MinimumGrade, string SealScheme, string ResultsDigest, decimal NearTieThreshold,
    WeightSensitivity? WeightSensitivity, DateOnly? ReferenceDate)
{
    public static ScoringRunDto From(ScoringRun r) => new(
        r.Id, r.SelectionId, r.Sequence, r.PolicyVersion, r.LatestPerformanceYear, r.ScoredAt, r.CandidateCount, r.EligibleCount,
        r.MinimumGrade?.ToString(), r.SealScheme, r.ResultsDigest, r.NearTieThreshold, r.WeightSensitivity, r.ReferenceDate);
}
