using System.Data;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Infrastructure.Persistence.Resilience;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class UnitOfWork(MeritDbContext db, AuditLockTimer auditLock) : IUnitOfWork
{
    /// <summary>
    /// Read committed, with optimistic concurrency tokens on the aggregates that two writers can collide on
    /// (a lost update becomes a 409). Not repeatable read: the audit trail's append must see the chain's
    /// latest committed entry after waiting for its lock, which a transaction-wide snapshot would hide.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The whole unit of work runs inside the execution strategy (<see cref="Resilience.MeritExecutionStrategy"/>): when
    /// the connection is refused or lost <em>before</em> the commit, the transaction is gone with it (PostgreSQL never
    /// commits a session's work on its own), so the work is run again from scratch: a fresh transaction, an empty change
    /// tracker (nothing half-done is saved twice) and the handler re-reading everything it needs. Such a retry can never
    /// double an effect.
    /// </para>
    /// <para>
    /// A failure <em>during</em> the commit is different: the COMMIT may have reached the server and landed, and only
    /// its answer was lost. It is not retried here. EF's alternative (a verifySucceeded callback) needs a way to look
    /// the outcome up, i.e. a marker row per transaction, and a database that is reachable again right now, which is
    /// exactly what is in doubt when the connection just broke. Instead it surfaces as
    /// <see cref="CommitOutcomeUnknownException"/> (503 with Retry-After) and the client resolves it with its
    /// Idempotency-Key: the key is stored in the same transaction as the effect, so a retry with the same key replays
    /// the stored answer if the commit landed, and runs the command once if it did not.
    /// </para>
    /// </remarks>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // One owner (the command pipeline's transaction behaviour): a second one inside would commit someone else's work.
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A unit of work does not nest.");

        var attempt = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
                db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            // No savepoint around the one SaveChanges: nothing goes on after a failed save (the whole unit is given up or run
            // again from scratch), so one would only cost two round trips (SAVEPOINT, RELEASE) on every command.
            db.Database.AutoSavepointsEnabled = false;
            T result;
            try
            {
                result = await work(ct);
            }
            catch (Exception ex) when (!DatabaseFailures.ShouldRetry(ex) && ConnectionBroke())
            {
                throw new DatabaseConnectionLostException(ex);
            }
            try
            {
                await transaction.CommitAsync(ct);
            }
            catch (Exception ex) when (!IsRefusedByServer(ex))
            {
                throw new CommitOutcomeUnknownException(ex);
            }
            auditLock.Released(); // by the commit
            return result;
        }, cancellationToken);
    }

    /// <summary>Npgsql marks a connection broken (no longer open) once it has lost its server.</summary>
    private bool ConnectionBroke() => db.Database.GetDbConnection().State != ConnectionState.Open;

    /// <summary>
    /// An ERROR answered to the COMMIT (a deferred constraint, a serialization failure) is definite: the server
    /// processed it and rolled back. A FATAL one (the server is shutting down) or no answer at all leaves the outcome open.
    /// </summary>
    private static bool IsRefusedByServer(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { Severity: "ERROR" };
}
