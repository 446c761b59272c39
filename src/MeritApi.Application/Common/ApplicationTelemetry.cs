using System.Diagnostics;

namespace MeritApi.Application.Common;

/// <summary>
/// The application's trace spans (System.Diagnostics, the API an OpenTelemetry tracer listens to): the stages of long
/// commands show as child spans of the request, with their durations, instead of stopwatches and log lines in handlers.
/// </summary>
public static class ApplicationTelemetry
{
    public const string SourceName = "MeritApi.Application";

    public static readonly ActivitySource Source = new(SourceName);
}
