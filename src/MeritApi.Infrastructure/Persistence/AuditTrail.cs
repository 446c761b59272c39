using MeritApi.Application.Audit;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Transparency;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class AuditTrail(MeritDbContext db, TimeProvider clock, ILogSigningKey signingKey) : IAuditTrail
{
    /// <summary>Key of the transaction-scoped advisory lock that serialises appenders of the chain.</summary>
    private const long AppendLock = 0x4D65726974417564; // "MeritAud"

    /// <summary>
    /// Appends the next link of the chain and signs the log's new checkpoint. The advisory lock serialises appenders (readers
    /// are not blocked) until the command commits, and under read committed the read after the lock sees the latest
    /// committed entry, so two commands can never chain onto the same predecessor. An advisory lock, not LOCK TABLE: locking
    /// a table that strongly needs UPDATE or DELETE rights on it, which the API's database role does not have on the
    /// append-only trail. The entry and its checkpoint are written at once with plain INSERTs, not through the change
    /// tracker: the command's effect is already saved, and the lock is then held only for these and the commit.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLock})", cancellationToken);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var entry = AuditEntry.Append(last?.Sequence ?? 0, last?.Hash ?? AuditEntry.GenesisHash, record, now);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (sequence, occurred_at, actor, role, command, touched_ids, request_id, body_digest,
                                       outcome_digest, previous_hash, hash, scheme)
            VALUES ({entry.Sequence}, {entry.OccurredAt}, {entry.Actor}, {entry.Role}, {entry.Command}, {entry.TouchedIds.ToArray()},
                    {entry.RequestId}, {entry.BodyDigest}, {entry.OutcomeDigest}, {entry.PreviousHash}, {entry.Hash}, {entry.Scheme})
            """, cancellationToken);

        var frontier = await FrontierBeforeAsync(entry.Sequence, cancellationToken);
        frontier.Append(entry.LeafHash());
        var checkpoint = signingKey.Sign(frontier, now);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_checkpoints (tree_size, root_hash, issued_at, origin, key_id, signature, frontier)
            VALUES ({checkpoint.TreeSize}, {checkpoint.RootHash}, {checkpoint.IssuedAt}, {checkpoint.Origin}, {checkpoint.KeyId},
                    {checkpoint.Signature}, {checkpoint.Frontier})
            """, cancellationToken);
        return entry;
    }

    /// <summary>
    /// The tree of the entries before <paramref name="sequence"/>: the latest checkpoint's frontier when it is of exactly
    /// that size (every append after the first), else rebuilt from the entries once (a log older than its checkpoints).
    /// </summary>
    private async Task<MerkleFrontier> FrontierBeforeAsync(long sequence, CancellationToken cancellationToken)
    {
        var latest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.TreeSize >= sequence)
            throw new AuditLogInconsistentException(
                $"The audit log has {sequence - 1} entries but its latest signed checkpoint covers {latest.TreeSize}: entries were " +
                "removed. Refusing to extend a log that was cut short; verify it (GET /api/v1/audit/verification).");
        if (latest is not null && latest.TreeSize == sequence - 1)
            return latest.ResumeFrontier();

        var frontier = new MerkleFrontier();
        await foreach (var entry in db.EntriesAsync(sequence - 1, cancellationToken))
            frontier.Append(entry.LeafHash());
        return frontier;
    }
}
