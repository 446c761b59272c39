using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Positions.Commands.CreatePosition;
using MeritApi.Domain.Positions;

namespace MeritApi.Api.Endpoints.Positions;

/// <summary>The body of <c>POST /api/v1/positions</c>.</summary>
public sealed record CreatePositionRequest(string? Code, string? Title, PositionKind? Kind, string? MinimumGrade,
    IReadOnlyList<CompetencyRequirementRequest>? Standard)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static CreatePositionRequest Example => new("JPT-PRATAMA-BKP", "Kepala Biro Kepegawaian", PositionKind.Structural, "IV/a", [new("M-INTEGRITY", 4), new("M-COOPERATION", 3)]);

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
