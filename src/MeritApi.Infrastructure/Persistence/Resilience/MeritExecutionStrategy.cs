using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence.Resilience;

/// <summary>
/// EF Core's retrying execution strategy with our notion of a transient failure (<see cref="DatabaseFailures.ShouldRetry"/>).
/// Reads outside a transaction are retried one by one by EF; a command's unit of work is retried as a whole by
/// <see cref="UnitOfWork"/>, which runs it inside this strategy.
/// </summary>
internal sealed class MeritExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : ExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay)
{
    protected override bool ShouldRetryOn(Exception exception) => DatabaseFailures.ShouldRetry(exception);

    /// <summary>
    /// Npgsql does not test a pooled connection before handing it out, so after a server restart every idle
    /// connection in the pool is dead and would fail one attempt each. A lost connection clears the pool, so the
    /// retry (and every request after it) opens a fresh connection.
    /// </summary>
    protected override void OnRetry()
    {
        if (ExceptionsEncountered.Count > 0 && DatabaseFailures.IsConnectionLoss(ExceptionsEncountered[^1]) &&
            Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
        base.OnRetry();
    }
}
