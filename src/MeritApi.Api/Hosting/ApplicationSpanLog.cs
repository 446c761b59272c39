using System.Diagnostics;
using MeritApi.Application.Common;

namespace MeritApi.Api.Hosting;

/// <summary>
/// Logs every finished span of the application (<see cref="ApplicationTelemetry"/>) with its duration and tags, so that
/// the stages of a scoring run show in the log without a tracing back end.
/// </summary>
internal sealed partial class ApplicationSpanLog(ILogger<ApplicationSpanLog> logger) : IHostedService, IDisposable
{
    private ActivityListener? _listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApplicationTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Log,
        };
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    private void Log(Activity activity)
    {
        if (!logger.IsEnabled(LogLevel.Information))
            return;
        var tags = string.Join(", ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        LogSpan(activity.OperationName, activity.Duration, tags);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Span} took {Duration} {Tags}")]
    private partial void LogSpan(string span, TimeSpan duration, string tags);
}
