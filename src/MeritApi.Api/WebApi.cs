using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using MeritApi.Api.Hosting;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.OpenApi;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Infrastructure.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeritApi.Api;

/// <summary>The HTTP pipeline: security, JSON rules, problem details, the merit-only guard, Swagger and health.</summary>
public static class WebApi
{
    /// <summary>The default body limit of a write; an endpoint may allow more (bulk import), up to <see cref="MaxAnyRequestBytes"/>.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>What Kestrel lets through at all; the merit-only guard then applies each endpoint's own limit.</summary>
    public const long MaxAnyRequestBytes = 64 * 1024 * 1024;

    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        // Without this, minimal APIs answer a body they cannot bind with an empty 400; we want problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = MaxAnyRequestBytes);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
                problem.Type = ProblemTypes.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        // Problems are JSON whatever the Accept header says (the default writer gives up on "Accept: text/html").
        services.RemoveAll<IProblemDetailsWriter>();
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<IRequestContext, HttpRequestContext>();

        services.AddMeritAuthentication(configuration, environment);
        services.AddRateLimiter(options => ConfigureRateLimiting(options, configuration));
        services.AddMeritRequestTimeouts(configuration);
        services.AddMeritSwagger();
        services.AddRequestValidators();
        services.AddSingleton<ShortlistCache>();
        services.AddOutputCache();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<ShortlistCache>((options, shortlists) => options.AddPolicy(ShortlistCache.PolicyName, shortlists));
        services.AddHostedService<Hosting.ApplicationSpanLog>();
        services.AddMeritObservability(configuration);
        return services;
    }

    /// <summary>The key id of the checkpoint signing key in appsettings.Development.json: refused outside Development.</summary>
    public const string DevelopmentLogKeyId = "15ea2e0343469324";

    public static WebApplication UseWebApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ILogSigningKey>().KeyId == DevelopmentLogKeyId && !app.Environment.IsDevelopment())
            throw new InvalidConfigurationException(
                "Transparency:SigningKey is the development key, which anyone can read in the repository; it is refused in the " +
                $"'{app.Environment.EnvironmentName}' environment. Configure a secret ECDSA P-256 key.");
        app.Use(SecurityHeaders.Apply);
        app.Use(HttpRequestContext.AssignRequestId);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Inside the exception handler: a request past its time limit is answered 503 here, before anything maps it.
        app.UseRequestTimeouts();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();

        // Swagger UI keeps the bearer token a user pastes in the browser's storage: a convenience for a developer's machine,
        // not something to serve beside production data unless an operator turns it on (Swagger:Enabled).
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>(SwaggerSetup.EnabledSetting))
        {
            // The server a client generated from the document talks to is the one that served it.
            app.UseSwagger(options => options.PreSerializeFilters.Add((document, request) =>
                document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = $"{request.Scheme}://{request.Host}" }]));
            app.UseSwaggerUI(options =>
            {
                options.DocumentTitle = "MeritApi";
                options.EnablePersistAuthorization();
            });
        }

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // After authorization: the bodies of callers who may not write are never parsed.
        app.UseMiddleware<MeritOnlyGuardMiddleware>();
        // Last: a stored answer is served only to a request everything above has let through.
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(MeritApi.Infrastructure.DependencyInjection.ReadinessTag) })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>
    /// Strict JSON: unknown members (a route value such as employeeId sent in a body included), duplicate keys, numbers
    /// in strings, and enum values that are not exactly a defined name are all refused, so a client's mistake is reported
    /// instead of silently dropped or guessed at.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = MeritOnlyGuardMiddleware.MaxDepth;
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new ExactDecimalConverter());
    }

    /// <summary>
    /// A fixed window per client (the token's subject, or the address of an anonymous caller), so one runaway
    /// HR sync cannot starve the others. Limits come from configuration (RateLimit:PermitsPerMinute).
    /// </summary>
    private static void ConfigureRateLimiting(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimit:PermitsPerMinute", 3000);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? $"ip:{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        options.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Type = ProblemTypes.TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"At most {permits} requests a minute per client; retry after the time in Retry-After.",
                },
            });
        };
    }
}
