using MeritApi.Application.Common;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MeritApi.Api.Hosting;

/// <summary>
/// Traces and metrics through OpenTelemetry, exported over OTLP and configured by the standard <c>OTEL_*</c> variables
/// (endpoint, protocol, headers, service name, sampler): off unless an OTLP endpoint is set, so a plain start sends
/// nothing anywhere. Logs: the console's own JSON formatter (<c>Logging__Console__FormatterName=json</c>) always carries
/// its scopes, which hold the trace and span ids of the request and the X-Request-Id the client sent or was given.
/// </summary>
public static class Observability
{
    private static readonly string[] EndpointSettings =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public static bool ExportConfigured(IConfiguration configuration) =>
        EndpointSettings.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    public static IServiceCollection AddMeritObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.PostConfigure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat ??= "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        if (!ExportConfigured(configuration))
            return services;

        services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME names the service when set; an explicit AddService would otherwise override it.
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "MeritApi",
                serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddSource(ApplicationTelemetry.SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(ApplicationTelemetry.MeterName))
            .UseOtlpExporter();
        return services;
    }
}
