using MeritApi.Application.Audit;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Transparency;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class AuditTrail(MeritDbContext db, TimeProvider clock, ILogSigningKey signingKey, AuditLockTimer lockTimer) : IAuditTrail
{
    /// <summary>Key of the transaction-scoped advisory lock that serialises appenders of the chain.</summary>
    private const long AppendLock = 0x4D65726974417564; // "MeritAud"

    /// <summary>
    /// Appends the next link of the chain and signs the log's new checkpoint. The advisory lock serialises appenders (readers
    /// are not blocked) until the command commits: every command queues on it, so it is held for as few round trips as
    /// can be. The first batch takes the lock, then reads the latest entry and checkpoint; under read committed each
    /// statement of a batch takes its own snapshot when it starts, so the reads after the lock see the entry the previous
    /// holder committed, and two commands can never chain onto the same predecessor. The second batch writes the entry
    /// and its checkpoint with plain INSERTs (not through the change tracker: the command's effect is already saved). The
    /// lock is then held for those two round trips and the commit. An advisory lock, not LOCK TABLE: locking a table that
    /// strongly needs UPDATE or DELETE rights on it, which the API's database role does not have on the append-only trail.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        const string purpose = "The audit trail's append";
        long lastSequence = 0, checkpointSize = -1;
        var lastHash = AuditEntry.GenesisHash;
        byte[] checkpointFrontier = [];
        await using (var read = CommandBatch.InTransaction(db, purpose,
                         CommandBatch.Command($"SELECT pg_advisory_xact_lock({AppendLock})"),
                         CommandBatch.Command("SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1"),
                         CommandBatch.Command("SELECT tree_size, frontier FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1")))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            lockTimer.Granted();
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                (lastSequence, lastHash) = (reader.GetInt64(0), reader.GetString(1));
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                (checkpointSize, checkpointFrontier) = (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }

        var now = clock.GetUtcNow();
        var entry = AuditEntry.Append(lastSequence, lastHash, record, now);
        var frontier = await FrontierBeforeAsync(entry.Sequence, checkpointSize, checkpointFrontier, cancellationToken);
        frontier.Append(entry.LeafHash());
        var checkpoint = signingKey.Sign(frontier, now);

        await using var write = CommandBatch.InTransaction(db, purpose,
            CommandBatch.Command("""
                INSERT INTO audit_entries (sequence, occurred_at, actor, role, command, touched_ids, request_id, body_digest,
                                           outcome_digest, previous_hash, hash, scheme)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                """, entry.Sequence, entry.OccurredAt, entry.Actor, entry.Role, entry.Command, entry.TouchedIds.ToArray(), entry.RequestId,
                entry.BodyDigest, entry.OutcomeDigest, entry.PreviousHash, entry.Hash, entry.Scheme),
            CommandBatch.Command("""
                INSERT INTO audit_checkpoints (tree_size, root_hash, issued_at, origin, key_id, signature, frontier)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, checkpoint.TreeSize, checkpoint.RootHash, checkpoint.IssuedAt, checkpoint.Origin, checkpoint.KeyId, checkpoint.Signature,
                checkpoint.Frontier));
        await write.ExecuteNonQueryAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// The tree of the entries before <paramref name="sequence"/>: the latest checkpoint's frontier when it is of exactly
    /// that size (every append after the first), else rebuilt from the entries once (a log older than its checkpoints).
    /// A checkpoint size of -1 means there is none.
    /// </summary>
    private async Task<MerkleFrontier> FrontierBeforeAsync(long sequence, long checkpointSize, byte[] checkpointFrontier,
        CancellationToken cancellationToken)
    {
        if (checkpointSize >= sequence)
            throw new AuditLogInconsistentException(
                $"The audit log has {sequence - 1} entries but its latest signed checkpoint covers {checkpointSize}: entries were " +
                "removed. Refusing to extend a log that was cut short; verify it (GET /api/v1/audit/verification).");
        if (checkpointSize == sequence - 1)
            return SignedCheckpoint.ResumeFrontier(checkpointSize, checkpointFrontier);

        var frontier = new MerkleFrontier();
        await foreach (var entry in db.EntriesAsync(sequence - 1, cancellationToken))
            frontier.Append(entry.LeafHash());
        return frontier;
    }
}
