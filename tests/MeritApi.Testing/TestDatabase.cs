using MeritApi.Infrastructure;
using MeritApi.Infrastructure.Persistence;
using MeritApi.Infrastructure.Persistence.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Testcontainers.PostgreSql;

namespace MeritApi.Testing;

/// <summary>
/// A real, empty PostgreSQL database for one test assembly (or one test's own host), set up as production is: an owner
/// role that owns the schema and ran the committed migrations, and a runtime role, which is what <see cref="ConnectionString"/>
/// logs in as (the API's connection) and which may only read and add rows to the append-only tables. The server is the one
/// build/test.sh started (MERITAPI_TEST_POSTGRES) or, without it, a Testcontainers PostgreSQL when a Docker engine answers.
/// Each instance creates its own database and roles and drops them afterwards, so test assemblies running side by side
/// never see each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "MERITAPI_TEST_POSTGRES";
    private const string Password = "meritapi-test";

    private readonly PostgreSqlContainer? _container;

    private TestDatabase(string adminConnectionString, string name, PostgreSqlContainer? container)
    {
        _container = container;
        Name = name;
        OwnerRole = $"{name}_owner";
        RuntimeRole = $"{name}_app";
        var server = new NpgsqlConnectionStringBuilder(adminConnectionString);
        ServerConnectionString = server.ConnectionString;
        AdminConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        OwnerConnectionString = As(server, OwnerRole, name);
        ConnectionString = As(server, RuntimeRole, name);
    }

    public string Name { get; }
    public string OwnerRole { get; }
    public string RuntimeRole { get; }

    /// <summary>The runtime role: what the API connects as.</summary>
    public string ConnectionString { get; }

    /// <summary>The owner role, which runs the migrations.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>The server's superuser on this database: an operator, or an attacker with full database access.</summary>
    public string AdminConnectionString { get; }

    private string ServerConnectionString { get; }

    /// <param name="prefix">The start of the database's name.</param>
    /// <param name="migrate">False for an empty database (the roles are set up, nothing is migrated).</param>
    public static async Task<TestDatabase> CreateAsync(string prefix, bool migrate = true)
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

        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 50)];
        var database = new TestDatabase(admin, name, container);
        // The roles as a deployment sets them up (README, "Database roles"): neither is a superuser; the owner owns the
        // database (so the schema and everything the migrations create), the runtime role may only connect to it.
        await ExecuteAsync(database.ServerConnectionString, $"""
            CREATE ROLE "{database.OwnerRole}" LOGIN PASSWORD '{Password}';
            CREATE ROLE "{database.RuntimeRole}" LOGIN PASSWORD '{Password}';
            """);
        await ExecuteAsync(database.ServerConnectionString, $"CREATE DATABASE \"{name}\" OWNER \"{database.OwnerRole}\"");
        await ExecuteAsync(database.ServerConnectionString, $"""
            REVOKE ALL ON DATABASE "{name}" FROM PUBLIC;
            GRANT CONNECT ON DATABASE "{name}" TO "{database.RuntimeRole}";
            """);
        // PostgreSQL 15 leaves CREATE on the public schema to its owner only; older servers granted it to everyone.
        await ExecuteAsync(database.AdminConnectionString, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        if (migrate)
            await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.RuntimeRole, NullLogger.Instance);
        return database;
    }

    /// <summary>A context on the runtime role's connection.</summary>
    public MeritDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<MeritDbContext>();
        DependencyInjection.Configure(options, ConnectionString);
        return new MeritDbContext(options.Options);
    }

    /// <summary>Runs SQL as the API's runtime role.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    /// <summary>Runs SQL as the owner of the tables, as the migration step does.</summary>
    public Task ExecuteAsOwnerAsync(string sql) => ExecuteAsync(OwnerConnectionString, sql);

    /// <summary>Runs SQL as the superuser, as an operator with full database access would.</summary>
    public Task ExecuteAsAdminAsync(string sql) => ExecuteAsync(AdminConnectionString, sql);

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
        await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        await ExecuteAsync(ServerConnectionString, $"DROP ROLE IF EXISTS \"{RuntimeRole}\"; DROP ROLE IF EXISTS \"{OwnerRole}\";");
        if (_container is not null)
            await _container.DisposeAsync();
    }

    private static string As(NpgsqlConnectionStringBuilder server, string role, string database) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = role, Password = Password, Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
