using MeritApi.Infrastructure;
using MeritApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Testcontainers.PostgreSql;

namespace MeritApi.Testing;

/// <summary>
/// A real, empty PostgreSQL database for one test assembly, migrated with the committed migrations.
/// The server is the one build/test.sh started (MERITAPI_TEST_POSTGRES) or, without it, a Testcontainers
/// PostgreSQL when a Docker engine answers. Each instance creates its own database and drops it afterwards,
/// so test assemblies running side by side never see each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "MERITAPI_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly PostgreSqlContainer? _container;

    private TestDatabase(string adminConnectionString, string name, PostgreSqlContainer? container)
    {
        _adminConnectionString = adminConnectionString;
        _container = container;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        PostgreSqlContainer? container = null;
        var admin = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            try
            {
                container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await container.StartAsync();
            }
            catch (Exception ex)
            {
                if (container is not null)
                    await container.DisposeAsync();
                throw new InvalidOperationException(
                    $"No PostgreSQL for the tests: {ServerVariable} is not set and Docker is not reachable ({ex.Message}). " +
                    "Run the tests with ./build/test.sh, which starts a throwaway PostgreSQL.", ex);
            }
            admin = container.GetConnectionString();
        }

        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var database = new TestDatabase(admin, name, container);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public MeritDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<MeritDbContext>();
        DependencyInjection.Configure(options, ConnectionString);
        return new MeritDbContext(options.Options);
    }

    /// <summary>Runs SQL directly, as an auditor or an attacker with database access would.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        if (_container is not null)
            await _container.DisposeAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
