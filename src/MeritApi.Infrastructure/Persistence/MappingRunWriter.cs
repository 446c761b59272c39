using System.Text.Json;
using MeritApi.Application.TalentMapping.Commands.RunTalentMapping;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Each batch's placements and exclusions with binary COPY, then the run row with one INSERT once its counts and digest are
/// final, all on the command's connection and transaction (their foreign keys to the run are checked at commit). JSON in the
/// forms the EF model maps. A racing run with the same number fails on the run row, and the whole run with it.
/// </summary>
internal sealed class MappingRunWriter(MeritDbContext db) : IMappingRunWriter
{
    /// <summary>A run held whole (the demo data): its placements and exclusions, then the run.</summary>
    public async Task AddAsync(TalentMappingRun run, CancellationToken cancellationToken)
    {
        await AddBatchAsync([.. run.Placements.Select(p => new TalentMappingRun.MappingOutcome(p, null)),
            .. run.Exclusions.Select(x => new TalentMappingRun.MappingOutcome(null, x))], cancellationToken);
        await AddRunAsync(run, cancellationToken);
    }

    public async Task AddRunAsync(TalentMappingRun run, CancellationToken cancellationToken)
    {
        EnsureTransaction();
        try
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO talent_mapping_runs (id, sequence, policy_version, reference_date, latest_performance_year, units, mapped_at,
                                                 placed_count, unplaced_count, talent_pool_count, results_digest, seal_scheme)
                VALUES ({run.Id}, {run.Sequence}, {run.PolicyVersion}, {run.ReferenceDate}, {run.LatestPerformanceYear}, {run.Units.ToArray()},
                        {run.MappedAt}, {run.PlacedCount}, {run.UnplacedCount}, {run.TalentPoolCount}, {run.ResultsDigest}, {run.SealScheme})
                """, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.ToConflict(ex) is { } conflict)
        {
            throw conflict;
        }
    }

    public async Task AddBatchAsync(IReadOnlyList<TalentMappingRun.MappingOutcome> outcomes, CancellationToken cancellationToken)
    {
        EnsureTransaction();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY talent_mapping_placements (mapping_run_id, employee_id, unit, position_id, position_code, jpm, jpm_band, performance_score,
                                            total, talent_box, in_talent_pool, rationale, seal)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var p in outcomes.Where(o => o.Placement is not null).Select(o => o.Placement!))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(p.MappingRunId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.EmployeeId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.Unit, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(p.PositionId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.PositionCode, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(p.Jpm, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(p.JpmBand.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(p.PerformanceScore, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(p.Total, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(p.TalentBox, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(p.InTalentPool, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(JsonSerializer.Serialize(p.Rationale, MappingSeal.Json), NpgsqlDbType.Json, cancellationToken);
                await copy.WriteAsync(p.Seal, NpgsqlDbType.Varchar, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY talent_mapping_exclusions (mapping_run_id, employee_id, unit, reasons) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var x in outcomes.Where(o => o.Exclusion is not null).Select(o => o.Exclusion!))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(x.MappingRunId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(x.EmployeeId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(x.Unit, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(JsonSerializer.Serialize(x.Reasons, MappingSeal.Json), NpgsqlDbType.Json, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
    }

    private void EnsureTransaction()
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A mapping run is written inside the command's transaction.");
    }
}
