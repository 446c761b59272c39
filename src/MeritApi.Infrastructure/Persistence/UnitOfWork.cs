using System.Data;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class UnitOfWork(MeritDbContext db) : IUnitOfWork
{
    /// <summary>
    /// Repeatable read gives a command one consistent snapshot: a scoring run never mixes evidence from
    /// before and after a concurrent write, and a lost update surfaces as a serialization failure (409).
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
