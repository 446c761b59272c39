using System.Runtime.CompilerServices;
using MeritApi.Application.DevelopmentNeeds;
using MeritApi.Domain.Development;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// One query joins the employees in scope to the standard they are measured against and to their assessments of its
/// competencies, sorted by employee (NIP), competency and recency; a data reader turns each employee's run of rows into one
/// item as it arrives, so neither the rows nor the employees are held at once.
/// </summary>
internal sealed class DevelopmentEvidenceReader(MeritDbContext db) : IDevelopmentEvidenceReader
{
    /// <summary>The query the inventory reads, also what the benchmark times on PostgreSQL alone for its ratio.</summary>
    internal const string Sql = """
        SELECT e.id, e.nip, e.name, e.unit, p.id, p.code, r.competency_code, r.required_level, a.level, a.assessed_on, a.assessor
        FROM employees e
        JOIN positions p ON p.id = COALESCE($3, e.current_position_id)
        JOIN competency_requirements r ON r.position_id = p.id
        LEFT JOIN competency_assessments a ON a.employee_id = e.id AND a.competency_code = r.competency_code
        WHERE ($1::text IS NULL OR e.unit = $1) AND ($2::uuid IS NULL OR e.id = $2)
        ORDER BY e.nip, r.competency_code, a.assessed_on DESC, a.recorded_at DESC
        """;

    public async IAsyncEnumerable<EmployeeStandardEvidence> ReadAsync(DevelopmentScope scope,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = scope.Unit, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = scope.EmployeeId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = scope.TargetPositionId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);

        EmployeeStandardEvidence? current = null;
        List<StandardLineEvidence> lines = [];
        List<AssessmentEvidence>? assessments = null;
        string? line = null;
        int required = 0;

        void CloseLine()
        {
            if (line is not null)
                lines.Add(new StandardLineEvidence(line, required, assessments ?? (IReadOnlyList<AssessmentEvidence>)[]));
            (line, assessments) = (null, null);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var employeeId = reader.GetGuid(0);
            if (current?.EmployeeId != employeeId)
            {
                CloseLine();
                if (current is not null)
                    yield return current with { Standard = lines };
                lines = [];
                current = new EmployeeStandardEvidence(employeeId, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetGuid(4), reader.GetString(5), []);
            }
            var code = reader.GetString(6);
            var level = reader.GetInt32(7);
            if (code != line)
            {
                CloseLine();
                (line, required) = (code, level);
            }
            if (!await reader.IsDBNullAsync(8, cancellationToken))
                (assessments ??= []).Add(new AssessmentEvidence(reader.GetInt32(8), reader.GetFieldValue<DateOnly>(9), reader.GetString(10)));
        }
        CloseLine();
        if (current is not null)
            yield return current with { Standard = lines };
    }
}
