using System.Data.Common;
using MeritApi.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeritApi.Application.Tests.Support;

/// <summary>An application container on the shared test database, with a fixed clock, for one fixture.</summary>
public abstract class IntegrationFixture
{
    private AppHost? _app;

    protected static TestDatabase Database => IntegrationSetUp.Database;

    protected AppHost App => _app ?? throw new InvalidOperationException("The app is started in OneTimeSetUp.");

    /// <summary>Builds data through the real commands.</summary>
    protected Scenario Given => new(App);

    [OneTimeSetUp]
    public void StartApp() => _app = new AppHost(Database.ConnectionString);

    [OneTimeTearDown]
    public async Task StopApp()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _app = null;
    }
}

/// <summary>Counts every database connection EF opens, to prove that a message never reached the database.</summary>
public sealed class ConnectionCounter : DbConnectionInterceptor
{
    private int _opened;

    public int Opened => Volatile.Read(ref _opened);

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref _opened);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opened);
        return ValueTask.FromResult(result);
    }
}
