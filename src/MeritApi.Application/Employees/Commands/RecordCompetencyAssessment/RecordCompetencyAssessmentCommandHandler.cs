using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Competencies;
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
        if ((await db.UnknownCompetencyCodesAsync([command.CompetencyCode], cancellationToken)).Count > 0)
            throw RequestValidation.Failure("competencyCode", CompetencyDictionary.NotInDictionary(command.CompetencyCode));

        // The same assessment again is refused here (the import skips it), and the unique index keeps two racing requests
        // from both storing it. Only this employee's assessments of this competency are read, a handful.
        var earlier = await db.CompetencyAssessments.AsNoTracking()
            .Where(a => a.EmployeeId == employee.Id && a.CompetencyCode == command.CompetencyCode).ToListAsync(cancellationToken);
        if (earlier.FirstOrDefault(a => a.IsSameAs(command.CompetencyCode, command.Level, command.AssessedOn, command.Assessor))
            is { } same)
            throw new ConflictException(Rules.DuplicateAssessment,
                $"This assessment (competency, level, date and assessor) is already recorded for the employee, as {same.Id}.");

        var assessment = employee.RecordAssessment(Guid.CreateVersion7(), command.CompetencyCode, command.Level,
            command.AssessedOn, command.Assessor.Trim(), clock.Now());
        audit.Touch(employee.Id, assessment.Id);
        return CompetencyAssessmentDto.From(assessment);
    }
}
