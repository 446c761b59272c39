using MeritApi.Application.Common.Interfaces;
using MeritApi.Infrastructure.Persistence;
using MeritApi.Infrastructure.Persistence.Resilience;
using MeritApi.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeritApi.Infrastructure;

public static class DependencyInjection
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString,
        DatabaseResilienceOptions? resilience = null)
    {
        resilience ??= new DatabaseResilienceOptions();
        var resilientConnectionString = resilience.Apply(connectionString);
        services.AddDbContext<MeritDbContext>(options => Configure(options, resilientConnectionString, resilience));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<MeritDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IScoringRunWriter, ScoringRunWriter>();
        services.AddScoped<IScoringEvidenceReader, ScoringEvidenceReader>();
        services.AddScoped<IIdempotencyStore, Persistence.Idempotency.IdempotencyStore>();
        services.AddScoped<DatabaseInitialiser>();
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
