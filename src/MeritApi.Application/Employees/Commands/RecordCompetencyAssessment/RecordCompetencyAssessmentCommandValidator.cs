using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.RecordCompetencyAssessment;

internal sealed class RecordCompetencyAssessmentCommandValidator : AbstractValidator<RecordCompetencyAssessmentCommand>
{
    public RecordCompetencyAssessmentCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.CompetencyCode).ValidCompetencyCode();
        RuleFor(c => c.Level).ValidCompetencyLevel();
        RuleFor(c => c.AssessedOn).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d!.Value.Year >= Employee.FirstRatingYear).WithMessage($"'assessedOn' must be in {Employee.FirstRatingYear} or later.")
            .Must(d => d!.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("'assessedOn' cannot be in the future.");
        RuleFor(c => c.Assessor).RequiredText(CompetencyAssessment.AssessorMaxLength);
    }
}
