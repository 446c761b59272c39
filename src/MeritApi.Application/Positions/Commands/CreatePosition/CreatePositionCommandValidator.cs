using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Positions;

namespace MeritApi.Application.Positions.Commands.CreatePosition;

internal sealed class CreatePositionCommandValidator : AbstractValidator<CreatePositionCommand>
{
    public CreatePositionCommandValidator()
    {
        RuleFor(c => c.Code).RequiredText(Position.CodeMaxLength);
        RuleFor(c => c.Title).RequiredText(Position.TitleMaxLength);
        RuleFor(c => c.Kind).RequiredEnum();
        RuleFor(c => c.MinimumGrade).ValidGrade();
        RuleFor(c => c.Standard).ValidStandard();
    }
}
