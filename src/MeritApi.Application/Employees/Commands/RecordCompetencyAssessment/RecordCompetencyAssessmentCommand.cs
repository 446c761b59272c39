using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Employees.Commands.RecordCompetencyAssessment;

/// <summary>
/// Records an assessed competency level. Assessments accumulate; scoring uses the most recent one of each
/// competency (by assessment date, then by when it was recorded).
/// </summary>
public sealed record RecordCompetencyAssessmentCommand(Guid EmployeeId, string CompetencyCode, int Level, DateOnly AssessedOn, string Assessor)
    : Command<CompetencyAssessmentDto>, IAuditedCommand
{
    public static string AuditName => "RecordCompetencyAssessment";
}
