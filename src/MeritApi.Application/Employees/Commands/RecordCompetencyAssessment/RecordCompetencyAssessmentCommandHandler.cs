using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using MeritApi.Application.Common;

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

        var assessment = employee.RecordAssessment(Guid.CreateVersion7(), command.CompetencyCode!, command.Level!.Value,
            command.AssessedOn!.Value, command.Assessor!, clock.Now());
        audit.Touch(employee.Id, assessment.Id);
        return CompetencyAssessmentDto.From(assessment);
    }
}
