using MeritApi.Api;
using MeritApi.Api.Endpoints;
using MeritApi.Api.Infrastructure;
using MeritApi.Application;
using MeritApi.Infrastructure;
using MeritApi.Infrastructure.Persistence.Resilience;
using MeritApi.Infrastructure.Persistence.Seeding;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("MeritDb")
                       ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:MeritDb' is not configured.");
builder.Services.AddApplication();
builder.Services.AddInfrastructure(connectionString,
    builder.Configuration.GetSection("Database").Get<DatabaseResilienceOptions>() ?? new DatabaseResilienceOptions());
builder.Services.AddWebApi(builder.Configuration, builder.Environment);

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var initialiser = scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>();
    if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        await initialiser.MigrateAsync();
    if (app.Configuration.GetValue<bool>("DemoData:Seed"))
        await initialiser.SeedDemoDataAsync();
}

app.UseWebApi();
app.MapCompetencyEndpoints();
app.MapPositionEndpoints();
app.MapEmployeeEndpoints();
app.MapScoringPolicyEndpoints();
app.MapSelectionEndpoints();
app.MapAuditEndpoints();

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
