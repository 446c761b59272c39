using System.Data;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class UnitOfWork(MeritDbContext db) : IUnitOfWork
{
    /// <summary>
    /// Read committed, with optimistic concurrency tokens on the aggregates that two writers can collide on
    /// (a lost update becomes a 409). Not repeatable read: the audit trail's append must see the chain's
    /// latest committed entry after waiting for its lock, which a transaction-wide snapshot would hide.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
