using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Competencies;
using MeritApi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentActivities.Commands.RecordDevelopmentActivity;

internal sealed class RecordDevelopmentActivityCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<RecordDevelopmentActivityCommand, DevelopmentActivityDto>
{
    public async ValueTask<DevelopmentActivityDto> Handle(RecordDevelopmentActivityCommand command, CancellationToken cancellationToken)
    {
        var input = command.Activity;
        if (!await db.Employees.AnyAsync(e => e.Id == command.EmployeeId, cancellationToken))
            throw new NotFoundException("Employee", command.EmployeeId);
        var unknown = await db.UnknownCompetencyCodesAsync(input.CompetencyCodes, cancellationToken);
        if (unknown.Count > 0)
            throw new ValidationException(input.CompetencyCodes.Select((code, i) => (code, i)).Where(c => unknown.Contains(c.code))
                .Select(c => new ValidationFailure($"competencyCodes[{c.i}]", CompetencyDictionary.NotInDictionary(c.code))));

        // The unique index keeps two racing requests from both storing it.
        var same = await db.DevelopmentActivities.AsNoTracking()
            .Where(a => a.EmployeeId == command.EmployeeId && a.StartDate == input.StartDate && a.EndDate == input.EndDate).ToListAsync(cancellationToken);
        if (same.FirstOrDefault(a => a.IsSameAs(command.EmployeeId, input.Form, input.Title, input.StartDate, input.EndDate)) is { } earlier)
            throw new ConflictException(Rules.DuplicateActivity,
                $"This activity (form, title and dates) is already recorded for the employee, as {earlier.Id}.");

        var activity = input.ToActivity(command.EmployeeId, clock.Today(), clock.Now());
        db.DevelopmentActivities.Add(activity);
        audit.Touch(command.EmployeeId, activity.Id);
        return DevelopmentActivityDto.From(activity);
    }
}
