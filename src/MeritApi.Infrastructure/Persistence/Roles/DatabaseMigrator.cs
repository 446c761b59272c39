using MeritApi.Infrastructure.Persistence.Migrations.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence.Roles;

/// <summary>
/// The separate migration step: applies the committed EF migrations as the owner role, then grants the runtime role
/// exactly its rights (<see cref="DatabaseRoles.GrantsFor"/>). The API itself never migrates outside Development, and even
/// there only through the owner's connection string.
/// </summary>
public static partial class DatabaseMigrator
{
    // The request statement limit is for requests: a migration may rewrite a table of millions of results, which takes
    // minutes, and a migration cut off half-way is rolled back only to be tried again at the next attempt.
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(1);

    public static async Task MigrateAsync(string ownerConnectionString, string runtimeRole, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(runtimeRole))
            throw new InvalidOperationException("The runtime role to grant is not known: set Database:RuntimeRole or a Username in ConnectionStrings:MeritDb.");
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        if (string.Equals(owner.Username, runtimeRole, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"The owner role and the runtime role are both '{runtimeRole}'; the API must connect as a role that owns nothing.");

        await BridgeDevelopmentHistoryAsync(ownerConnectionString, cancellationToken);

        var options = new DbContextOptionsBuilder<MeritDbContext>();
        DependencyInjection.Configure(options, ownerConnectionString);
        await using (var db = new MeritDbContext(options.Options))
        {
            db.Database.SetCommandTimeout(MigrationTimeout);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                LogApplyingMigrations(logger, pending.Count, owner.Username ?? "?", pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var grants = new NpgsqlCommand(DatabaseRoles.GrantsFor(runtimeRole), connection);
        await grants.ExecuteNonQueryAsync(cancellationToken);
        LogGranted(logger, runtimeRole);
    }

    /// <summary>
    /// A database made by the development history of migrations, squashed before the first release, is carried over to the
    /// squashed migration first (Persistence/Migrations/Sql/bridge_development_history.sql says exactly what it does).
    /// </summary>
    private static async Task BridgeDevelopmentHistoryAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var bridge = new NpgsqlCommand(MigrationSql.Read("bridge_development_history.sql"), connection);
        await bridge.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The role a connection string logs in as.</summary>
    public static string? RoleOf(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString) ? null : new NpgsqlConnectionStringBuilder(connectionString).Username;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) as {Owner}: {Migrations}")]
    private static partial void LogApplyingMigrations(ILogger logger, int count, string owner, IEnumerable<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Runtime role {Role}: rows only, INSERT and SELECT on the append-only tables")]
    private static partial void LogGranted(ILogger logger, string role);
}
