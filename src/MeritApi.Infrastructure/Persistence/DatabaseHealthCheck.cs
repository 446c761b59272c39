using MeritApi.Infrastructure.Persistence.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Readiness: one <c>SELECT 1</c> on a pooled connection, bounded by the check's timeout, never retried with delays.
/// A dead pooled connection (the server restarted since it was opened) clears the pool and is tried once more on a
/// fresh one, so the first probe after the database returns already reports it healthy.
/// </summary>
public sealed class DatabaseHealthCheck(MeritDbContext db) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                var lost = DatabaseFailures.IsConnectionLoss(ex);
                if (lost)
                    NpgsqlConnection.ClearPool(connection);
                if (!lost || attempt == 2 || cancellationToken.IsCancellationRequested)
                    return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
            }
            finally
            {
                await connection.CloseAsync();
            }
        }
    }
}
