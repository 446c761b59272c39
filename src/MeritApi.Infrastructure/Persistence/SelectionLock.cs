using MeritApi.Application.Selections.Commands.EnrolCandidates;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class SelectionLock(MeritDbContext db) : ISelectionLock
{
    // FOR NO KEY UPDATE: what the counter's own UPDATE takes, so readers and the candidates' foreign-key checks are not held up.
    public async Task<bool> LockAsync(Guid selectionId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM selections WHERE id = {selectionId} FOR NO KEY UPDATE")
            .ToListAsync(cancellationToken) is [_];
}
