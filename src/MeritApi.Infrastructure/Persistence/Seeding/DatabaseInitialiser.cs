using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeritApi.Infrastructure.Persistence.Seeding;

/// <summary>Applies the committed migrations and, when asked, loads the demo data set.</summary>
public sealed partial class DatabaseInitialiser(MeritDbContext db, TimeProvider clock, ILogger<DatabaseInitialiser> logger)
{
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(1);

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            LogApplyingMigrations(pending.Count, pending);
        // The request statement limit is for requests: a migration may rewrite a table of millions of results, which
        // takes minutes, and a migration cut off half-way is rolled back only to be tried again at the next start.
        var requestTimeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(MigrationTimeout);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(requestTimeout); // the context goes back to the pool
        }
    }

    /// <summary>Seeds the demo data set once: a database that already has employees is left alone.</summary>
    public async Task SeedDemoDataAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Employees.AnyAsync(cancellationToken))
        {
            LogDemoDataSkipped();
            return;
        }
        var summary = await new DemoDataSet(db, Domain.Common.Timestamps.ToStoredPrecision(clock.GetUtcNow())).SeedAsync(cancellationToken);
        LogDemoDataSeeded(summary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private partial void LogApplyingMigrations(int count, IEnumerable<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: the database already has employees; nothing seeded.")]
    private partial void LogDemoDataSkipped();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Summary}")]
    private partial void LogDemoDataSeeded(string summary);
}
