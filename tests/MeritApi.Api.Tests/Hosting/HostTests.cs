using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace MeritApi.Api.Tests.Hosting;

/// <summary>Health probes and the Swagger document.</summary>
public sealed class HostTests
{
    [Test]
    public async Task Liveness_and_readiness_answer_healthy_with_the_database_up()
    {
        using var client = ApiClient.Create();
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Swagger_documents_every_endpoint_with_its_problem_responses()
    {
        using var client = ApiClient.Create();
        var document = await client.GetAsync("/swagger/v1/swagger.json").ExpectAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();

        var endpoints = ApiTestEnvironment.Factory.Services.GetEndpoints()
            .Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(20));
        foreach (var (method, route) in endpoints)
        {
            var operation = paths[route]?[method.ToLowerInvariant()];
            Assert.That(operation, Is.Not.Null, $"{method} {route} is not in the Swagger document");
            var responses = operation!["responses"]!.AsObject().Select(r => r.Key).ToList();
            Assert.That(responses, Does.Contain("400").And.Contain("401").And.Contain("503"), $"{method} {route} does not document its problems");
            if (method != "GET" || route.Contains('{', StringComparison.Ordinal))
                Assert.That(responses, Does.Contain("404"), $"{method} {route} names something that may not exist");
            Assert.That(operation["summary"], Is.Not.Null, $"{method} {route} has no summary");
        }
        using var ui = await client.GetAsync("/swagger/index.html");
        Assert.That(ui.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ui.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }

    [Test]
    public async Task The_api_refuses_to_start_as_a_role_that_could_rewrite_history_unless_told_to_accept_it()
    {
        // The owner of the tables: it could disable the append-only triggers.
        using (var asOwner = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
                   builder.UseSetting("ConnectionStrings:MeritDb", ApiTestEnvironment.Database.OwnerConnectionString)))
        {
            Assert.That(StartupFailure.Of(asOwner), Does.StartWith("MeritApi cannot start: ").And.Contain("owns").And.Contain("Database:AllowPrivilegedRole"));
        }

        await using var accepted = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:MeritDb", ApiTestEnvironment.Database.OwnerConnectionString);
            builder.UseSetting("Database:AllowPrivilegedRole", "true");
        });
        using var client = accepted.CreateClient();
        using var ready = await client.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Migrating_on_start_up_is_refused_outside_Development()
    {
        using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:MeritDbOwner", ApiTestEnvironment.Database.OwnerConnectionString);
        });
        Assert.That(StartupFailure.Of(factory), Does.StartWith("MeritApi cannot start: ").And.Contain("Development only"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void A_missing_or_empty_connection_string_is_one_line_on_standard_error(string? connectionString)
    {
        using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:MeritDb", connectionString));
        var error = StartupFailure.Of(factory);
        Assert.That(error, Is.EqualTo("MeritApi cannot start: Connection string 'ConnectionStrings:MeritDb' is not configured " +
                                      "(environment variable ConnectionStrings__MeritDb; ./build/run.sh sets it for its development database)." +
                                      Environment.NewLine));
    }

    [Test]
    public void A_malformed_connection_string_is_named_on_one_line()
    {
        using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:MeritDb", "Hots=x;Port=5432"));
        var error = StartupFailure.Of(factory);
        Assert.That(error, Does.StartWith("MeritApi cannot start: Connection string 'ConnectionStrings:MeritDb' is not a PostgreSQL connection string"));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [TestCase("Testing", null, HttpStatusCode.NotFound)]
    [TestCase("Production", null, HttpStatusCode.NotFound)]
    [TestCase("Production", "true", HttpStatusCode.OK)]
    [TestCase("Development", null, HttpStatusCode.OK)]
    public async Task Swagger_is_served_only_in_Development_unless_a_setting_turns_it_on(string environment, string? enabled, HttpStatusCode expected)
    {
        // Swagger UI keeps a pasted bearer token in the browser's storage: not beside production data by default.
        await using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Swagger:Enabled", enabled ?? "false");
            // Outside Development the development signing key is refused; the test key is another one.
        });
        using var client = factory.CreateClient();
        // With a token: an anonymous caller gets 401 for any path that is not served, Swagger's included.
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Mint(MeritApi.Api.Security.Roles.All));
        using var document = await client.GetAsync("/swagger/v1/swagger.json");
        using var ui = await client.GetAsync("/swagger/index.html");
        Assert.That((document.StatusCode, ui.StatusCode), Is.EqualTo((expected, expected)));
    }
}
