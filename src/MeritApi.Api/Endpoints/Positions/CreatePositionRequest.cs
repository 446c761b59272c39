using MeritApi.Application.Positions;
using MeritApi.Application.Positions.Commands.CreatePosition;
using MeritApi.Domain.Positions;

namespace MeritApi.Api.Endpoints.Positions;

/// <summary>The body of <c>POST /api/v1/positions</c>.</summary>
public sealed record CreatePositionRequest(string? Code, string? Title, PositionKind? Kind, string? MinimumGrade,
    IReadOnlyList<CompetencyRequirementInput>? Standard)
{
    public CreatePositionCommand ToCommand() => new(Code, Title, Kind, MinimumGrade, Standard);
}
