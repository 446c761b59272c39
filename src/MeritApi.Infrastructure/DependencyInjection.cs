using MeritApi.Application.Common.Idempotency;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.DevelopmentNeeds;
using MeritApi.Infrastructure.Configuration;
using MeritApi.Infrastructure.Persistence;
using MeritApi.Infrastructure.Persistence.Resilience;
using MeritApi.Infrastructure.Persistence.Seeding;
using MeritApi.Infrastructure.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MeritApi.Infrastructure;

public static class DependencyInjection
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>The connection string of the runtime role the API connects as (ConnectionStrings:MeritDb).</summary>
    public const string RuntimeConnection = "MeritDb";

    /// <summary>The tag of the health checks that decide readiness (the database's).</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Everything the infrastructure needs, from configuration: the runtime connection string, the resilience bounds
    /// (section Database), the idempotency retention (section Idempotency) and the database's readiness check.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(RuntimeConnection);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidConfigurationException(
                $"Connection string 'ConnectionStrings:{RuntimeConnection}' is not configured (environment variable ConnectionStrings__{RuntimeConnection}; " +
                "./build/run.sh sets it for its development database).");
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidConfigurationException($"Connection string 'ConnectionStrings:{RuntimeConnection}' is not a PostgreSQL connection string: {ex.Message}", ex);
        }
        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadinessTag], timeout: DatabaseHealthCheck.Timeout);
        return services.AddInfrastructure(connectionString,
            configuration.GetSection(TransparencyOptions.Section).Get<TransparencyOptions>() ?? new TransparencyOptions(),
            configuration.GetSection("Database").Get<DatabaseResilienceOptions>() ?? new DatabaseResilienceOptions());
    }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString,
        TransparencyOptions transparency, DatabaseResilienceOptions? resilience = null)
    {
        // Built now, so that a missing or malformed signing key stops the start-up rather than the first command.
        services.AddSingleton<ILogSigningKey>(new LogSigningKey(transparency));
        resilience ??= new DatabaseResilienceOptions();
        // The app keeps no session state on a connection (no SET, temporary tables or session-level locks; Npgsql rolls
        // back an open transaction on return anyway), so the reset statements Npgsql would otherwise run each time a
        // pooled connection is reused - once per query of a request - are pure overhead.
        var resilientConnectionString = new NpgsqlConnectionStringBuilder(resilience.Apply(connectionString)) { NoResetOnClose = true }
            .ConnectionString;
        // Pooled: a request leases a context whose services are already resolved, instead of building one (a tenth of a
        // shortlist request's CPU). The context holds no state of its own beyond what EF resets on return.
        services.AddDbContextPool<MeritDbContext>(options => Configure(options, resilientConnectionString, resilience));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<MeritDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddSingleton<IDatabaseFailures, Persistence.Resilience.DatabaseFailureClassifier>();
        services.AddScoped<AuditLockTimer>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IScoringRunWriter, ScoringRunWriter>();
        services.AddScoped<Application.Employees.Commands.ImportEmployees.INewEmployeesWriter, NewEmployeesWriter>();
        services.AddScoped<MeritApi.Application.Selections.Commands.EnrolCandidates.ISelectionLock, SelectionLock>();
        services.AddSingleton<Domain.Placement.IAssignmentSolver, Solvers.OrToolsAssignmentSolver>();
        services.AddScoped<IScoringEvidenceReader, ScoringEvidenceReader>();
        services.AddScoped<IDevelopmentEvidenceReader, DevelopmentEvidenceReader>();
        services.AddScoped<Application.TalentMapping.Commands.RunTalentMapping.IMappingPopulationReader, MappingPopulationReader>();
        services.AddScoped<Application.TalentMapping.Commands.RunTalentMapping.IMappingRunWriter, MappingRunWriter>();
        services.AddScoped<IShortlistReader, ShortlistReader>();
        services.AddScoped<Application.Common.Concurrency.IRowVersions, RowVersions>();
        services.AddScoped<IIdempotencyStore, Persistence.Idempotency.IdempotencyStore>();
        services.AddScoped<DatabaseInitialiser>();
        services.AddHostedService<Persistence.Idempotency.IdempotencyKeyCleanup>();
        return services;
    }

    /// <summary>One place for the provider options, shared by the app and the design-time factory.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString,
        DatabaseResilienceOptions? resilience = null)
    {
        resilience ??= new DatabaseResilienceOptions();
        return options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable(MigrationsHistoryTable)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .ExecutionStrategy(dependencies => new MeritExecutionStrategy(dependencies, resilience.MaxRetryCount, resilience.MaxRetryDelay)))
            .UseSnakeCaseNamingConvention();
    }
}
