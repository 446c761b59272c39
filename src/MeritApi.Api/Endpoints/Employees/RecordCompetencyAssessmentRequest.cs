using MeritApi.Application.Employees.Commands.RecordCompetencyAssessment;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>POST /api/v1/employees/{id}/competency-assessments</c>; the employee comes from the route.</summary>
public sealed record RecordCompetencyAssessmentRequest(string? CompetencyCode, int? Level, DateOnly? AssessedOn, string? Assessor)
{
    public RecordCompetencyAssessmentCommand ToCommand(Guid employeeId) => new(employeeId, CompetencyCode, Level, AssessedOn, Assessor);
}
