using FluentValidation;

namespace MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;

internal sealed class ReplaceCompetencyStandardCommandValidator : AbstractValidator<ReplaceCompetencyStandardCommand>
{
    public ReplaceCompetencyStandardCommandValidator() => RuleFor(c => c.Requirements).ValidStandard();
}
