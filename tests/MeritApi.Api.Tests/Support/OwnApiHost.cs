using MeritApi.Api.Security;
using MeritApi.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace MeritApi.Api.Tests;

/// <summary>
/// An API host over a database of its own, with optional settings: for heavy or configuration-specific tests, and for
/// tests that tamper with the database behind the API's back (a broken audit chain or an edited result must never leak
/// into the shared database the other tests verify).
/// </summary>
public sealed class OwnApiHost : IAsyncDisposable
{
    private readonly MeritApiFactory _root;
    private HttpClient? _client;

    private OwnApiHost(TestDatabase database, MeritApiFactory root, WebApplicationFactory<Program> factory)
    {
        Database = database;
        _root = root;
        Factory = factory;
    }

    public TestDatabase Database { get; }
    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A client whose token carries every role.</summary>
    public HttpClient Client => _client ??= CreateClient(TestTokens.Mint(Roles.All));

    public static Task<OwnApiHost> StartAsync(string prefix = "own", params (string Key, string Value)[] settings) =>
        StartAsync(prefix, _ => { }, settings);

    /// <summary>A host whose builder the test configures further (a logging provider of its own, say).</summary>
    public static async Task<OwnApiHost> StartAsync(string prefix, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder> configure,
        params (string Key, string Value)[] settings)
    {
        var database = await TestDatabase.CreateAsync(prefix);
        var root = new MeritApiFactory(database);
        var factory = root.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            configure(builder);
        });
        var host = new OwnApiHost(database, root, factory);
        using var _ = factory.CreateClient(); // starts the host
        return host;
    }

    public HttpClient CreateClient(string? token, TimeSpan? timeout = null)
    {
        var client = Factory.CreateClient();
        if (timeout is { } t)
            client.Timeout = t;
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
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
        _client?.Dispose();
        await _root.DisposeAsync(); // disposes the configured factory derived from it too
        await Database.DisposeAsync();
    }
}
