using MeritApi.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeritApi.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Removes expired idempotency records on an interval, in small batches so the clean-up never holds many row locks.
/// A record past its expiry is ignored (and removed) on use anyway; this keeps the table from growing with keys nobody
/// retries.
/// </summary>
internal sealed partial class IdempotencyKeyCleanup(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock,
    ILogger<IdempotencyKeyCleanup> logger) : BackgroundService
{
    private const int Batch = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<IIdempotencyStore>();
                int removed, total = 0;
                do
                {
                    removed = await store.DeleteExpiredAsync(clock.GetUtcNow(), Batch, stoppingToken);
                    total += removed;
                }
                while (removed == Batch);
                if (total > 0)
                    LogRemoved(total);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a while; the next tick tries again.
                LogFailed(ex.GetType().Name, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired idempotency record(s)")]
    private partial void LogRemoved(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency clean-up failed ({Exception}: {Reason}); retrying at the next interval")]
    private partial void LogFailed(string exception, string reason);
}
