using MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Api.Endpoints.ScoringPolicies;

/// <summary>The body of <c>POST /api/v1/scoring-policies</c>.</summary>
public sealed record CreateScoringPolicyRequest(decimal? CompetenceWeight, decimal? PerformanceWeight,
    IReadOnlyList<decimal>? PerformanceYearWeights, JpmBandSet? BandSet, PerformanceRating? MinimumRating, string? Description)
{
    public CreateScoringPolicyCommand ToCommand() =>
        new(CompetenceWeight, PerformanceWeight, PerformanceYearWeights, BandSet, MinimumRating, Description);
}
