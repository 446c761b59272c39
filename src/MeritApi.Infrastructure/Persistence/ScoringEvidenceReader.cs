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
/// one competency the latest counts (by date assessed, then by when it was recorded); with an <see cref="AssessmentScreen"/>,
/// the latest that the screen lets count, and the newer ones it refused are kept for the rationale.
/// </summary>
internal sealed class ScoringEvidenceReader(MeritDbContext db) : IScoringEvidenceReader
{
    public async Task<IReadOnlyList<ScoringCandidate>> ReadAsync(Guid selectionId, IReadOnlyList<string> competencyCodes,
        IReadOnlyList<int> countedYears, AssessmentScreen? screen, CancellationToken cancellationToken)
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
        var (levels, dates, passedOver) = await ReadLatestLevelsAsync(connection, selectionId, codes, indexOfNumber, candidates.Count,
            screen, cancellationToken);
        int[] years = [.. countedYears];
        var ratings = await ReadRatingsAsync(connection, selectionId, years, indexOfNumber, candidates.Count, cancellationToken);

        var scoring = new ScoringCandidate[candidates.Count];
        for (var i = 0; i < scoring.Length; i++)
        {
            var c = candidates[i];
            var evidence = new CandidateEvidence(c.CandidateId, c.Grade,
                new EvidenceSlice<string, int>(codes, levels, i * codes.Length),
                new EvidenceSlice<int, PerformanceRating>(years, ratings, i * years.Length));
            if (screen is not null)
            {
                evidence = evidence with
                {
                    CountedAssessmentDates = new EvidenceSlice<string, DateOnly>(codes, dates, i * codes.Length),
                    PassedOver = passedOver.GetValueOrDefault(i),
                };
            }
            scoring[i] = new ScoringCandidate(c.CandidateId, c.EmployeeId, c.Code, evidence);
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

    /// <summary>The order "latest" means: by date assessed, then by when it was recorded.</summary>
    private readonly record struct Recency(DateOnly AssessedOn, DateTime RecordedAt) : IComparable<Recency>
    {
        public int CompareTo(Recency other) => (AssessedOn, RecordedAt).CompareTo((other.AssessedOn, other.RecordedAt));
    }

    /// <summary>
    /// [candidate × competency] → the level (0 where none counts) and date of the latest assessment that counts; with a screen,
    /// also each candidate's refused assessments newer than the counted one, newest first, by candidate index (only those
    /// that have any: most candidates have none).
    /// </summary>
    private static async Task<(int[] Levels, DateOnly[] Dates, Dictionary<int, Dictionary<string, IReadOnlyList<PassedOverAssessment>>> PassedOver)>
        ReadLatestLevelsAsync(NpgsqlConnection connection, Guid selectionId, string[] codes, int[] indexOfNumber, int candidateCount,
            AssessmentScreen? screen, CancellationToken cancellationToken)
    {
        var k = codes.Length;
        var levels = new int[candidateCount * k];
        var dates = new DateOnly[levels.Length];
        var latest = new Recency[levels.Length]; // only to choose among several assessments of one competency
        Dictionary<int, List<(PassedOverAssessment Assessment, Recency Recency)>>? refused = null; // by slot
        // The competency comes back as its 1-based position in the standard, so no code string is read per row; the assessor
        // only when a screen judges it.
        await using var command = new NpgsqlCommand($"""
            SELECT c.number, array_position($2, a.competency_code::text), a.level, a.assessed_on, a.recorded_at{(screen is null ? "" : ", a.assessor")}
            FROM competency_assessments a JOIN candidates c ON c.employee_id = a.employee_id
            WHERE c.selection_id = $1 AND a.competency_code = ANY($2)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = selectionId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = codes });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = IndexOf(indexOfNumber, reader.GetInt32(0));
            if (index < 0)
                continue; // enrolled after the candidates were read (see ReadAsync)
            var slot = index * k + reader.GetInt32(1) - 1;
            var level = reader.GetInt32(2);
            var recency = new Recency(reader.GetFieldValue<DateOnly>(3), reader.GetDateTime(4));
            if (screen is not null)
            {
                var assessor = reader.GetString(5);
                if (screen.RefusalOf(new AssessmentEvidence(level, recency.AssessedOn, assessor)) is { } refusal)
                {
                    refused ??= [];
                    if (!refused.TryGetValue(slot, out var list))
                        refused[slot] = list = [];
                    list.Add((new PassedOverAssessment(level, recency.AssessedOn, assessor, refusal), recency));
                    continue;
                }
            }
            if (levels[slot] == 0 || recency.CompareTo(latest[slot]) > 0)
            {
                levels[slot] = level;
                dates[slot] = recency.AssessedOn;
                latest[slot] = recency;
            }
        }

        var passedOver = new Dictionary<int, Dictionary<string, IReadOnlyList<PassedOverAssessment>>>();
        foreach (var (slot, list) in refused ?? [])
        {
            // Only the refused assessments newer than the one that counts were passed over; older ones never mattered.
            PassedOverAssessment[] newer = [.. list
                .Where(r => levels[slot] == 0 || r.Recency.CompareTo(latest[slot]) > 0)
                .OrderByDescending(r => r.Recency)
                .Select(r => r.Assessment)];
            if (newer.Length == 0)
                continue;
            var index = slot / k;
            if (!passedOver.TryGetValue(index, out var byCode))
                passedOver[index] = byCode = new Dictionary<string, IReadOnlyList<PassedOverAssessment>>(StringComparer.Ordinal);
            byCode[codes[slot % k]] = newer;
        }
        return (levels, dates, passedOver);
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
