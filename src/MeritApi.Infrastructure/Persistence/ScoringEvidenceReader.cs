using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Streams the candidates and their evidence with data readers on the command's own connection and transaction, into
/// flat arrays indexed by candidate and competency: no entity materialisation, nothing allocated per assessment or rating. Of several
/// assessments of one competency the latest counts (by date assessed, then by when it was recorded).
/// </summary>
internal sealed class ScoringEvidenceReader(MeritDbContext db) : IScoringEvidenceReader
{
    public async Task<IReadOnlyList<ScoringCandidate>> ReadAsync(Guid selectionId, IReadOnlyList<string> competencyCodes, int firstYear,
        int lastYear, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);

        // Each query sees what was committed when it started (read committed), so the evidence queries may also return
        // rows of candidates enrolled after the first one: those are not in this run and are skipped. Such a run is never
        // stored anyway: the enrolment changed the selection, and its concurrency token refuses the run.
        var candidates = await ReadCandidatesAsync(connection, selectionId, cancellationToken);
        var indexOfEmployee = new Dictionary<Guid, int>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
            indexOfEmployee[candidates[i].EmployeeId] = i;

        var levels = await ReadLatestLevelsAsync(connection, selectionId, competencyCodes, indexOfEmployee, cancellationToken);
        var ratings = await ReadRatingsAsync(connection, selectionId, firstYear, lastYear, indexOfEmployee, cancellationToken);

        var k = competencyCodes.Count;
        var scoring = new ScoringCandidate[candidates.Count];
        for (var i = 0; i < scoring.Length; i++)
        {
            var assessed = new Dictionary<string, int>(k, StringComparer.Ordinal);
            for (var j = 0; j < k; j++)
            {
                if (levels[i * k + j].Level is var level and > 0)
                    assessed[competencyCodes[j]] = level;
            }
            var c = candidates[i];
            scoring[i] = new ScoringCandidate(c.CandidateId, c.EmployeeId, c.Code, c.Nip,
                new CandidateEvidence(c.CandidateId, c.Grade, assessed, ratings[i] ?? NoRatings));
        }
        return scoring;
    }

    private static readonly IReadOnlyDictionary<int, PerformanceRating> NoRatings = new Dictionary<int, PerformanceRating>();

    private sealed record CandidateRow(Guid CandidateId, Guid EmployeeId, string Code, Nip Nip, Grade Grade);

    private static async Task<List<CandidateRow>> ReadCandidatesAsync(NpgsqlConnection connection, Guid selectionId,
        CancellationToken cancellationToken)
    {
        var rows = new List<CandidateRow>();
        var grades = new Dictionary<string, Grade>(StringComparer.Ordinal); // a few grades, parsed once each
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.employee_id, c.code, e.nip, e.grade
            FROM candidates c JOIN employees e ON e.id = c.employee_id
            WHERE c.selection_id = $1
            ORDER BY c.number
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = selectionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var gradeText = reader.GetString(4);
            if (!grades.TryGetValue(gradeText, out var grade))
                grades[gradeText] = grade = Grade.Parse(gradeText);
            rows.Add(new CandidateRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), Nip.Parse(reader.GetString(3)), grade));
        }
        return rows;
    }

    private readonly record struct LatestLevel(int Level, DateOnly AssessedOn, DateTime RecordedAt);

    /// <summary>[candidate × competency] → the latest assessment (Level 0 where there is none).</summary>
    private static async Task<LatestLevel[]> ReadLatestLevelsAsync(NpgsqlConnection connection, Guid selectionId,
        IReadOnlyList<string> competencyCodes, Dictionary<Guid, int> indexOfEmployee, CancellationToken cancellationToken)
    {
        var k = competencyCodes.Count;
        var latest = new LatestLevel[indexOfEmployee.Count * k];
        // The competency comes back as its 1-based position in the standard, so no code string is read per row.
        await using var command = new NpgsqlCommand("""
            SELECT a.employee_id, array_position($2, a.competency_code::text), a.level, a.assessed_on, a.recorded_at
            FROM competency_assessments a JOIN candidates c ON c.employee_id = a.employee_id
            WHERE c.selection_id = $1 AND a.competency_code = ANY($2)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = selectionId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. competencyCodes] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!indexOfEmployee.TryGetValue(reader.GetGuid(0), out var index))
                continue; // enrolled after the candidates were read (see ReadAsync)
            var slot = index * k + reader.GetInt32(1) - 1;
            var candidate = new LatestLevel(reader.GetInt32(2), reader.GetFieldValue<DateOnly>(3), reader.GetDateTime(4));
            ref var current = ref latest[slot];
            if (current.Level == 0 || (candidate.AssessedOn, candidate.RecordedAt).CompareTo((current.AssessedOn, current.RecordedAt)) > 0)
                current = candidate;
        }
        return latest;
    }

    /// <summary>Per candidate, the ratings of the counted years (null where there are none).</summary>
    private static async Task<Dictionary<int, PerformanceRating>?[]> ReadRatingsAsync(NpgsqlConnection connection, Guid selectionId,
        int firstYear, int lastYear, Dictionary<Guid, int> indexOfEmployee, CancellationToken cancellationToken)
    {
        var ratings = new Dictionary<int, PerformanceRating>?[indexOfEmployee.Count];
        await using var command = new NpgsqlCommand("""
            SELECT r.employee_id, r.year, r.rating
            FROM performance_ratings r JOIN candidates c ON c.employee_id = r.employee_id
            WHERE c.selection_id = $1 AND r.year BETWEEN $2 AND $3
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = selectionId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = firstYear });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lastYear });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!indexOfEmployee.TryGetValue(reader.GetGuid(0), out var index))
                continue; // enrolled after the candidates were read (see ReadAsync)
            ref var byYear = ref ratings[index];
            byYear ??= new Dictionary<int, PerformanceRating>(lastYear - firstYear + 1);
            byYear[reader.GetInt32(1)] = Enum.Parse<PerformanceRating>(reader.GetString(2));
        }
        return ratings;
    }
}
