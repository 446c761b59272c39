using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class AuditTrail(MeritDbContext db, TimeProvider clock) : IAuditTrail
{
    /// <summary>Key of the transaction-scoped advisory lock that serialises appenders of the chain.</summary>
    private const long AppendLock = 0x4D65726974417564; // "MeritAud"

    /// <summary>
    /// Appends the next link of the chain. The advisory lock serialises appenders (readers are not blocked) until the
    /// command commits, and under read committed the read after the lock sees the latest committed entry, so two commands
    /// can never chain onto the same predecessor. An advisory lock, not LOCK TABLE: locking a table that strongly needs
    /// UPDATE or DELETE rights on it, which the API's database role does not have on the append-only trail.
    /// The entry is written at once with a plain INSERT, not through the change tracker: the command's effect is already
    /// saved, and the lock is then held only for this INSERT and the commit.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLock})", cancellationToken);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var entry = AuditEntry.Append(last?.Sequence ?? 0, last?.Hash ?? AuditEntry.GenesisHash, record, clock.GetUtcNow());
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (sequence, occurred_at, actor, role, command, touched_ids, request_id, body_digest,
                                       outcome_digest, previous_hash, hash)
            VALUES ({entry.Sequence}, {entry.OccurredAt}, {entry.Actor}, {entry.Role}, {entry.Command}, {entry.TouchedIds.ToArray()},
                    {entry.RequestId}, {entry.BodyDigest}, {entry.OutcomeDigest}, {entry.PreviousHash}, {entry.Hash})
            """, cancellationToken);
        return entry;
    }
}
