using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Competencies;
using MeritApi.Domain.Development;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentActivities.Commands.ImportDevelopmentActivities;

internal sealed class ImportDevelopmentActivitiesCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<ImportDevelopmentActivitiesCommand, ActivityImportSummaryDto>
{
    public async ValueTask<ActivityImportSummaryDto> Handle(ImportDevelopmentActivitiesCommand command, CancellationToken cancellationToken)
    {
        var rows = command.Activities;
        // One query for the batch's employees, one for its competencies, one for what is already recorded: never one per row.
        var nips = rows.Select(r => r.Nip).Distinct().ToList();
        var employees = await db.Employees.AsNoTracking().Where(e => nips.Contains(e.Nip)).Select(e => new { e.Nip, e.Id })
            .ToDictionaryAsync(e => e.Nip, e => e.Id, cancellationToken);
        var unknownCodes = await db.UnknownCompetencyCodesAsync(rows.SelectMany(r => r.Activity.CompetencyCodes), cancellationToken);
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!employees.ContainsKey(rows[i].Nip))
                failures.Add(new ValidationFailure($"activities[{i}].nip", "No employee with this NIP is registered."));
            var codes = rows[i].Activity.CompetencyCodes;
            for (var j = 0; j < codes.Count; j++)
                if (unknownCodes.Contains(codes[j]))
                    failures.Add(new ValidationFailure($"activities[{i}].competencyCodes[{j}]", CompetencyDictionary.NotInDictionary(codes[j])));
        }
        if (failures.Count > 0)
            throw new ValidationException(failures);

        var ids = employees.Values.ToList();
        var (from, to) = (rows.Min(r => r.Activity.StartDate), rows.Max(r => r.Activity.StartDate));
        var recorded = (await db.DevelopmentActivities.AsNoTracking()
                .Where(a => ids.Contains(a.EmployeeId) && a.StartDate >= from && a.StartDate <= to)
                .Select(a => new { a.EmployeeId, a.Form, a.Title, a.StartDate, a.EndDate }).ToListAsync(cancellationToken))
            .Select(a => (a.EmployeeId, a.Form, a.Title, a.StartDate, a.EndDate)).ToHashSet();

        var (today, now) = (clock.Today(), clock.Now());
        var added = new List<DevelopmentActivity>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var input = rows[i].Activity;
            var employeeId = employees[rows[i].Nip];
            if (!recorded.Add((employeeId, input.Form, input.Title.Trim(), input.StartDate, input.EndDate)))
                continue; // recorded by an earlier sync
            try
            {
                added.Add(input.ToActivity(employeeId, today, now));
            }
            catch (Domain.Common.InvalidFieldException ex)
            {
                // A rule only the domain judges, reported on its row as the validator reports the rest.
                failures.Add(new ValidationFailure($"activities[{i}].{ex.Field}", ex.Message));
            }
        }
        if (failures.Count > 0)
            throw new ValidationException(failures);

        db.DevelopmentActivities.AddRange(added);
        // Every employee of the batch, as the employee import does: a retried batch that adds nothing is still on record.
        audit.Touch([.. ids]);
        ApplicationTelemetry.ImportedRows.Add(added.Count, new KeyValuePair<string, object?>("outcome", "activity-added"));
        return new ActivityImportSummaryDto(rows.Count, added.Count, rows.Count - added.Count);
    }
}
