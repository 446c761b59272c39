using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Soak;

internal enum WriteKind { Employee, Assessment, Rating, Enrolment, ScoringRun }

/// <summary>One write of the mix: its Idempotency-Key (also sent as X-Request-Id, so its audit entry can be found) and what it created.</summary>
internal sealed class Write(WriteKind kind, string key)
{
    public WriteKind Kind { get; } = kind;
    public string Key { get; } = key;
    public int Attempts { get; set; }
    public bool Acknowledged { get; set; }
    /// <summary>Acknowledged by a replay of the stored answer: an earlier attempt had landed, but its answer was lost.</summary>
    public bool Replayed { get; set; }
    /// <summary>The last status when the write ended unacknowledged (0: the run ended while it was being retried).</summary>
    public int FinalStatus { get; set; }
    public Guid Id { get; set; }
    public Guid EmployeeId { get; set; }
    public Guid SelectionId { get; set; }
    public string? Nip { get; set; }
    public string? Tag { get; set; }
    public int Year { get; set; }
    public string? Rating { get; set; }
    public int CandidateCount { get; set; }
}

/// <summary>Every HTTP attempt, by outcome, with when the 503s came.</summary>
internal sealed class Stats(Stopwatch clock)
{
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly Lock _gate = new();
    private long _sent, _timeouts, _transportErrors;

    public long Sent => Interlocked.Read(ref _sent);
    public long Timeouts => Interlocked.Read(ref _timeouts);
    public long TransportErrors => Interlocked.Read(ref _transportErrors);
    public IReadOnlyDictionary<int, long> ByStatus => _byStatus;
    public IEnumerable<string> ServerErrors => _serverErrors;
    public double First503 { get; private set; } = double.NaN;
    public double Last503 { get; private set; } = double.NaN;

    public void Started() => Interlocked.Increment(ref _sent);
    public void TimedOut() => Interlocked.Increment(ref _timeouts);
    public void TransportError() => Interlocked.Increment(ref _transportErrors);

    public void Answered(int status, string method, string path, string body)
    {
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status == 503)
        {
            var at = clock.Elapsed.TotalSeconds;
            lock (_gate)
            {
                if (double.IsNaN(First503))
                    First503 = at;
                Last503 = at;
            }
        }
        else if (status >= 500 && _serverErrors.Count < 10)
        {
            _serverErrors.Enqueue($"{status} {method} {path} at {clock.Elapsed.TotalSeconds:F1} s: {body[..Math.Min(body.Length, 300)]}");
        }
    }
}

/// <summary>The load: N clients, each an HR system with a selection of its own, plus committee reads of any scored shortlist.</summary>
internal sealed class Driver : IDisposable
{
    private static readonly string[] Grades = ["III/a", "III/b", "III/c", "III/d", "IV/a"];
    private static readonly string[] Ratings = ["VeryGood", "Good", "NeedsImprovement", "Good", "VeryGood"];
    private static readonly string[] Competencies = ["M-INTEGRITY", "M-COOPERATION"];
    private const int FirstYear = 2019, LastYear = 2025;

    private readonly Options _options;
    private readonly HttpClient _http;
    private readonly string _hrToken, _committeeToken;
    private readonly Stopwatch _clock = new();
    private readonly Stats _stats;
    private readonly ConcurrentBag<Write> _writes = [];
    private readonly ConcurrentDictionary<Guid, byte> _scored = new();
    private readonly int _nipPrefix = Random.Shared.Next(1000, 9999);
    private long _nipCounter;

