using MeritApi.Testing;

namespace MeritApi.Api.Tests;

/// <summary>One database and one API host for the whole assembly; tests keep their data apart by unique codes and NIPs.</summary>
[SetUpFixture]
public sealed class ApiTestEnvironment
{
    public static TestDatabase Database { get; private set; } = null!;
    public static MeritApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Database = await TestDatabase.CreateAsync("apitests");
        Factory = new MeritApiFactory(Database);
        using var _ = Factory.CreateClient(); // starts the host
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
