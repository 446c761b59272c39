using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Competencies;

namespace MeritApi.Application.Competencies.Commands.RegisterCompetency;

internal sealed class RegisterCompetencyCommandValidator : AbstractValidator<RegisterCompetencyCommand>
{
    public RegisterCompetencyCommandValidator()
    {
        RuleFor(c => c.Code).ValidCompetencyCode();
        RuleFor(c => c.Name).RequiredText(Competency.NameMaxLength);
        RuleFor(c => c.Category).RequiredEnum();
        RuleFor(c => c.Description).OptionalText(Competency.DescriptionMaxLength);
        RuleFor(c => c.Justification).OptionalText(VocabularyJustification.MaxLength);
    }
}