    private Driver(Options options)
    {
        _options = options;
        _hrToken = Options.Environment("SOAK_HR_TOKEN");
        _committeeToken = Options.Environment("SOAK_COMMITTEE_TOKEN");
        _stats = new Stats(_clock);
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Clients * 2,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = options.Api,
            Timeout = Timeout.InfiniteTimeSpan, // per attempt, below
        };
    }

    private TimeSpan Elapsed => _clock.Elapsed;

    public static async Task<int> RunAsync(Options options)
    {
        var selections = (await File.ReadAllLinesAsync(options.SelectionsFile ?? throw new ArgumentException("--selections is required")))
            .Where(l => l.Length > 0).Select(Guid.Parse).ToList();
        if (selections.Count < options.Clients)
            throw new ArgumentException($"{options.Clients} clients need {options.Clients} selections; the file has {selections.Count}");
        using var driver = new Driver(options);
        return await driver.RunAsync(selections);
    }

    public void Dispose() => _http.Dispose();

    private async Task<int> RunAsync(List<Guid> selections)
    {
        var outageAt = _options.OutageAt;
        Console.WriteLine($"soak: {_options.Clients} clients for {_options.Duration.TotalSeconds:F0} s against {_options.Api}" +
                          (outageAt is { } at ? $"; PostgreSQL stopped (pg_ctl stop -m immediate) at {at.TotalSeconds:F0} s for {_options.OutageLength.TotalSeconds:F0} s" : ""));
        _clock.Start();
        var outage = outageAt is null ? Task.FromResult<Outage?>(null) : RunOutageAsync(outageAt.Value);
        var clients = Enumerable.Range(0, _options.Clients)
            .Select(i => Task.Run(() => new Client(this, i, selections[i]).RunAsync())).ToList();
        await Task.WhenAll(clients);
        var loadSeconds = Elapsed.TotalSeconds;
        var window = await outage;

        var writes = _writes.ToList();
        var check = await Checker.RunAsync(_options, writes);

        // ---- the summary ----------------------------------------------------------------------------------------------
        var byStatus = _stats.ByStatus;
        long Count(Func<int, bool> which) => byStatus.Where(p => which(p.Key)).Sum(p => p.Value);
        var ok = Count(s => s is >= 200 and < 300);
        var unavailable = Count(s => s == 503);
        var others = byStatus.Where(p => p.Key is < 200 or >= 300 && p.Key != 503).OrderBy(p => p.Key).ToList();
        var otherServerErrors = Count(s => s >= 500 && s != 503);
        var acknowledged = writes.Count(w => w.Acknowledged);

        Console.WriteLine($"load: {loadSeconds:F1} s, {_options.Clients} clients; " + (window is null ? "no outage"
            : $"database down from {window.StopIssued:F1} s (pg_ctl stop -m immediate, done at {window.Stopped:F1} s) " +
              $"to {window.Started:F1} s (pg_ctl start returned)"));
        Console.WriteLine($"requests sent: {_stats.Sent}");
        Console.WriteLine($"2xx: {ok}");
        Console.WriteLine($"503: {unavailable}" + (unavailable > 0 ? $" (first at {_stats.First503:F1} s, last at {_stats.Last503:F1} s)" : ""));
        Console.WriteLine($"other statuses: {others.Sum(p => p.Value)}" +
                          (others.Count > 0 ? $" ({string.Join(", ", others.Select(p => $"{p.Key}: {p.Value}"))})" : ""));
        Console.WriteLine($"5xx other than 503: {otherServerErrors}");
        Console.WriteLine($"client timeouts: {_stats.Timeouts}, connection errors: {_stats.TransportErrors} (each retried with the same key)");
        Console.WriteLine($"writes: {writes.Count}, acknowledged {acknowledged} ({Breakdown(writes.Where(w => w.Acknowledged))}), " +
                          $"retried at least once {writes.Count(w => w.Attempts > 1)}, acknowledged by a replay of a stored answer {writes.Count(w => w.Replayed)}, unacknowledged when the run ended {writes.Count(w => !w.Acknowledged && w.FinalStatus == 0)}, " +
                          $"refused {writes.Count(w => !w.Acknowledged && w.FinalStatus != 0)}");
        Console.WriteLine($"acknowledged writes found: {check.Found}");
        Console.WriteLine($"acknowledged writes missing: {check.Missing}");
        Console.WriteLine($"acknowledged writes duplicated: {check.Duplicated}");
        Console.WriteLine($"unacknowledged writes: {check.UnacknowledgedStored} stored anyway (answer lost or run ended), {check.UnacknowledgedDuplicated} duplicated");
        Console.WriteLine($"scoring runs: {check.Runs} in the database, {check.PartialRuns} partial");
        Console.WriteLine($"audit chain: {check.AuditStatus} ({check.AuditEntries} entries)");
        foreach (var line in check.Problems.Take(20))
            Console.WriteLine($"  problem: {line}");
        foreach (var line in _stats.ServerErrors)
            Console.WriteLine($"  server error: {line}");

        var failed = check.Missing > 0 || check.Duplicated > 0 || check.UnacknowledgedDuplicated > 0 || check.PartialRuns > 0 ||
                     check.AuditStatus != "intact" || otherServerErrors > 0 || acknowledged == 0 || window is { Failed: true };
        Console.WriteLine($"soak: {(failed ? "FAIL" : "PASS")}");
        return failed ? 1 : 0;
    }

    private static string Breakdown(IEnumerable<Write> writes) =>
        string.Join(", ", writes.GroupBy(w => w.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));

    // ---- the outage ----------------------------------------------------------------------------------------------------

    private sealed record Outage(double StopIssued, double Stopped, double Started, bool Failed);

    private async Task<Outage?> RunOutageAsync(TimeSpan at)
    {
        await Task.Delay(at);
        var stopIssued = Elapsed.TotalSeconds;
        var stopOk = await RunCommandAsync(_options.StopCommand, "stop");
        var stopped = Elapsed.TotalSeconds;
        await Task.Delay(_options.OutageLength - TimeSpan.FromSeconds(stopped - stopIssued));
        var startOk = await RunCommandAsync(_options.StartCommand, "start");
        return new Outage(stopIssued, stopped, Elapsed.TotalSeconds, !stopOk || !startOk);
    }

    private async Task<bool> RunCommandAsync(string? path, string what)
    {
        if (path is null)
            throw new ArgumentException($"--{what}-command is required with --outage-at");
        Console.Error.WriteLine($"soak: {Elapsed.TotalSeconds:F1} s: {what} PostgreSQL ({path})");
        using var process = Process.Start(new ProcessStartInfo("bash", [path]) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            Console.Error.WriteLine($"soak: the {what} command exited with {process.ExitCode}");
        return process.ExitCode == 0;
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Sends a write until it is acknowledged (2xx), refused (another 4xx/5xx), or the run ends: every attempt with the
    /// same Idempotency-Key and body, retried on 503 and 429 (after Retry-After, at most 2 s), on a timeout and on a
    /// connection error. Returns the answer's JSON when acknowledged.
    /// </summary>
    private async Task<JsonNode?> WriteAsync(Write write, HttpMethod method, string path, object? body)
    {
        _writes.Add(write);
        var json = body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        while (Elapsed < _options.Duration)
        {
            write.Attempts++;
            var (status, text, retryAfter, replayed) = await SendAsync(method, path, json, _hrToken, write.Key);
            if (status is >= 200 and < 300)
            {
                write.Acknowledged = true;
                write.Replayed = replayed;
                return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text);
            }
            if (status is not (0 or 503 or 429))
            {
                write.FinalStatus = status;
                return null;
            }
            var pause = status == 0 ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(Math.Min(retryAfter ?? 1, 2));
            pause *= 0.5 + Random.Shared.NextDouble() / 2; // jitter: the clients do not retry in lockstep
            var left = _options.Duration - Elapsed;
            if (left > TimeSpan.Zero)
                await Task.Delay(pause < left ? pause : left);
        }
        return null;
    }

    private async Task<int> ReadAsync(string path)
    {
        var (status, _, _, _) = await SendAsync(HttpMethod.Get, path, null, _committeeToken, null);
        return status;
    }

    /// <returns>The status (0 for a timeout or a connection error), the body, Retry-After in seconds, and whether the answer is a replay.</returns>
    private async Task<(int Status, string Body, double? RetryAfter, bool Replayed)> SendAsync(HttpMethod method, string path, string? json, string token, string? key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
            request.Headers.Add("X-Request-Id", key);
        }
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var timeout = new CancellationTokenSource(_options.RequestTimeout);
        _stats.Started();
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            _stats.Answered(status, method.Method, path, text);
            return (status, text, response.Headers.RetryAfter?.Delta?.TotalSeconds, response.Headers.Contains("Idempotent-Replayed"));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            _stats.TimedOut();
            return (0, "", null, false);
        }
        catch (HttpRequestException)
        {
            _stats.TransportError();
            return (0, "", null, false);
        }
    }

    // ---- one client ------------------------------------------------------------------------------------------------------

    private sealed class Employee(Guid id)
    {
        public Guid Id { get; } = id;
        public HashSet<int> RatedYears { get; } = [];
        public bool Enrolled { get; set; }
    }

    /// <summary>An HR system with a selection of its own (so clients do not race on one selection's counters), reading shortlists as a committee.</summary>
    private sealed class Client(Driver driver, int index, Guid selection)
    {
        private readonly Random _random = new(index * 7919 + 17);
        private readonly List<Employee> _employees = [];
        private int _candidates;

        public async Task RunAsync()
        {
            while (driver.Elapsed < driver._options.Duration)
            {
                var roll = _random.Next(100);
                var done = roll switch
                {
                    < 20 => false, // register (below)
                    < 40 => await AssessAsync(),
                    < 55 => await RateAsync(),
                    < 70 => await EnrolAsync(),
                    < 75 => await ScoreAsync(),
                    _ => await ReadShortlistAsync(),
                };
                if (!done)
                    await RegisterAsync();
            }
        }

        private async Task RegisterAsync()
        {
            var nip = $"{driver._nipPrefix:D4}{Interlocked.Increment(ref driver._nipCounter):D14}";
            var write = new Write(WriteKind.Employee, Guid.NewGuid().ToString()) { Nip = nip };
            var answer = await driver.WriteAsync(write, HttpMethod.Post, "/api/v1/employees",
                new { nip, name = "Pegawai Soak", grade = Grades[_random.Next(Grades.Length)], unit = "Biro Soak" });
            if (answer is null)
                return;
            write.Id = (Guid)answer["id"]!;
            _employees.Add(new Employee(write.Id));
        }

        private async Task<bool> AssessAsync()
        {
            if (_employees.Count == 0)
                return false;
            var employee = _employees[_random.Next(_employees.Count)];
            var key = Guid.NewGuid().ToString();
            var write = new Write(WriteKind.Assessment, key) { EmployeeId = employee.Id, Tag = $"Pusat Penilaian (soak {key})" };
            var answer = await driver.WriteAsync(write, HttpMethod.Post, $"/api/v1/employees/{employee.Id}/competency-assessments", new
            {
                competencyCode = Competencies[_random.Next(Competencies.Length)],
                level = _random.Next(1, 6),
                assessedOn = new DateOnly(2024, _random.Next(1, 13), _random.Next(1, 29)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                assessor = write.Tag,
            });
            if (answer is not null)
                write.Id = (Guid)answer["id"]!;
            return true;
        }

        private async Task<bool> RateAsync()
        {
            var employee = _employees.Where(e => e.RatedYears.Count < LastYear - FirstYear + 1).OrderBy(_ => _random.Next()).FirstOrDefault();
            if (employee is null)
                return false;
            var year = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Where(y => !employee.RatedYears.Contains(y)).Max();
            // Whatever becomes of it, this (employee, year) is not rated again: the check expects the value of this write.
            employee.RatedYears.Add(year);
            var rating = Ratings[_random.Next(Ratings.Length)];
            var write = new Write(WriteKind.Rating, Guid.NewGuid().ToString()) { EmployeeId = employee.Id, Year = year, Rating = rating };
            await driver.WriteAsync(write, HttpMethod.Put, $"/api/v1/employees/{employee.Id}/performance-ratings/{year}", new { rating });
            return true;
        }

        private async Task<bool> EnrolAsync()
        {
            var employee = _employees.FirstOrDefault(e => !e.Enrolled);
            if (employee is null)
                return false;
            employee.Enrolled = true;
            var write = new Write(WriteKind.Enrolment, Guid.NewGuid().ToString()) { EmployeeId = employee.Id, SelectionId = selection };
            var answer = await driver.WriteAsync(write, HttpMethod.Post, $"/api/v1/selections/{selection}/candidates",
                new { employeeIds = new[] { employee.Id } });
            if (answer is not null)
            {
                write.Id = (Guid)answer.AsArray()[0]!["id"]!;
                _candidates++;
            }
            return true;
        }

        private async Task<bool> ScoreAsync()
        {
            if (_candidates == 0)
                return false;
            var write = new Write(WriteKind.ScoringRun, Guid.NewGuid().ToString()) { SelectionId = selection };
            var answer = await driver.WriteAsync(write, HttpMethod.Post, $"/api/v1/selections/{selection}/scoring-runs", null);
            if (answer is null)
                return true;
            write.Id = (Guid)answer["id"]!;
            write.CandidateCount = (int)answer["candidateCount"]!;
            driver._scored.TryAdd(selection, 0);
            return true;
        }

        private async Task<bool> ReadShortlistAsync()
        {
            var scored = driver._scored.Keys.ToList();
            if (scored.Count == 0)
                return false;
            await driver.ReadAsync($"/api/v1/selections/{scored[_random.Next(scored.Count)]}/shortlist?top=10");
            return true;
        }
    }
}
