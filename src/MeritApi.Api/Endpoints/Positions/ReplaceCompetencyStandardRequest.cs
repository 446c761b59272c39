using FluentValidation;
using MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;

namespace MeritApi.Api.Endpoints.Positions;

/// <summary>The body of <c>PUT /api/v1/positions/{id}/competency-standard</c>; the position comes from the route.</summary>
public sealed record ReplaceCompetencyStandardRequest(IReadOnlyList<CompetencyRequirementRequest>? Requirements)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static ReplaceCompetencyStandardRequest Example => new([new("M-INTEGRITY", 4), new("M-COOPERATION", 4)]);

    /// <summary>Only after <see cref="ReplaceCompetencyStandardRequestValidator"/> has passed.</summary>
    public ReplaceCompetencyStandardCommand ToCommand(Guid positionId) => new(positionId, Requirements!.ToInputs());
}

internal sealed class ReplaceCompetencyStandardRequestValidator : AbstractValidator<ReplaceCompetencyStandardRequest>
{
    public ReplaceCompetencyStandardRequestValidator() => RuleFor(r => r.Requirements).ValidStandard();
}
