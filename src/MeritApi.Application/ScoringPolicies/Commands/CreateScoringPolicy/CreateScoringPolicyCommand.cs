using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;

/// <summary>
/// Defines the next scoring policy version (administrator). Existing versions are never changed, so results
/// scored under them stay reproducible.
/// </summary>
public sealed record CreateScoringPolicyCommand(
    decimal CompetenceWeight,
    decimal PerformanceWeight,
    IReadOnlyList<decimal> PerformanceYearWeights,
    JpmBandSet BandSet,
    PerformanceRating MinimumRating,
    string? Description,
    decimal NearTieThreshold = RankRobustness.DefaultNearTieThreshold,
    AssessmentValidityRule? AssessmentValidity = null) : Command<ScoringPolicyDto>, IAuditedCommand
{
    public static string AuditName => "CreateScoringPolicy";
}
