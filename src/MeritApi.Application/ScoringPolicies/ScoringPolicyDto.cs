using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Application.ScoringPolicies;

public sealed record ScoringPolicyDto(
    int Version, decimal CompetenceWeight, decimal PerformanceWeight, IReadOnlyList<decimal> PerformanceYearWeights,
    JpmBandSet BandSet, PerformanceRating MinimumRating, decimal NearTieThreshold, string? Description, DateTimeOffset CreatedAt,
    int? AssessmentValidityYears, bool AccreditedBodiesOnly)
{
    public static ScoringPolicyDto From(ScoringPolicy p) => new(
        p.Version, p.CompetenceWeight, p.PerformanceWeight, [.. p.PerformanceYearWeights], p.BandSet, p.MinimumRating,
        p.NearTieThreshold, p.Description, p.CreatedAt, p.AssessmentValidityYears, p.AccreditedBodiesOnly);
}
