using MeritApi.Api;
using MeritApi.Api.Endpoints.AssessingBodies;
using MeritApi.Api.Endpoints.Audit;
using MeritApi.Api.Endpoints.Competencies;
using MeritApi.Api.Endpoints.DevelopmentActivities;
using MeritApi.Api.Endpoints.DevelopmentNeeds;
using MeritApi.Api.Endpoints.DevelopmentPlans;
using MeritApi.Api.Endpoints.Employees;
using MeritApi.Api.Endpoints.Placement;
using MeritApi.Api.Endpoints.Positions;
using MeritApi.Api.Endpoints.ScoringPolicies;
using MeritApi.Api.Endpoints.Selections;
using MeritApi.Api.Endpoints.Succession;
using MeritApi.Api.Endpoints.TalentMapping;
using MeritApi.Api.Hosting;
using MeritApi.Application;
using MeritApi.Infrastructure;
using MeritApi.Infrastructure.Configuration;

// `MeritApi.Api healthcheck`: the container's probe of the running API.
if (args is [HealthProbe.Command])
    return await HealthProbe.RunAsync();

// `MeritApi.Api migrate`: the separate migration step, as the owner role; nothing is served.
var migrate = args is [DatabaseSetup.MigrateCommand, ..];
var builder = WebApplication.CreateBuilder(migrate ? args[1..] : args);
if (migrate)
{
    using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging"))
        .AddSimpleConsole());
    return await DatabaseSetup.MigrateAsync(builder.Configuration, loggers.CreateLogger("MeritApi.Migrate"));
}

WebApplication app;
try
{
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddWebApi(builder.Configuration, builder.Environment);
    app = builder.Build();
    await DatabaseSetup.PrepareAsync(app);
    app.UseWebApi();
}
catch (InvalidConfigurationException ex)
{
    // A setting an operator must fix: one line that says which, not a stack trace.
    Console.Error.WriteLine($"MeritApi cannot start: {ex.Message}");
    return 1;
}

app.MapCompetencyEndpoints();
app.MapPositionEndpoints();
app.MapEmployeeEndpoints();
app.MapScoringPolicyEndpoints();
app.MapAssessingBodyEndpoints();
app.MapDevelopmentNeedsEndpoints();
app.MapDevelopmentActivityEndpoints();
app.MapDevelopmentPlanEndpoints();
app.MapSelectionEndpoints();
app.MapTalentMappingEndpoints();
app.MapPlacementEndpoints();
app.MapSuccessionEndpoints();
app.MapAuditEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
