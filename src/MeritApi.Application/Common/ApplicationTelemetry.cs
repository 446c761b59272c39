using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MeritApi.Application.Common;

/// <summary>
/// The application's trace spans and metrics (System.Diagnostics, the APIs an OpenTelemetry SDK listens to): the stages
/// of long commands show as child spans of the request, with their durations, and the sizes and times of the bulk work
/// as metrics, instead of stopwatches and log lines in handlers.
/// </summary>
public static class ApplicationTelemetry
{
    public const string SourceName = "MeritApi.Application";
    public const string MeterName = "MeritApi.Application";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    /// <summary>How long scoring a selection took, from reading the evidence to writing the run.</summary>
    public static readonly Histogram<double> ScoringRunDuration = Meter.CreateHistogram<double>(
        "meritapi.scoring.run.duration", "s", "Time to read the evidence, score, rank, seal and write one scoring run");

    /// <summary>How many candidates one scoring run scored.</summary>
    public static readonly Histogram<int> ScoringRunCandidates = Meter.CreateHistogram<int>(
        "meritapi.scoring.run.candidates", "{candidate}", "Candidates scored by one scoring run");

    /// <summary>
    /// How long a command held the audit trail's append lock, from its grant to the end of the commit that releases it: every
    /// command queues on that lock, so this bounds how many commands a second the whole service can take.
    /// </summary>
    public static readonly Histogram<double> AuditLockHeld = Meter.CreateHistogram<double>(
        "meritapi.audit.lock.held", "ms", "Time one command held the audit trail's append lock, grant to commit");

    /// <summary>Rows taken in by bulk imports, by what became of them (created, updated, unchanged).</summary>
    public static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>(
        "meritapi.import.rows", "{row}", "Rows of bulk imports, by outcome");
}
