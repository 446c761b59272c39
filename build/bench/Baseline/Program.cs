using Npgsql;

// Baseline for build/bench.sh: what a request costs with nothing but Kestrel, minimal APIs, Npgsql and System.Text.Json
// (camelCase by default). It answers GET /api/v1/selections/{id}/shortlist?top=N from the same tables as the API (the
// latest scoring run of the selection, then its ranked results, one page of 50), and POST
// /bench/employees/{id}/competency-assessments: the API's assessment command reduced to its insert plus an append to a
// plain log table (bench_log, made by the bench), in one transaction.
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("MeritDb")
                       ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:MeritDb' is not configured.");
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));

var app = builder.Build();

app.MapGet("/health", () => "ok");
app.MapGet("/api/v1/selections/{id:guid}/shortlist", async (Guid id, int? top, NpgsqlDataSource db, CancellationToken ct) =>
{
    await using var connection = await db.OpenConnectionAsync(ct);

    Guid runId;
    await using (var latest = new NpgsqlCommand(
                     "SELECT id FROM scoring_runs WHERE selection_id = $1 ORDER BY sequence DESC LIMIT 1", connection))
    {
        latest.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        if (await latest.ExecuteScalarAsync(ct) is not Guid found)
            return Results.NotFound();
        runId = found;
    }

    var candidates = new List<ShortlistEntry>(50);
    await using (var results = new NpgsqlCommand(
                     "SELECT rank, candidate_id, candidate_code, jpm, jpm_band, performance_score, merit_score, talent_box, eligible " +
                     "FROM candidate_results WHERE scoring_run_id = $1 AND rank IS NOT NULL AND rank <= $2 " +
                     "ORDER BY rank, list_position LIMIT 50", connection))
    {
        results.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = runId });
        results.Parameters.Add(new NpgsqlParameter<int> { TypedValue = top ?? int.MaxValue });
        await using var reader = await results.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Blind, as the API's page before the reveal: no NIP digit, no name.
            candidates.Add(new ShortlistEntry(reader.GetInt32(0), reader.GetGuid(1), reader.GetString(2), null, null,
                reader.GetDecimal(3), reader.GetString(4), reader.GetDecimal(5), reader.GetDecimal(6), reader.GetInt32(7),
                reader.GetBoolean(8)));
        }
    }

    return Results.Ok(new Shortlist(id, runId, top, candidates));
});

app.MapPost("/bench/employees/{id:guid}/competency-assessments", async (Guid id, Assessment body, NpgsqlDataSource db, CancellationToken ct) =>
{
    await using var connection = await db.OpenConnectionAsync(ct);
    await using var transaction = await connection.BeginTransactionAsync(ct);
    var assessmentId = Guid.CreateVersion7();
    await using (var insert = new NpgsqlCommand(
                     "INSERT INTO competency_assessments (id, employee_id, competency_code, level, assessed_on, assessor, recorded_at) " +
                     "VALUES ($1, $2, $3, $4, $5, $6, now())", connection, transaction))
    {
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = assessmentId });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.CompetencyCode });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.Level });
        insert.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = body.AssessedOn });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.Assessor });
        await insert.ExecuteNonQueryAsync(ct);
    }
    await using (var log = new NpgsqlCommand("INSERT INTO bench_log (entry) VALUES ($1)", connection, transaction))
    {
        log.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"assessment {assessmentId} of {id}" });
        await log.ExecuteNonQueryAsync(ct);
    }
    await transaction.CommitAsync(ct);
    return Results.Created($"/api/v1/employees/{id}/competency-assessments/{assessmentId}", new { id = assessmentId });
});

await app.RunAsync();

internal sealed record Assessment(string CompetencyCode, int Level, DateOnly AssessedOn, string Assessor);

internal sealed record Shortlist(Guid SelectionId, Guid ScoringRunId, int? Top, IReadOnlyList<ShortlistEntry> Candidates);

internal sealed record ShortlistEntry(
    int Rank, Guid CandidateId, string CandidateCode, string? Nip, string? Name, decimal Jpm, string JpmBand,
    decimal PerformanceScore, decimal MeritScore, int TalentBox, bool Eligible);
