using MeritApi.Testing;

namespace MeritApi.Application.Tests;

/// <summary>
/// One real PostgreSQL database (created and migrated from the committed migrations) for every integration
/// test of this assembly; dropped at the end. Tests keep their data apart with unique NIPs and codes.
/// </summary>
[SetUpFixture]
public sealed class IntegrationSetUp
{
    private static TestDatabase? _database;

    public static TestDatabase Database =>
        _database ?? throw new InvalidOperationException("The test database is created in the SetUpFixture.");

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateAsync("apptests");

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
            await _database.DisposeAsync();
        _database = null;
    }
}
