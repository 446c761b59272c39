using System.Buffers;
using System.Text.Json;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Writes the run row with one INSERT and its results with PostgreSQL's binary COPY, on the connection and in the
/// transaction of the current command, so the run is stored whole or not at all. The columns and JSON forms are the
/// ones the EF model maps, so the rows read back exactly as if EF had written them.
/// </summary>
internal sealed class ScoringRunWriter(MeritDbContext db) : IScoringRunWriter
{
    public async Task AddAsync(ScoringRun run, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A scoring run is written inside the command's transaction.");

        // The run row goes first: a second run racing on the same selection takes the same sequence number, waits here on
        // the unique (selection, sequence) index and fails as a 409 once the first commits, before any bulk work is done.
        try
        {
            await WriteAsync(run, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.ToConflict(ex) is { } conflict)
        {
            throw conflict;
        }
    }

    private async Task WriteAsync(ScoringRun run, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO scoring_runs (id, selection_id, sequence, policy_version, minimum_grade, latest_performance_year,
                                      reference_date, scored_at, candidate_count, eligible_count, results_digest, seal_scheme,
                                      near_tie_threshold, weight_sensitivity)
            VALUES ({run.Id}, {run.SelectionId}, {run.Sequence}, {run.PolicyVersion}, {run.MinimumGrade?.ToString()},
                    {run.LatestPerformanceYear}, {run.ReferenceDate}, {run.ScoredAt}, {run.CandidateCount}, {run.EligibleCount}, {run.ResultsDigest},
                    {run.SealScheme}, {run.NearTieThreshold}, {JsonColumn.DocumentText(run.WeightSensitivity)}::json)
            """, cancellationToken);

        // One JSON buffer for every json value of the run; the importer copies each value before the next is written.
        var json = new ArrayBufferWriter<byte>(1024);
        await using var jsonWriter = new Utf8JsonWriter(json);
        ReadOnlyMemory<byte> Json<T>(IReadOnlyList<T> value)
        {
            json.ResetWrittenCount();
            jsonWriter.Reset(json);
            JsonColumn.Write(jsonWriter, value);
            jsonWriter.Flush();
            return json.WrittenMemory;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY candidate_results (scoring_run_id, candidate_id, employee_id, candidate_code, grade, jpm, jpm_band,
                                    competency_gaps, performance_score, performance_years, latest_rating, merit_score, talent_box,
                                    eligible, ineligibility_reasons, rank, rank_decided_by, list_position, seal, gap_to_next_rank,
                                    near_tie)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        // In primary-key order: each row then lands at the right edge of the index instead of at a random page.
        foreach (var r in run.Results.OrderBy(r => r.CandidateId))
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(r.ScoringRunId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(r.CandidateId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(r.EmployeeId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(r.CandidateCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Grade.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Jpm, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(r.JpmBand.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(Json(r.CompetencyGaps), NpgsqlDbType.Json, cancellationToken);
            await copy.WriteAsync(r.PerformanceScore, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(Json(r.PerformanceYears), NpgsqlDbType.Json, cancellationToken);
            await copy.WriteNullableAsync(r.LatestRating?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.MeritScore, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(r.TalentBox, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(r.Eligible, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(Json(r.IneligibilityReasons), NpgsqlDbType.Json, cancellationToken);
            await copy.WriteNullableAsync(r.Rank, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteNullableAsync(r.RankDecidedBy?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.ListPosition, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(r.Seal, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteNullableAsync(r.GapToNextRank, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(r.NearTie, NpgsqlDbType.Boolean, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }
}
