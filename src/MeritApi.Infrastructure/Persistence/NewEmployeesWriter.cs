using MeritApi.Application.Employees.Commands.ImportEmployees;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Writes new employees and their evidence with PostgreSQL's binary COPY (one per table, parents first for the foreign
/// keys), on the connection and in the transaction of the current command. The columns and values are the ones the EF
/// model maps (enums and grades by name), so the rows read back exactly as if EF had written them.
/// </summary>
internal sealed class NewEmployeesWriter(MeritDbContext db) : INewEmployeesWriter
{
    public async Task AddAsync(IReadOnlyList<Employee> employees, CancellationToken cancellationToken)
    {
        if (employees.Count == 0)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("New employees are written inside the command's transaction.");
        try
        {
            await WriteAsync(employees, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.ToConflict(ex) is { } conflict)
        {
            throw conflict; // a NIP another import created at the same time: the same 409 as through EF
        }
    }

    private async Task WriteAsync(IReadOnlyList<Employee> employees, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY employees (id, nip, name, grade, unit, current_position_id, in_position_since, employment_type, revision)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var e in employees)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Nip.Value, NpgsqlDbType.Char, ct);
                await copy.WriteAsync(e.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Grade.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Unit, NpgsqlDbType.Varchar, ct);
                await copy.WriteNullableAsync(e.CurrentPositionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteNullableAsync(e.InPositionSince, NpgsqlDbType.Date, ct);
                await copy.WriteNullableAsync(e.EmploymentType?.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Revision, NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY competency_assessments (id, employee_id, competency_code, level, assessed_on, assessor, recorded_at)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var a in employees.SelectMany(e => e.Assessments))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(a.EmployeeId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(a.CompetencyCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(a.Level, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(a.AssessedOn, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(a.Assessor, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(a.RecordedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY performance_ratings (employee_id, year, rating, recorded_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in employees.SelectMany(e => e.PerformanceRatings))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.EmployeeId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Year, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Rating.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.RecordedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }
}
