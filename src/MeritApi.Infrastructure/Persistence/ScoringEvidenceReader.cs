using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Streams the candidates and their evidence with data readers on the command's own connection and transaction, into
/// flat arrays indexed by candidate and competency (or year): no entity materialisation, nothing allocated per assessment
/// or rating, and each candidate's evidence a view of its slice of those arrays. Evidence rows name their candidate by its
/// number in the selection, a small integer that indexes an array, rather than by employee id. Of several assessments of
/// one competency the latest counts (by date assessed, then by when it was recorded).
/// </summary>
internal sealed class ScoringEvidenceReader(MeritDbContext db) : IScoringEvidenceReader
{
    public async Task<IReadOnlyList<ScoringCandidate>> ReadAsync(Guid selectionId, IReadOnlyList<string> competencyCodes,
        IReadOnlyList<int> countedYears, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);

        // Each query sees what was committed when it started (read committed), so the evidence queries may also return
        // rows of candidates enrolled after the first one: those are not in this run and are skipped. Such a run is never
        // stored anyway: the enrolment changed the selection, and its concurrency token refuses the run.
        var candidates = await ReadCandidatesAsync(connection, selectionId, cancellationToken);
        var indexOfNumber = new int[candidates.Count == 0 ? 1 : candidates[^1].Number + 1];
        Array.Fill(indexOfNumber, -1);
        for (var i = 0; i < candidates.Count; i++)
            indexOfNumber[candidates[i].Number] = i;

        string[] codes = [.. competencyCodes];
        var levels = await ReadLatestLevelsAsync(connection, selectionId, codes, indexOfNumber, candidates.Count, cancellationToken);
        int[] years = [.. countedYears];
        var ratings = await ReadRatingsAsync(connection, selectionId, years, indexOfNumber, candidates.Count, cancellationToken);

        var scoring = new ScoringCandidate[candidates.Count];
        for (var i = 0; i < scoring.Length; i++)
        {
            var c = candidates[i];
            scoring[i] = new ScoringCandidate(c.CandidateId, c.EmployeeId, c.Code, new CandidateEvidence(c.CandidateId, c.Grade,
                new EvidenceSlice<string, int>(codes, levels, i * codes.Length),
                new EvidenceSlice<int, PerformanceRating>(years, ratings, i * years.Length)));
        }
        return scoring;
    }

    private sealed record CandidateRow(int Number, Guid CandidateId, Guid EmployeeId, string Code, Grade Grade);

    /// <summary>The candidates in enrolment order (ascending numbers).</summary>
    private static async Task<List<CandidateRow>> ReadCandidatesAsync(NpgsqlConnection connection, Guid selectionId,
        CancellationToken cancellationToken)
    {
        var rows = new List<CandidateRow>();
        var grades = new Dictionary<string, Grade>(StringComparer.Ordinal); // a few grades, parsed once each
        await using var command = new NpgsqlCommand("""
            SELECT c.number, c.id, c.employee_id, c.code, e.grade
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
            rows.Add(new CandidateRow(reader.GetInt32(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), grade));
        }
        return rows;
    }

    /// <summary>The candidate's index for a number, or -1 for a candidate enrolled after the candidates were read.</summary>
    private static int IndexOf(int[] indexOfNumber, int number) => number < indexOfNumber.Length ? indexOfNumber[number] : -1;

    private readonly record struct LatestAssessment(DateOnly AssessedOn, DateTime RecordedAt);

    /// <summary>[candidate × competency] → the level of the latest assessment (0 where there is none).</summary>
    private static async Task<int[]> ReadLatestLevelsAsync(NpgsqlConnection connection, Guid selectionId, string[] codes,
        int[] indexOfNumber, int candidateCount, CancellationToken cancellationToken)
    {
        var k = codes.Length;
        var levels = new int[candidateCount * k];
        var latest = new LatestAssessment[levels.Length]; // only to choose among several assessments of one competency
        // The competency comes back as its 1-based position in the standard, so no code string is read per row.
        await using var command = new NpgsqlCommand("""
            SELECT c.number, array_position($2, a.competency_code::text), a.level, a.assessed_on, a.recorded_at
            FROM competency_assessments a JOIN candidates c ON c.employee_id = a.employee_id
            WHERE c.selection_id = $1 AND a.competency_code = ANY($2)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = selectionId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = codes });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = IndexOf(indexOfNumber, reader.GetInt32(0));
            if (index < 0)
                continue; // enrolled after the candidates were read (see ReadAsync)
            var slot = index * k + reader.GetInt32(1) - 1;
            var assessment = new LatestAssessment(reader.GetFieldValue<DateOnly>(3), reader.GetDateTime(4));
            if (levels[slot] == 0 || (assessment.AssessedOn, assessment.RecordedAt)
                .CompareTo((latest[slot].AssessedOn, latest[slot].RecordedAt)) > 0)
            {
                levels[slot] = reader.GetInt32(2);
                latest[slot] = assessment;
            }
        }
        return levels;
    }

    /// <summary>[candidate × counted year, latest first] → the rating (0 where there is none).</summary>
    private static async Task<PerformanceRating[]> ReadRatingsAsync(NpgsqlConnection connection, Guid selectionId, int[] years,
        int[] indexOfNumber, int candidateCount, CancellationToken cancellationToken)
    {
        var ratings = new PerformanceRating[candidateCount * years.Length];
        var latestYear = years[0];
        await using var command = new NpgsqlCommand("""
            SELECT c.number, r.year, r.rating
            FROM performance_ratings r JOIN candidates c ON c.employee_id = r.employee_id
            WHERE c.selection_id = $1 AND r.year BETWEEN $2 AND $3
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = selectionId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = years[^1] });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = latestYear });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = IndexOf(indexOfNumber, reader.GetInt32(0));
            if (index < 0)
                continue; // enrolled after the candidates were read (see ReadAsync)
            ratings[index * years.Length + latestYear - reader.GetInt32(1)] = Enum.Parse<PerformanceRating>(reader.GetString(2));
        }
        return ratings;
    }
}
