using MeritApi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MeritApi.Api.Tests;

/// <summary>The real API (real middleware, real handlers) over a real, freshly migrated PostgreSQL database.</summary>
public sealed class MeritApiFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MeritDb", database.ConnectionString);
        // TestDatabase migrated it as its owner role; the API connects as the runtime role, as in production.
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("DemoData:Seed", "false");
        // Outside Development the document and UI are off unless turned on; the tests read the document.
        builder.UseSetting("Swagger:Enabled", "true");
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Transparency:Origin", TestLogKey.Origin);
        builder.UseSetting("Transparency:SigningKey", TestLogKey.SigningKey);
    }
}
