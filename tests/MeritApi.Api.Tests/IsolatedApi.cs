using MeritApi.Testing;
using Npgsql;

namespace MeritApi.Api.Tests;

/// <summary>
/// A database and API host of a test's own, for tests that tamper with the database behind the API's back:
/// a broken audit chain or an edited result must never leak into the shared database the other tests verify.
/// </summary>
public sealed class IsolatedApi : IAsyncDisposable
{
    private IsolatedApi(TestDatabase database, MeritApiFactory factory)
    {
        Database = database;
        Factory = factory;
        Client = factory.CreateClient(); // starts the host and applies migrations
        Client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Mint(Security.Roles.All));
    }

    public TestDatabase Database { get; }
    public MeritApiFactory Factory { get; }
    public HttpClient Client { get; }

    public static async Task<IsolatedApi> StartAsync(string prefix = "tamper")
    {
        var database = await TestDatabase.CreateAsync(prefix);
        return new IsolatedApi(database, new MeritApiFactory(database));
    }

    /// <summary>
    /// Runs SQL as someone with superuser access to the database would to hide a change: with
    /// <c>session_replication_role = replica</c>, which skips the append-only triggers. A connection of its
    /// own, never pooled, so the setting cannot outlive the tampering.
    /// </summary>
    public async Task TamperAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Database.AdminConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SET session_replication_role = replica; {sql}", connection);
        var affected = await command.ExecuteNonQueryAsync();
        Assert.That(affected, Is.GreaterThan(0), $"the tampering changed nothing: {sql}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
