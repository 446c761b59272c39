using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MeritApi.Api.Hosting;
using MeritApi.Api.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MeritApi.Api.Tests.Hosting;

/// <summary>
/// Observability as an operator meets it: with an OTLP endpoint set (the standard OTEL_* variables), a request's spans
/// (ASP.NET Core, Npgsql, the scoring stages) and the metrics (request durations, scoring-run durations and sizes, import
/// rows) reach an OTLP/HTTP receiver; without one, nothing is set up; and a JSON console log line of a request carries
/// the request's trace id and its X-Request-Id.
/// </summary>
[NonParallelizable]
public sealed class ObservabilityTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static string TraceParent() => $"00-{TraceId}-{Random.Shared.NextInt64():x16}-01";

    private FakeOtlpReceiver _receiver = null!;
    private CapturedJsonLog _log = null!;
    private OwnApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _receiver = new FakeOtlpReceiver();
        _log = new CapturedJsonLog();
        _host = await OwnApiHost.StartAsync("otel", builder => builder.ConfigureLogging(logging => logging.AddProvider(_log)),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", _receiver.Url), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", "meritapi-under-test"), ("Logging:Console:FormatterName", "json"));
        _log.Formatter = _host.Factory.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        _receiver.Dispose();
        _log.Dispose();
    }

    /// <summary>A scored selection, asked for with a known trace context and request id.</summary>
    private async Task<string> ScoreWithTraceAsync()
    {
        var client = _host.Client;
        var position = await client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        await client.PostAsJsonAsync("/api/v1/employees/import", new
        {
            employees = new[]
            {
                new
                {
                    nip = ApiClient.NewNip(), name = "Pegawai Telemetri", grade = "III/d", unit = "Biro Uji",
                    assessments = new[] { new { competencyCode = "M-INTEGRITY", level = 3, assessedOn = "2025-06-01", assessor = "Pusat Penilaian" } },
                    performanceRatings = new[] { new { year = 2025, rating = "Good" }, new { year = 2024, rating = "Good" } },
                },
            },
        }).ExpectAsync(HttpStatusCode.OK);
        var employee = (Guid)(await client.GetJsonAsync("/api/v1/employees?unit=Biro%20Uji&pageSize=1"))["items"]![0]!["id"]!;
        var selection = await client.OpenSelectionAsync(position);
        await client.EnrolAsync(selection, employee);

        var requestId = $"otel-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/selections/{selection}/scoring-runs");
        request.Headers.Add("traceparent", TraceParent());
        request.Headers.Add(HttpRequestContext.RequestIdHeader, requestId);
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return requestId;
    }

    [Test]
    public async Task A_json_log_line_of_the_request_carries_its_trace_id_and_request_id()
    {
        var requestId = await ScoreWithTraceAsync();
        var lines = _log.Lines.Select(l => JsonNode.Parse(l)!).Where(l => (string?)l["Category"] == typeof(ApplicationSpanLog).FullName).ToList();
        var line = lines.FirstOrDefault(l => l["Scopes"]!.AsArray().Any(s => (string?)s?[HttpRequestContext.RequestIdScope] == requestId));
        Assert.That(line, Is.Not.Null, $"no span log line with the request id among: {string.Join("\n", _log.Lines.TakeLast(10))}");
        await TestContext.Out.WriteLineAsync(line!.ToJsonString());
        Assert.That((string)line["Message"]!, Does.StartWith("scoring."));
        Assert.That(line["Scopes"]!.AsArray().Select(s => (string?)s?["TraceId"]), Does.Contain(TraceId));
        Assert.That((string)line["Timestamp"]!, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"));
    }

    [Test]
    public async Task Spans_and_metrics_reach_the_otlp_endpoint()
    {
        await ScoreWithTraceAsync();
        Assert.That(_host.Factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), Is.True);
        Assert.That(_host.Factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), Is.True);

        var traces = _receiver.Bodies("/v1/traces");
        Assert.That(traces, Is.Not.Empty, "no POST to /v1/traces");
        var spans = Concat(traces);
        Assert.That(spans.AsSpan().IndexOf(Convert.FromHexString(TraceId)), Is.GreaterThanOrEqualTo(0), "the request's trace id");
        foreach (var text in (string[])["meritapi-under-test", "scoring.read-evidence", "scoring.score-rank-seal", "scoring.write",
                     "/api/v1/selections/{id:guid}/scoring-runs", "postgresql"])
            Assert.That(Contains(spans, text), Is.True, $"a span or resource naming '{text}'");

        var metrics = Concat(_receiver.Bodies("/v1/metrics"));
        foreach (var name in (string[])["http.server.request.duration", "meritapi.scoring.run.duration", "meritapi.scoring.run.candidates",
                     "meritapi.import.rows", "meritapi.audit.lock.held"])
            Assert.That(Contains(metrics, name), Is.True, $"metric {name}");
    }

    [Test]
    public void Without_an_otlp_endpoint_no_telemetry_pipeline_is_set_up()
    {
        Assert.That(ApiTestEnvironment.Factory.Services.GetService<TracerProvider>(), Is.Null);
        Assert.That(Observability.ExportConfigured(new ConfigurationBuilder().Build()), Is.False);
    }

    private static byte[] Concat(IEnumerable<byte[]> bodies) => [.. bodies.SelectMany(b => b)];

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>An OTLP/HTTP receiver that keeps every protobuf body posted to it, by path.</summary>
    private sealed class FakeOtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

        public FakeOtlpReceiver()
        {
            // Another test's host or database may take a port between looking and binding: bind, and on a clash try the next.
            for (var attempt = 0; ; attempt++)
            {
                var port = 47_000 + Random.Shared.Next(2_000);
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try
                {
                    listener.Start();
                    (_listener, Url) = (listener, $"http://127.0.0.1:{port}");
                    break;
                }
                catch (HttpListenerException) when (attempt < 50)
                {
                    listener.Close();
                }
            }
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public IEnumerable<byte[]> Bodies(string path) => _received.Where(r => r.Path == path).Select(r => r.Body);

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    /// <summary>
    /// Log lines as the console's JSON formatter writes them (the host's own formatter, options and scopes), kept in memory
    /// instead of on the test runner's console.
    /// </summary>
    private sealed class CapturedJsonLog : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConsoleFormatter? Formatter { get; set; }
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedJsonLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (log.Formatter is not { } json)
                    return;
                using var text = new StringWriter();
                json.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), log._scopes, text);
                log.Lines.Enqueue(text.ToString().Trim());
            }
        }
    }
}
