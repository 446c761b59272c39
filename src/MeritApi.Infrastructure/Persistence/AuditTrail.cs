using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class AuditTrail(MeritDbContext db, TimeProvider clock) : IAuditTrail
{
    /// <summary>
    /// Appends the next link of the chain. The table lock serialises appenders (readers are not blocked) until
    /// the command commits, and under read committed the read after the lock sees the latest committed entry,
    /// so two commands can never chain onto the same predecessor.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE audit_entries IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var entry = AuditEntry.Append(last?.Sequence ?? 0, last?.Hash ?? AuditEntry.GenesisHash, record, clock.GetUtcNow());
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }
}
