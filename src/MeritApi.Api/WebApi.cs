using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeritApi.Api.Infrastructure;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace MeritApi.Api;

/// <summary>The HTTP pipeline: JSON rules, problem details, the merit-only guard, Swagger and health.</summary>
public static class WebApi
{
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        // Without this, minimal APIs answer a body they cannot bind with an empty 400; we want problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
                problem.Type = ProblemTypes.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<IRequestContext, HttpRequestContext>();

        services.AddHealthChecks().AddDbContextCheck<MeritDbContext>("database", tags: ["ready"]);

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "MeritApi",
                Version = "v1",
                Description = "Merit-based promotion and placement of civil servants (ASN): evidence in, deterministic merit scores, " +
                              "ranked shortlists out. Every error is RFC 9457 problem details with a stable 'type'.",
            });
            // The commands, queries and DTOs are documented where they live, in the Application and Domain layers.
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "MeritApi.*.xml"))
                options.IncludeXmlComments(xml, includeControllerXmlComments: true);
        });
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.Use(HttpRequestContext.AssignRequestId);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<MeritOnlyGuardMiddleware>();

        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "MeritApi");

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>
    /// Strict JSON: unknown members, duplicate keys, numbers in strings and enum numbers are all refused,
    /// so a client's mistake is reported instead of silently dropped or guessed at.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = MeritOnlyGuardMiddleware.MaxDepth;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    }
}
