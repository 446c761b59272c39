using MeritApi.Application.Common.Interfaces;
using MeritApi.Infrastructure.Persistence.Resilience;
using MeritApi.Infrastructure.Persistence.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence.Seeding;

/// <summary>Checks the API's database role at start-up and, when asked, loads the demo data set.</summary>
public sealed partial class DatabaseInitialiser(MeritDbContext db, IAuditTrail audit, TimeProvider clock, ILogger<DatabaseInitialiser> logger)
{
    /// <summary>
    /// What the API's own role may do beyond its runtime rights (superuser, owner, UPDATE on the audit trail…), or nothing.
    /// An unreachable database is not a finding: readiness reports it, and the check runs again at the next start.
    /// </summary>
    public async Task<IReadOnlyList<string>> ExcessPrivilegesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return await DatabaseRoles.ExcessPrivilegesAsync(connection, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            LogRoleNotChecked(ex.GetType().Name, ex.Message);
            return [];
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
        // One transaction: the data and the log entries that record it are committed together or not at all.
        var summary = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var seeded = await new DemoDataSet(db, audit, Domain.Common.Timestamps.ToStoredPrecision(clock.GetUtcNow())).SeedAsync(ct);
            await transaction.CommitAsync(ct);
            return seeded;
        }, cancellationToken);
        LogDemoDataSeeded(summary);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the database role's privileges ({Exception}: {Reason})")]
    private partial void LogRoleNotChecked(string exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: the database already has employees; nothing seeded.")]
    private partial void LogDemoDataSkipped();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Summary}")]
    private partial void LogDemoDataSeeded(string summary);
}
