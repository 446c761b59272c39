using System.Runtime.CompilerServices;
using MeritApi.Application.TalentMapping.Commands.RunTalentMapping;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Two set-based queries: the counted years' SKP ratings of the population, then every employee of it ordered by id with
/// the assessments of the competencies of the position they hold (newest first), turned into one subject per employee as the
/// rows arrive.
/// </summary>
internal sealed class MappingPopulationReader(MeritDbContext db) : IMappingPopulationReader
{
    /// <summary>
    /// The counted years' ratings of the population ($1 the units or NULL for all, $2 the years), of the employees with ids
    /// after $3 and up to $4 (NULL: no bound).
    /// </summary>
    internal const string RatingsSql = """
        SELECT r.employee_id, r.year, r.rating FROM performance_ratings r JOIN employees e ON e.id = r.employee_id
        WHERE r.year = ANY($2) AND ($1::text[] IS NULL OR e.unit = ANY($1))
          AND ($3::uuid IS NULL OR e.id > $3::uuid) AND ($4::uuid IS NULL OR e.id <= $4::uuid)
        """;

    /// <summary>The population with the assessments of its own positions' competencies: also what the benchmark times alone.</summary>
    internal const string EvidenceSql = """
        SELECT e.id, e.unit, e.grade, e.current_position_id, a.competency_code, a.level, a.assessed_on, a.assessor
        FROM employees e
        LEFT JOIN competency_requirements r ON r.position_id = e.current_position_id
        LEFT JOIN competency_assessments a ON a.employee_id = e.id AND a.competency_code = r.competency_code
        WHERE ($1::text[] IS NULL OR e.unit = ANY($1))
          AND ($3::uuid IS NULL OR e.id > $3::uuid) AND ($4::uuid IS NULL OR e.id <= $4::uuid)
        ORDER BY e.id, a.competency_code, a.assessed_on DESC, a.recorded_at DESC
        """;

    /// <summary>Every <c>$2</c>-th id of the population in order: the upper bounds of its batches.</summary>
    internal const string BoundsSql = """
        SELECT id FROM (SELECT e.id, row_number() OVER (ORDER BY e.id) AS n FROM employees e WHERE ($1::text[] IS NULL OR e.unit = ANY($1))) t
        WHERE n % $2 = 0 ORDER BY id
        """;

    /// <summary>Employees per batch: a batch's subjects and placements are what a run holds at once.</summary>
    internal const int BatchSize = 20_000;

    public async IAsyncEnumerable<IReadOnlyList<MappingSubject>> ReadAsync(IReadOnlyList<string> units, IReadOnlyList<int> countedYears,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        string[]? scope = units.Count == 0 ? null : [.. units];

        var bounds = new List<Guid?>();
        await using (var command = new NpgsqlCommand(BoundsSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]?> { TypedValue = scope, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                bounds.Add(reader.GetGuid(0));
        }
        bounds.Add(null); // the rest, after the last bound

        Guid? after = null;
        foreach (var upTo in bounds)
        {
            // Each batch is read whole before it is handed on: the connection is then free for the caller to store it.
            var batch = await ReadBatchAsync(connection, scope, countedYears, after, upTo, cancellationToken);
            if (batch.Count > 0)
                yield return batch;
            after = upTo;
        }
    }

    /// <summary>Both queries take the same four parameters ($2 is typed, so the evidence query may leave it unused).</summary>
    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, string[]? scope, IReadOnlyList<int> countedYears, Guid? after,
        Guid? upTo)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]?> { TypedValue = scope, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. countedYears] });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = after, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = upTo, NpgsqlDbType = NpgsqlDbType.Uuid });
        return command;
    }

    private static async Task<List<MappingSubject>> ReadBatchAsync(NpgsqlConnection connection, string[]? scope, IReadOnlyList<int> countedYears,
        Guid? after, Guid? upTo, CancellationToken cancellationToken)
    {
        var ratings = new Dictionary<Guid, Dictionary<int, PerformanceRating>>();
        await using (var command = Command(RatingsSql, connection, scope, countedYears, after, upTo))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (!ratings.TryGetValue(id, out var byYear))
                    ratings[id] = byYear = [];
                byYear[reader.GetInt32(1)] = Enum.Parse<PerformanceRating>(reader.GetString(2));
            }
        }

        var subjects = new List<MappingSubject>();
        // Codes, units and assessors repeat across the population: one string each, not one per row.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string text) => strings.TryGetValue(text, out var kept) ? kept : strings[text] = text;
        await using var evidence = Command(EvidenceSql, connection, scope, countedYears, after, upTo);
        await using var rows = await evidence.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        MappingSubject? current = null;
        Dictionary<string, IReadOnlyList<AssessmentEvidence>> assessments = [];
        while (await rows.ReadAsync(cancellationToken))
        {
            var id = rows.GetGuid(0);
            if (current?.EmployeeId != id)
            {
                if (current is not null)
                    subjects.Add(current);
                assessments = [];
                current = new MappingSubject(id, Shared(rows.GetString(1)), Grade.Parse(rows.GetString(2)),
                    await rows.IsDBNullAsync(3, cancellationToken) ? null : rows.GetGuid(3), assessments,
                    ratings.TryGetValue(id, out var byYear) ? byYear : []);
            }
            if (await rows.IsDBNullAsync(4, cancellationToken))
                continue;
            var code = Shared(rows.GetString(4));
            var assessment = new AssessmentEvidence(rows.GetInt32(5), rows.GetFieldValue<DateOnly>(6), Shared(rows.GetString(7)));
            if (assessments.TryGetValue(code, out var list))
                ((List<AssessmentEvidence>)list).Add(assessment);
            else
                assessments[code] = new List<AssessmentEvidence> { assessment };
        }
        if (current is not null)
            subjects.Add(current);
        return subjects;
    }
}
