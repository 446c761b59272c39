using MeritApi.Infrastructure;
using MeritApi.Infrastructure.Configuration;
using MeritApi.Infrastructure.Persistence.Roles;
using MeritApi.Infrastructure.Persistence.Seeding;

namespace MeritApi.Api.Hosting;

/// <summary>
/// The database side of start-up. Migrations are a separate step, `MeritApi.Api migrate` (run.sh, soak.sh, bench.sh and
/// docker-compose run it before the API starts; the tests call the same migrator), through the owner's connection string
/// (ConnectionStrings:MeritDbOwner);
/// the API connects as the runtime role (ConnectionStrings:MeritDb), which it checks owns nothing and cannot rewrite the
/// append-only tables.
/// </summary>
public static partial class DatabaseSetup
{
    public const string MigrateCommand = "migrate";
    public const string RuntimeConnection = DependencyInjection.RuntimeConnection;
    public const string OwnerConnection = "MeritDbOwner";

    /// <summary>`migrate`: apply the migrations as the owner and grant the runtime role; the process then exits.</summary>
    public static async Task<int> MigrateAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        var owner = configuration.GetConnectionString(OwnerConnection);
        if (string.IsNullOrWhiteSpace(owner))
        {
            LogNoOwnerConnection(logger, OwnerConnection);
            return 2;
        }
        var runtimeRole = configuration["Database:RuntimeRole"] ?? DatabaseMigrator.RoleOf(configuration.GetConnectionString(RuntimeConnection));
        await DatabaseMigrator.MigrateAsync(owner, runtimeRole ?? string.Empty, logger, cancellationToken);
        return 0;
    }

    /// <summary>
    /// Before serving: in Development only, migrate when asked (through the owner's connection); refuse to serve through a
    /// role with more than its runtime rights unless Database:AllowPrivilegedRole says so; seed the demo data when asked.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        var configuration = app.Configuration;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup).FullName!);
        if (configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            if (!app.Environment.IsDevelopment())
                throw new InvalidConfigurationException(
                    $"Database:MigrateOnStartup is for Development only; run `MeritApi.Api {MigrateCommand}` with the owner's connection string as a separate step.");
            if (await MigrateAsync(configuration, logger) != 0)
                throw new InvalidConfigurationException($"Database:MigrateOnStartup needs ConnectionStrings:{OwnerConnection}.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var initialiser = scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>();
        var excess = await initialiser.ExcessPrivilegesAsync();
        if (excess.Count > 0)
        {
            var finding = string.Join("; ", excess);
            if (!configuration.GetValue<bool>("Database:AllowPrivilegedRole"))
                throw new InvalidConfigurationException(
                    $"The API's database role {finding}. Connect as the runtime role (see README, 'Database roles'), or set " +
                    "Database:AllowPrivilegedRole=true to accept the risk.");
            LogPrivilegedRoleAllowed(logger, finding);
        }
        if (configuration.GetValue<bool>("DemoData:Seed"))
            await initialiser.SeedDemoDataAsync();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "migrate: ConnectionStrings:{Owner} (the owner role's connection string) is not configured.")]
    private static partial void LogNoOwnerConnection(ILogger logger, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API's database role {Finding}; allowed by Database:AllowPrivilegedRole.")]
    private static partial void LogPrivilegedRoleAllowed(ILogger logger, string finding);
}
