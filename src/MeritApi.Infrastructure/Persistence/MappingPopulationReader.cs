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
    /// <summary>The counted years' ratings of the population ($1 the units or NULL for all, $2 the years).</summary>
    internal const string RatingsSql = """
        SELECT r.employee_id, r.year, r.rating FROM performance_ratings r JOIN employees e ON e.id = r.employee_id
        WHERE r.year = ANY($2) AND ($1::text[] IS NULL OR e.unit = ANY($1))
        """;

    /// <summary>The population with the assessments of its own positions' competencies: also what the benchmark times alone.</summary>
    internal const string EvidenceSql = """
        SELECT e.id, e.unit, e.grade, e.current_position_id, a.competency_code, a.level, a.assessed_on, a.assessor
        FROM employees e
        LEFT JOIN competency_requirements r ON r.position_id = e.current_position_id
        LEFT JOIN competency_assessments a ON a.employee_id = e.id AND a.competency_code = r.competency_code
        WHERE ($1::text[] IS NULL OR e.unit = ANY($1))
        ORDER BY e.id, a.competency_code, a.assessed_on DESC, a.recorded_at DESC
        """;

    public async IAsyncEnumerable<MappingSubject> ReadAsync(IReadOnlyList<string> units, IReadOnlyList<int> countedYears,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        string[]? scope = units.Count == 0 ? null : [.. units];

        var ratings = new Dictionary<Guid, Dictionary<int, PerformanceRating>>();
        await using (var command = new NpgsqlCommand(RatingsSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]?> { TypedValue = scope, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. countedYears] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (!ratings.TryGetValue(id, out var byYear))
                    ratings[id] = byYear = [];
                byYear[reader.GetInt32(1)] = Enum.Parse<PerformanceRating>(reader.GetString(2));
            }
        }

        await using var evidence = new NpgsqlCommand(EvidenceSql, connection);
        evidence.Parameters.Add(new NpgsqlParameter<string[]?> { TypedValue = scope, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var rows = await evidence.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        MappingSubject? current = null;
        Dictionary<string, IReadOnlyList<AssessmentEvidence>> assessments = [];
        while (await rows.ReadAsync(cancellationToken))
        {
            var id = rows.GetGuid(0);
            if (current?.EmployeeId != id)
            {
                if (current is not null)
                    yield return current;
                assessments = [];
                current = new MappingSubject(id, rows.GetString(1), Grade.Parse(rows.GetString(2)),
                    await rows.IsDBNullAsync(3, cancellationToken) ? null : rows.GetGuid(3), assessments,
                    ratings.TryGetValue(id, out var byYear) ? byYear : []);
            }
            if (await rows.IsDBNullAsync(4, cancellationToken))
                continue;
            var code = rows.GetString(4);
            var assessment = new AssessmentEvidence(rows.GetInt32(5), rows.GetFieldValue<DateOnly>(6), rows.GetString(7));
            if (assessments.TryGetValue(code, out var list))
                ((List<AssessmentEvidence>)list).Add(assessment);
            else
                assessments[code] = new List<AssessmentEvidence> { assessment };
        }
        if (current is not null)
            yield return current;
    }
}
