using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Positions.Commands.CreatePosition;
using MeritApi.Domain.Positions;

namespace MeritApi.Api.Endpoints.Positions;

/// <summary>The body of <c>POST /api/v1/positions</c>.</summary>
public sealed record CreatePositionRequest(string? Code, string? Title, PositionKind? Kind, string? MinimumGrade,
    IReadOnlyList<CompetencyRequirementRequest>? Standard)
{
    /// <summary>Only after <see cref="CreatePositionRequestValidator"/> has passed.</summary>
    public CreatePositionCommand ToCommand() =>
        new(Code!, Title!, Kind!.Value, MinimumGrade is null ? null : Grade.Parse(MinimumGrade), Standard!.ToInputs());
}

internal sealed class CreatePositionRequestValidator : AbstractValidator<CreatePositionRequest>
{
    public CreatePositionRequestValidator()
    {
        RuleFor(r => r.Code).RequiredText(Position.CodeMaxLength);
        RuleFor(r => r.Title).RequiredText(Position.TitleMaxLength);
        RuleFor(r => r.Kind).RequiredEnum();
        RuleFor(r => r.MinimumGrade).ValidGrade();
        RuleFor(r => r.Standard).ValidStandard();
    }
}
