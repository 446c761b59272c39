using FluentValidation;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Employees.Commands.RecordCompetencyAssessment;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>POST /api/v1/employees/{id}/competency-assessments</c>; the employee comes from the route.</summary>
public sealed record RecordCompetencyAssessmentRequest(string? CompetencyCode, int? Level, DateOnly? AssessedOn, string? Assessor)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RecordCompetencyAssessmentRequest Example => new("M-INTEGRITY", 4, new DateOnly(2025, 6, 2), "Pusat Penilaian Kompetensi ASN");

    /// <summary>Only after <see cref="RecordCompetencyAssessmentRequestValidator"/> has passed.</summary>
    public RecordCompetencyAssessmentCommand ToCommand(Guid employeeId) =>
        new(employeeId, CompetencyCode!, Level!.Value, AssessedOn!.Value, Assessor!);
}

internal sealed class RecordCompetencyAssessmentRequestValidator : AbstractValidator<RecordCompetencyAssessmentRequest>
{
    public RecordCompetencyAssessmentRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.CompetencyCode).ValidCompetencyCode();
        RuleFor(r => r.Level).ValidCompetencyLevel();
        RuleFor(r => r.AssessedOn).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d!.Value.Year >= Employee.FirstRatingYear).WithMessage($"'assessedOn' must be in {Employee.FirstRatingYear} or later.")
            .Must(d => d!.Value <= clock.Today())
            .WithMessage("'assessedOn' cannot be in the future.");
        RuleFor(r => r.Assessor).RequiredText(CompetencyAssessment.AssessorMaxLength);
    }
}
