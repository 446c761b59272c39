using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using Npgsql;

namespace MeritApi.Api.Tests.Resilience;

/// <summary>
/// Issue 6, item 4: writes that race. Requests are released together from a barrier, through the real pipeline onto
/// real PostgreSQL, round after round; whatever the interleaving, each answer is a success or a 409 problem (never a
/// 5xx), and what is stored is consistent: scoring runs whole, numbered without gaps or repeats, each covering exactly
/// the candidates enrolled before it; one row where one belongs. On a host and database of its own, so the database
/// can be inspected directly and nothing else's data gets in the way.
/// </summary>
[NonParallelizable]
public sealed class ConcurrencyTests
{
    private const int Rounds = 10;

    private OwnApiHost _api = null!;
    private HttpClient _client = null!;
    private string _competency = null!;
    private Guid _position;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await OwnApiHost.StartAsync("concurrency", ("RateLimit:PermitsPerMinute", "1000000"));
        _client = _api.CreateClient(TestTokens.Mint(Roles.All, subject: "concurrency"), TimeSpan.FromMinutes(2));
        _competency = await _client.RegisterTechnicalCompetencyAsync("CC");
        _position = await _client.CreatePositionAsync([(_competency, 3), ("M-INTEGRITY", 3)]);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_api is not null)
            await _api.DisposeAsync();
    }

    // ---- scoring ------------------------------------------------------------------------------------------------------

    [Test]
    public async Task Two_scoring_runs_of_the_same_selection_at_once_are_serialised_or_409_never_a_corrupted_run()
    {
        var selection = await _client.OpenSelectionAsync(_position);
        await _client.EnrolAsync(selection, [.. await EmployeesAsync(24)]);

        var answers = new List<Answer>();
        var overlapping = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var pair = await AtOnceAsync(() => PostAsync($"/api/v1/selections/{selection}/scoring-runs"),
                () => PostAsync($"/api/v1/selections/{selection}/scoring-runs"));
            answers.AddRange(pair);
            if (pair[0].Overlaps(pair[1]))
                overlapping++;
            Assert.That(pair.Count(a => a.Status == 201), Is.GreaterThanOrEqualTo(1), $"round {round}: {Show(pair)}");
        }

        var runs = await RunsAsync(selection);
        Assert.Multiple(() =>
        {
            AssertSuccessOr409(answers, 201);
            Assert.That(overlapping, Is.GreaterThanOrEqualTo(Rounds / 2), "the two requests of a round must really run at the same time");
            Assert.That(runs.Select(r => r.Sequence), Is.EqualTo(Enumerable.Range(1, runs.Count)), "run sequences: consecutive from 1, no repeats");
            Assert.That(runs.Select(r => r.Id), Is.EquivalentTo(answers.Where(a => a.Status == 201).Select(a => a.Id)),
                "exactly the runs that were answered 201 are stored");
        });
        await AssertRunsAreWholeAsync(selection, runs);
        // The evidence did not change between the runs: every run has the same figures for every candidate.
        var figures = await FiguresAsync(runs);
        Assert.That(figures.Distinct().Count(), Is.EqualTo(1), "runs of unchanged evidence differ in their figures");
        await AssertAuditChainIntactAsync();
    }

    [Test]
    public async Task Enrolment_racing_scoring_gives_runs_of_exactly_the_candidates_enrolled_before_them()
    {
        var selection = await _client.OpenSelectionAsync(_position);
        var enrolledFirst = await EmployeesAsync(6);
        await _client.EnrolAsync(selection, [.. enrolledFirst]);
        var waiting = new Queue<Guid>(await EmployeesAsync(Rounds * 4));

        var runAnswers = new List<Answer>();
        var enrolAnswers = new List<(Answer Answer, Guid[] Employees)>();
        var overlapping = 0;
        for (var round = 0; round < Rounds; round++)
        {
            Guid[] first = [waiting.Dequeue(), waiting.Dequeue()], second = [waiting.Dequeue(), waiting.Dequeue()];
            // Half the rounds start all three at once; the others hold the enrolments back a little longer each time, so
            // that runs also get to finish while enrolments are under way (not only lose to them).
            var delay = TimeSpan.FromMilliseconds(round < Rounds / 2 ? 0 : 20 << (round - Rounds / 2));
            var answers = await AtOnceAsync(
                () => PostAsync($"/api/v1/selections/{selection}/scoring-runs"),
                async () =>
                {
                    await Task.Delay(delay);
                    return await PostAsync($"/api/v1/selections/{selection}/candidates", new { employeeIds = first });
                },
                async () =>
                {
                    await Task.Delay(delay);
                    return await PostAsync($"/api/v1/selections/{selection}/candidates", new { employeeIds = second });
                });
            runAnswers.Add(answers[0]);
            enrolAnswers.Add((answers[1], first));
            enrolAnswers.Add((answers[2], second));
            if (answers[0].Overlaps(answers[1]) || answers[0].Overlaps(answers[2]))
                overlapping++;
        }
        // A last run after the race covers everyone who was enrolled.
        var last = await PostAsync($"/api/v1/selections/{selection}/scoring-runs");
        runAnswers.Add(last);

        var runs = await RunsAsync(selection);
        var enrolled = await EnrolledAsync(selection);
        var expectedEnrolled = enrolledFirst.Concat(enrolAnswers.Where(e => e.Answer.Status == 200).SelectMany(e => e.Employees)).ToList();
        Assert.Multiple(() =>
        {
            AssertSuccessOr409(runAnswers, 201);
            AssertSuccessOr409(enrolAnswers.Select(e => e.Answer), 200);
            Assert.That(_all.Where(a => a.Status == 409).Select(a => a.Rule), Is.All.EqualTo("concurrent-update"), "a lost race says so");
            Assert.That(last.Status, Is.EqualTo(201), last.Body);
            Assert.That(runAnswers.SkipLast(1).Count(a => a.Status == 201), Is.GreaterThan(0), "no run succeeded while enrolments were under way");
            Assert.That(overlapping, Is.GreaterThanOrEqualTo(Rounds / 2), "scoring and enrolment must really run at the same time");
            Assert.That(enrolAnswers.Count(e => e.Answer.Status == 200), Is.GreaterThan(0), "no enrolment succeeded");
            Assert.That(enrolled.Select(e => e.EmployeeId), Is.EquivalentTo(expectedEnrolled),
                "enrolled: exactly the employees of the enrolments answered 200 (a refused one enrols nobody)");
            Assert.That(enrolled.Select(e => e.Number), Is.EqualTo(Enumerable.Range(1, enrolled.Count)), "candidate numbers: 1…n, no gaps or repeats");
            Assert.That(runs.Select(r => r.Sequence), Is.EqualTo(Enumerable.Range(1, runs.Count)), "run sequences: consecutive from 1, no repeats");
            Assert.That(runs.Select(r => r.Id), Is.EquivalentTo(runAnswers.Where(a => a.Status == 201).Select(a => a.Id)));
            Assert.That(runs.Select(r => r.CandidateCount), Is.Ordered, "a later run never covers fewer candidates");
            Assert.That(runs[^1].CandidateCount, Is.EqualTo(enrolled.Count), "the last run covers every candidate");
        });
        // Each run holds the candidates numbered 1…its count: those enrolled before it, none half-present.
        await AssertRunsAreWholeAsync(selection, runs);
        await AssertAuditChainIntactAsync();
    }

    [Test]
    public async Task Enrolments_into_one_selection_at_once_all_succeed_with_consecutive_numbers()
    {
        var selection = await _client.OpenSelectionAsync(_position);
        var employees = await EmployeesAsync(12);
        for (var round = 0; round < 3; round++)
        {
            var batch = employees.Skip(round * 4).Take(4).ToList();
            var answers = await AtOnceAsync([.. batch.Select(e => (Func<Task<Answer>>)(() =>
                PostAsync($"/api/v1/selections/{selection}/candidates", new { employeeIds = new[] { e } })))]);
            Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(200), Show(answers));
        }
        var enrolled = await EnrolledAsync(selection);
        Assert.That(enrolled.Select(e => e.EmployeeId), Is.EquivalentTo(employees));
        Assert.That(enrolled.Select(e => e.Number), Is.EqualTo(Enumerable.Range(1, employees.Count)), "candidate numbers: 1…n, no gaps or repeats");
        await AssertAuditChainIntactAsync();
    }

    // ---- the same evidence written twice ------------------------------------------------------------------------------

    [Test]
    public async Task The_same_employee_registered_twice_at_once_is_one_employee_and_one_409()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var nip = ApiClient.NewNip();
            var body = new { nip, name = "Pegawai Kembar", grade = "III/c", unit = "Biro Uji" };
            var answers = await AtOnceAsync(() => PostAsync("/api/v1/employees", body), () => PostAsync("/api/v1/employees", body));

            var rows = await CountAsync("SELECT count(*) FROM employees WHERE nip = @p", nip);
            Assert.Multiple(() =>
            {
                Assert.That(answers.Select(a => a.Status), Is.EquivalentTo(new[] { 201, 409 }), Show(answers));
                Assert.That(answers.Where(a => a.Status == 409).Select(a => a.Rule), Is.All.EqualTo("duplicate-nip"), Show(answers));
                Assert.That(rows, Is.EqualTo(1), "employees with the NIP");
            });
        }
        AssertSuccessOr409(_all, null);
    }

    [Test]
    public async Task The_same_assessment_posted_twice_at_once_is_one_row_and_one_409()
    {
        var employee = await _client.CreateEmployeeAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var assessedOn = new DateOnly(2025, 1, 1).AddDays(round).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var body = new { competencyCode = _competency, level = 4, assessedOn, assessor = "Pusat Penilaian Kompetensi ASN" };
            var url = $"/api/v1/employees/{employee}/competency-assessments";
            var answers = await AtOnceAsync(() => PostAsync(url, body), () => PostAsync(url, body));

            var rows = await CountAsync($"SELECT count(*) FROM competency_assessments WHERE employee_id = @p AND assessed_on = '{assessedOn}'", employee);
            Assert.Multiple(() =>
            {
                Assert.That(answers.Select(a => a.Status), Is.EquivalentTo(new[] { 201, 409 }), Show(answers));
                Assert.That(answers.Where(a => a.Status == 409).Select(a => a.Rule), Is.All.EqualTo("duplicate-assessment"), Show(answers));
                Assert.That(rows, Is.EqualTo(1), "assessments of the day");
            });
        }
        // A different level on the same day by the same body is a correction, not a duplicate: stored, and it counts.
        var correction = await PostAsync($"/api/v1/employees/{employee}/competency-assessments",
            new { competencyCode = _competency, level = 5, assessedOn = "2025-01-01", assessor = "Pusat Penilaian Kompetensi ASN" });
        Assert.That(correction.Status, Is.EqualTo(201), correction.Body);
        AssertSuccessOr409(_all, null);
    }

    [Test]
    public async Task The_same_rating_put_twice_at_once_is_one_row_with_that_rating()
    {
        var employee = await _client.CreateEmployeeAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var year = 2015 + round;
            var rating = round % 2 == 0 ? "Good" : "VeryGood";
            var url = $"/api/v1/employees/{employee}/performance-ratings/{year}";
            var answers = await AtOnceAsync(() => PutAsync(url, new { rating }), () => PutAsync(url, new { rating }));

            // PUT is an upsert: both may succeed with the same effect; a loser of the first insert may get a 409 instead.
            var stored = await RatingsAsync(employee, year);
            Assert.Multiple(() =>
            {
                Assert.That(answers.Count(a => a.Status == 200), Is.GreaterThanOrEqualTo(1), Show(answers));
                Assert.That(stored, Is.EqualTo(new[] { rating }), "the year's rating rows");
            });
        }
        // Two different ratings for one year at once: one row, holding a rating that was answered 200 (the last writer's).
        for (var round = 0; round < Rounds; round++)
        {
            var url = $"/api/v1/employees/{employee}/performance-ratings/{2015 + round}";
            var answers = await AtOnceAsync(() => PutAsync(url, new { rating = "Poor" }), () => PutAsync(url, new { rating = "VeryGood" }));
            var stored = await RatingsAsync(employee, 2015 + round);
            var accepted = answers.Where(a => a.Status == 200).Select(a => (string)JsonNode.Parse(a.Body)!["rating"]!).ToList();
            Assert.That(accepted, Is.Not.Empty, Show(answers));
            Assert.That(stored, Has.Count.EqualTo(1).And.Some.AnyOf([.. accepted]), Show(answers));
        }
        AssertSuccessOr409(_all, 200);
    }

    [Test]
    public async Task The_same_candidate_enrolled_twice_at_once_is_one_candidate_and_one_409()
    {
        var selection = await _client.OpenSelectionAsync(_position);
        var employees = await EmployeesAsync(Rounds);
        foreach (var employee in employees)
        {
            var url = $"/api/v1/selections/{selection}/candidates";
            var answers = await AtOnceAsync(() => PostAsync(url, new { employeeIds = new[] { employee } }),
                () => PostAsync(url, new { employeeIds = new[] { employee } }));

            var rows = await CountAsync($"SELECT count(*) FROM candidates WHERE selection_id = '{selection}' AND employee_id = @p", employee);
            Assert.Multiple(() =>
            {
                Assert.That(answers.Select(a => a.Status), Is.EquivalentTo(new[] { 200, 409 }), Show(answers));
                Assert.That(rows, Is.EqualTo(1), "candidates for the employee");
            });
        }
        var enrolled = await EnrolledAsync(selection);
        Assert.That(enrolled.Select(e => e.Number), Is.EqualTo(Enumerable.Range(1, Rounds)), "one candidate per employee, numbered 1…n");
        Assert.That(await CountAsync("SELECT candidate_count FROM selections WHERE id = @p", selection), Is.EqualTo(Rounds));
        AssertSuccessOr409(_all, 200);
    }

    [Test]
    public async Task The_same_idempotency_key_sent_twice_at_once_has_one_effect_and_the_other_gets_the_replay_or_a_409()
    {
        var selection = await _client.OpenSelectionAsync(_position);
        await _client.EnrolAsync(selection, [.. await EmployeesAsync(3)]);
        for (var round = 0; round < Rounds; round++)
        {
            var key = $"concurrent-{Guid.NewGuid()}";
            var nip = ApiClient.NewNip();
            var body = new { nip, name = "Pegawai Idempoten", grade = "III/c", unit = "Biro Uji" };
            var employee = await AtOnceAsync(() => PostAsync("/api/v1/employees", body, key), () => PostAsync("/api/v1/employees", body, key));
            var runKey = $"concurrent-run-{Guid.NewGuid()}";
            var runs = await AtOnceAsync(() => PostAsync($"/api/v1/selections/{selection}/scoring-runs", null, runKey),
                () => PostAsync($"/api/v1/selections/{selection}/scoring-runs", null, runKey));

            var rows = await CountAsync("SELECT count(*) FROM employees WHERE nip = @p", nip);
            Assert.Multiple(() =>
            {
                foreach (var pair in new[] { employee, runs })
                {
                    var first = pair.Where(a => a is { Status: 201, Replayed: false }).ToList();
                    Assert.That(first, Has.Count.EqualTo(1), $"exactly one request does the work: {Show(pair)}");
                    var other = pair.Single(a => !first.Contains(a));
                    Assert.That(other.Status is 201 or 409, Show(pair));
                    if (other.Status == 201)
                        Assert.That(other is { Replayed: true } && other.Id == first[0].Id, $"the replay is the first answer: {Show(pair)}");
                }
                Assert.That(rows, Is.EqualTo(1), "employees with the NIP");
            });
        }
        var stored = await RunsAsync(selection);
        Assert.That(stored.Select(r => r.Sequence), Is.EqualTo(Enumerable.Range(1, Rounds)), "one scoring run per key");
        AssertSuccessOr409(_all, 201);
    }

    // ---- sending -----------------------------------------------------------------------------------------------------

    /// <summary>One answer, with when it was sent and received (to show that two requests really overlapped).</summary>
    private sealed record Answer(string Request, int Status, string? MediaType, string Body, bool Replayed, long Started, long Ended)
    {
        private JsonNode? Json => Body.Length > 0 && MediaType is not null && MediaType.Contains("json", StringComparison.Ordinal) ? JsonNode.Parse(Body) : null;
        public Guid? Id => Status is 200 or 201 && Json is JsonObject o && o["id"] is { } id ? (Guid)id : null;
        public string? ProblemType => MediaType == "application/problem+json" ? (string?)Json?["type"] : null;
        public string? Rule => MediaType == "application/problem+json" ? (string?)Json?["rule"] : null;
        public bool Overlaps(Answer other) => Started < other.Ended && other.Started < Ended;
        public override string ToString() => $"{Request} → {Status}{(Replayed ? " (replayed)" : "")} {HostileRequest.Shorten(Body, 300)}";
    }

    /// <summary>Every answer of the current test.</summary>
    private readonly List<Answer> _all = [];

    [SetUp]
    public void Forget() => _all.Clear();

    /// <summary>What the racing requests were answered, by request kind: the report shows which outcomes a run produced.</summary>
    [TearDown]
    public void Report()
    {
        foreach (var kind in _all.GroupBy(a => System.Text.RegularExpressions.Regex.Replace(a.Request, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")))
            TestContext.Out.WriteLine($"{kind.Key}: " + string.Join(", ", kind.GroupBy(a => (a.Status, a.Rule, a.Replayed)).OrderBy(g => g.Key.Status)
                .Select(g => $"{g.Key.Status}{(g.Key.Rule is null ? "" : $" {g.Key.Rule}")}{(g.Key.Replayed ? " replayed" : "")} ×{g.Count()}")));
    }

    private Task<Answer> PostAsync(string url, object? body = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, url, body, idempotencyKey);

    private Task<Answer> PutAsync(string url, object body) => SendAsync(HttpMethod.Put, url, body, null);

    private async Task<Answer> SendAsync(HttpMethod method, string url, object? body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (idempotencyKey is not null)
            request.Headers.Add(IdempotencyHeader.Header, idempotencyKey);
        var started = Stopwatch.GetTimestamp();
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = new Answer($"{method} {url}", (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text,
            response.Headers.Contains(IdempotencyHeader.ReplayedHeader), started, Stopwatch.GetTimestamp());
        lock (_all)
            _all.Add(answer);
        return answer;
    }

    /// <summary>Sends every request at the same moment: each waits on one barrier, released once all are waiting.</summary>
    private static async Task<Answer[]> AtOnceAsync(params Func<Task<Answer>>[] requests)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = requests.Select(async send =>
        {
            await go.Task;
            return await send();
        }).ToList();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static string Show(IEnumerable<Answer> answers) => string.Join("\n", answers);

    /// <summary>Every answer is the expected success or a 409 problem of the API's conflict types: never a 5xx, never anything else.</summary>
    private static void AssertSuccessOr409(IEnumerable<Answer> answers, int? success)
    {
        foreach (var answer in answers)
        {
            if (answer.Status is >= 200 and < 300 && (success is null || answer.Status == success))
                continue;
            Assert.That(answer.Status, Is.EqualTo(409), answer.ToString());
            Assert.That(answer.ProblemType, Is.AnyOf(ProblemTypes.Conflict, ProblemTypes.RuleViolation), answer.ToString());
            Assert.That(answer.Rule, Is.Not.Null.And.Not.Empty, answer.ToString());
        }
    }

    /// <summary>Employees with evidence that makes them eligible, with merit scores that differ (and some that tie).</summary>
    private async Task<List<Guid>> EmployeesAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
            ids.Add(await _client.CreateEmployeeWithEvidenceAsync([(_competency, 2 + i % 4), ("M-INTEGRITY", 3 + i % 3)],
                i % 3 == 0 ? "VeryGood" : "Good", "Good"));
        return ids;
    }

    // ---- what is stored ------------------------------------------------------------------------------------------------

    private sealed record StoredRun(Guid Id, int Sequence, int CandidateCount, int EligibleCount);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_api.Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<List<StoredRun>> RunsAsync(Guid selection)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, sequence, candidate_count, eligible_count FROM scoring_runs WHERE selection_id = @s ORDER BY sequence, id", connection);
        command.Parameters.AddWithValue("s", selection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<StoredRun>();
        while (await reader.ReadAsync())
            runs.Add(new StoredRun(reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return runs;
    }

    private async Task<List<(Guid EmployeeId, int Number)>> EnrolledAsync(Guid selection)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT employee_id, number FROM candidates WHERE selection_id = @s ORDER BY number", connection);
        command.Parameters.AddWithValue("s", selection);
        await using var reader = await command.ExecuteReaderAsync();
        var candidates = new List<(Guid, int)>();
        while (await reader.ReadAsync())
            candidates.Add((reader.GetGuid(0), reader.GetInt32(1)));
        return candidates;
    }

    /// <summary>
    /// Every run is whole: as many result rows as its candidate count, for exactly the candidates numbered 1…count, its
    /// eligible count matching, ranks only on eligible results and in competition order (1, 2, 2, 4: a rank is one more
    /// than the number of results ranked better).
    /// </summary>
    private async Task AssertRunsAreWholeAsync(Guid selection, IReadOnlyList<StoredRun> runs)
    {
        await using var connection = await OpenAsync();
        foreach (var run in runs)
        {
            await using var command = new NpgsqlCommand("""
                SELECT c.number, r.eligible, r.rank
                FROM candidate_results r JOIN candidates c ON c.id = r.candidate_id
                WHERE r.scoring_run_id = @r AND c.selection_id = @s ORDER BY c.number
                """, connection);
            command.Parameters.AddWithValue("r", run.Id);
            command.Parameters.AddWithValue("s", selection);
            var results = new List<(int Number, bool Eligible, int? Rank)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    results.Add((reader.GetInt32(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
            }
            await using var all = new NpgsqlCommand("SELECT count(*) FROM candidate_results WHERE scoring_run_id = @r", connection);
            all.Parameters.AddWithValue("r", run.Id);
            var rows = (long)(await all.ExecuteScalarAsync())!;

            var ranks = results.Where(r => r.Rank is not null).Select(r => r.Rank!.Value).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(rows, Is.EqualTo(run.CandidateCount), $"run {run.Sequence}: result rows vs candidate_count");
                Assert.That(results.Select(r => r.Number), Is.EqualTo(Enumerable.Range(1, run.CandidateCount)),
                    $"run {run.Sequence}: its candidates are those numbered 1…{run.CandidateCount}");
                Assert.That(results.Count(r => r.Eligible), Is.EqualTo(run.EligibleCount), $"run {run.Sequence}: eligible_count");
                Assert.That(results.All(r => r.Eligible == (r.Rank is not null)), $"run {run.Sequence}: a rank exactly on each eligible result");
                Assert.That(ranks.All(rank => rank == 1 + ranks.Count(other => other < rank)), $"run {run.Sequence}: competition ranking");
            });
        }
    }

    /// <summary>Per run, its figures for every candidate as one text (candidate, JPM, performance, merit, eligibility, rank, box).</summary>
    private async Task<List<string>> FiguresAsync(IEnumerable<StoredRun> runs)
    {
        await using var connection = await OpenAsync();
        var figures = new List<string>();
        foreach (var run in runs)
        {
            await using var command = new NpgsqlCommand("""
                SELECT string_agg(concat_ws('|', candidate_id, jpm, jpm_band, performance_score, merit_score, eligible, rank, talent_box),
                                  E'\n' ORDER BY candidate_id)
                FROM candidate_results WHERE scoring_run_id = @r
                """, connection);
            command.Parameters.AddWithValue("r", run.Id);
            figures.Add((string)(await command.ExecuteScalarAsync())!);
        }
        return figures;
    }

    private async Task<List<string>> RatingsAsync(Guid employee, int year)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT rating FROM performance_ratings WHERE employee_id = @e AND year = @y", connection);
        command.Parameters.AddWithValue("e", employee);
        command.Parameters.AddWithValue("y", year);
        await using var reader = await command.ExecuteReaderAsync();
        var ratings = new List<string>();
        while (await reader.ReadAsync())
            ratings.Add(reader.GetString(0));
        return ratings;
    }

    private async Task<long> CountAsync(string sql, object parameter)
    {
        await using var connection = await OpenAsync();
#pragma warning disable CA2100 // the SQL is the test's own; values go in as parameters (or are GUIDs and dates it made)
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("p", parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task AssertAuditChainIntactAsync()
    {
        var chain = await _client.GetJsonAsync("/api/v1/audit/verification");
        Assert.That((string?)chain["status"], Is.EqualTo("intact"), chain.ToJsonString());
    }
}
