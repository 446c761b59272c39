using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Streams the evidence rows with a data reader on the command's own connection and transaction, keeping only the
/// latest assessment of each competency (by date assessed, then by when it was recorded).
/// </summary>
internal sealed class ScoringEvidenceReader(MeritDbContext db) : IScoringEvidenceReader
{
    public async Task<ScoringEvidence> ReadAsync(Guid selectionId, IReadOnlyCollection<string> competencyCodes, int firstYear,
        int lastYear, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);

        var latest = new Dictionary<Guid, Dictionary<string, (int Level, DateOnly On, DateTime At)>>();
        await using (var assessments = new NpgsqlCommand("""
            SELECT a.employee_id, a.competency_code, a.level, a.assessed_on, a.recorded_at
            FROM competency_assessments a JOIN candidates c ON c.employee_id = a.employee_id
            WHERE c.selection_id = $1 AND a.competency_code = ANY($2)
            """, connection))
        {
            assessments.Parameters.Add(new NpgsqlParameter { Value = selectionId });
            assessments.Parameters.Add(new NpgsqlParameter { Value = competencyCodes.ToArray() });
            await using var reader = await assessments.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var employee = reader.GetGuid(0);
                var code = reader.GetString(1);
                var candidate = (reader.GetInt32(2), reader.GetFieldValue<DateOnly>(3), reader.GetDateTime(4));
                if (!latest.TryGetValue(employee, out var levels))
                    latest[employee] = levels = new Dictionary<string, (int, DateOnly, DateTime)>(competencyCodes.Count, StringComparer.Ordinal);
                if (!levels.TryGetValue(code, out var current) || (candidate.Item2, candidate.Item3).CompareTo((current.On, current.At)) > 0)
                    levels[code] = candidate;
            }
        }

        var ratings = new Dictionary<Guid, IReadOnlyDictionary<int, PerformanceRating>>();
        await using (var query = new NpgsqlCommand("""
            SELECT r.employee_id, r.year, r.rating
            FROM performance_ratings r JOIN candidates c ON c.employee_id = r.employee_id
            WHERE c.selection_id = $1 AND r.year BETWEEN $2 AND $3
            """, connection))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = selectionId });
            query.Parameters.Add(new NpgsqlParameter { Value = firstYear });
            query.Parameters.Add(new NpgsqlParameter { Value = lastYear });
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var employee = reader.GetGuid(0);
                if (!ratings.TryGetValue(employee, out var byYear))
                    ratings[employee] = byYear = new Dictionary<int, PerformanceRating>();
                ((Dictionary<int, PerformanceRating>)byYear)[reader.GetInt32(1)] = Enum.Parse<PerformanceRating>(reader.GetString(2));
            }
        }

        return new ScoringEvidence(
            latest.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, int>)e.Value.ToDictionary(l => l.Key, l => l.Value.Level, StringComparer.Ordinal)),
            ratings);
    }
}
