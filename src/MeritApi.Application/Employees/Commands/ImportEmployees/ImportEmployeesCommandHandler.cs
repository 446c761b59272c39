using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Competencies;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Employees.Commands.ImportEmployees;

internal sealed class ImportEmployeesCommandHandler(IApplicationDbContext db, INewEmployeesWriter newEmployees, TimeProvider clock,
    IAuditScope audit)
    : ICommandHandler<ImportEmployeesCommand, ImportSummaryDto>
{
    public async ValueTask<ImportSummaryDto> Handle(ImportEmployeesCommand command, CancellationToken cancellationToken)
    {
        var rows = command.Employees;
        // Every unknown competency and position of every row, in one answer.
        var unknown = (await UnknownCompetenciesAsync(rows, cancellationToken)).Concat(await UnknownPositionsAsync(rows, cancellationToken)).ToList();
        if (unknown.Count > 0)
            throw new ValidationException(unknown);

        // One query for every employee of the batch, with their evidence, instead of one per row.
        var nips = rows.Select(r => r.Nip).ToList();
        var existing = await db.Employees.Include(e => e.Assessments).Include(e => e.PerformanceRatings)
            .Where(e => nips.Contains(e.Nip)).ToDictionaryAsync(e => e.Nip, cancellationToken);

        var now = clock.Now();
        var today = clock.Today();
        int created = 0, updated = 0, unchanged = 0, assessmentsAdded = 0, ratingsRecorded = 0;
        var touched = new List<Guid>(rows.Count);
        var fresh = new List<Employee>();
        foreach (var row in rows)
        {
            var nip = row.Nip;
            var grade = row.Grade;
            var changed = false;
            if (existing.TryGetValue(nip, out var employee))
            {
                if (employee.Name != row.Name.Trim() || employee.Grade != grade || employee.Unit != row.Unit.Trim())
                {
                    employee.UpdateProfile(row.Name, grade, row.Unit);
                    changed = true;
                }
            }
            else
            {
                employee = new Employee(Guid.CreateVersion7(), nip, row.Name, grade, row.Unit);
                fresh.Add(employee);
                created++;
            }

            if (row.CurrentPosition is { } held && employee.AssignPosition(held, today))
                changed = true;
            if (row.EmploymentType is { } type && employee.SetEmploymentType(type))
                changed = true;
            foreach (var a in row.Assessments)
            {
                if (employee.Assessments.Any(x => x.IsSameAs(a.CompetencyCode, a.Level, a.AssessedOn, a.Assessor)))
                    continue; // already recorded by an earlier sync
                employee.RecordAssessment(Guid.CreateVersion7(), a.CompetencyCode, a.Level, a.AssessedOn, a.Assessor.Trim(), now);
                assessmentsAdded++;
                changed = true;
            }
            foreach (var r in row.PerformanceRatings)
            {
                if (!employee.RecordPerformanceRating(r.Year, r.Rating, now))
                    continue;
                ratingsRecorded++;
                changed = true;
            }

            if (existing.ContainsKey(nip))
            {
                if (changed)
                    updated++;
                else
                    unchanged++;
            }
            touched.Add(employee.Id);
        }

        // Created in bulk, updated through the tracker; both flushed in the command's one transaction.
        await newEmployees.AddAsync(fresh, cancellationToken);
        audit.Touch([.. touched]);
        ApplicationTelemetry.ImportedRows.Add(created, new KeyValuePair<string, object?>("outcome", "created"));
        ApplicationTelemetry.ImportedRows.Add(updated, new KeyValuePair<string, object?>("outcome", "updated"));
        ApplicationTelemetry.ImportedRows.Add(unchanged, new KeyValuePair<string, object?>("outcome", "unchanged"));
        return new ImportSummaryDto(rows.Count, created, updated, unchanged, assessmentsAdded, ratingsRecorded);
    }

    /// <summary>An unknown competency code is reported on each row and assessment that uses it.</summary>
    private async Task<List<ValidationFailure>> UnknownCompetenciesAsync(IReadOnlyList<EmployeeImport> rows, CancellationToken cancellationToken)
    {
        var unknown = await db.UnknownCompetencyCodesAsync(rows.SelectMany(r => r.Assessments).Select(a => a.CompetencyCode),
            cancellationToken);
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < rows.Count; i++)
        {
            var assessments = rows[i].Assessments;
            for (var j = 0; j < assessments.Count; j++)
                if (unknown.Contains(assessments[j].CompetencyCode))
                    failures.Add(new ValidationFailure($"employees[{i}].assessments[{j}].competencyCode",
                        CompetencyDictionary.NotInDictionary(assessments[j].CompetencyCode)));
        }
        return failures;
    }

    /// <summary>Each row that names a position no one registered.</summary>
    private async Task<List<ValidationFailure>> UnknownPositionsAsync(IReadOnlyList<EmployeeImport> rows, CancellationToken cancellationToken)
    {
        var named = rows.Where(r => r.CurrentPosition is not null).Select(r => r.CurrentPosition!.PositionId).Distinct().ToList();
        if (named.Count == 0)
            return [];
        var known = (await db.Positions.Where(p => named.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var failures = rows.Select((row, i) => (row, i))
            .Where(r => r.row.CurrentPosition is { } held && !known.Contains(held.PositionId))
            .Select(r => new ValidationFailure($"employees[{r.i}].currentPositionId", $"No position '{r.row.CurrentPosition!.PositionId}' is registered."))
            .ToList();
        return failures;
    }
}
