using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Employees.Commands.RecordCompetencyAssessment;

internal sealed class RecordCompetencyAssessmentCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<RecordCompetencyAssessmentCommand, CompetencyAssessmentDto>
{
    public async ValueTask<CompetencyAssessmentDto> Handle(RecordCompetencyAssessmentCommand command, CancellationToken cancellationToken)
    {
        // Only the aggregate root is loaded: adding an assessment does not need the earlier ones.
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == command.EmployeeId, cancellationToken)
                       ?? throw new NotFoundException("Employee", command.EmployeeId);
        if (!await db.Competencies.AnyAsync(c => c.Code == command.CompetencyCode, cancellationToken))
            throw RequestValidation.Failure("competencyCode", $"Competency '{command.CompetencyCode}' is not in the competency dictionary.");

        // The same assessment again (a retry, a second sync) is not a second piece of evidence; the import skips it, and a
        // unique index keeps two racing requests from both storing it. A different level on the same day is a correction.
        var assessor = command.Assessor!.Trim();
        var existing = await db.CompetencyAssessments.Where(a => a.EmployeeId == employee.Id && a.CompetencyCode == command.CompetencyCode &&
                                                                 a.AssessedOn == command.AssessedOn && a.Assessor == assessor &&
                                                                 a.Level == command.Level)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
            throw new ConflictException(Rules.DuplicateAssessment,
                $"This assessment (competency, level, date and assessor) is already recorded for the employee, as {id}.");

        var assessment = employee.RecordAssessment(Guid.CreateVersion7(), command.CompetencyCode!, command.Level!.Value,
            command.AssessedOn!.Value, assessor, clock.Now());
        audit.Touch(employee.Id, assessment.Id);
        return CompetencyAssessmentDto.From(assessment);
    }
}
