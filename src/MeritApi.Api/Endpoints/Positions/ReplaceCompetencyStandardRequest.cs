using MeritApi.Application.Positions;
using MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;

namespace MeritApi.Api.Endpoints.Positions;

/// <summary>The body of <c>PUT /api/v1/positions/{id}/competency-standard</c>; the position comes from the route.</summary>
public sealed record ReplaceCompetencyStandardRequest(IReadOnlyList<CompetencyRequirementInput>? Requirements)
{
    public ReplaceCompetencyStandardCommand ToCommand(Guid positionId) => new(positionId, Requirements);
}
