using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using Npgsql;

namespace MeritApi.Api.Tests.Infrastructure;

/// <summary>
/// Issue 6, item 3: thousands of generated malformed or hostile requests (truncated and invalid JSON, wrong types, huge
/// numbers, deep nesting, 10 MB bodies, control and right-to-left characters, SQL injection in every text field and
/// query parameter, out-of-range values, duplicate keys, unknown fields, wrong content types, non-merit attributes in
/// odd places, invalid enums and GUIDs, Idempotency-Key abuse) against every write endpoint. None may answer 5xx, every
/// refusal must be RFC 9457 problem details, and the database must be exactly as it was. On a host and database of its
/// own, so nothing else sees the fixture or is disturbed by the load.
/// </summary>
[NonParallelizable]
public sealed class HostileInputTests
{
    private static readonly string[] Tables =
    [
        "competencies", "positions", "competency_requirements", "employees", "competency_assessments", "performance_ratings",
        "scoring_policies", "accreditations", "development_activities", "development_plans", "development_plan_actions", "talent_mapping_runs", "talent_mapping_placements", "talent_mapping_exclusions", "placement_plans", "placement_decisions", "succession_pools", "succession_members", "selections", "candidates", "scoring_runs", "candidate_results", "selection_decisions", "decision_choices",
        "audit_entries", "idempotency_keys",
    ];

    /// <summary>The order in which the valid requests are proved valid (enrol, then score, reveal and decide).</summary>
    private static readonly string[] ProbeOrder =
    [
        "POST /api/v1/competencies", "POST /api/v1/positions", "PUT /api/v1/positions/{id}/competency-standard", "POST /api/v1/employees",
        "POST /api/v1/employees/import", "POST /api/v1/employees/{id}/competency-assessments",
        "PUT /api/v1/employees/{id}/performance-ratings/{year}", "POST /api/v1/scoring-policies", "POST /api/v1/assessing-bodies",
        "POST /api/v1/employees/{id}/development-activities", "POST /api/v1/development-activities/import",
        "POST /api/v1/employees/{id}/development-plans", "POST /api/v1/development-plans/{planId}/actions/{actionId}/progress",
        "POST /api/v1/talent-mapping-runs", "POST /api/v1/placement-plans", "POST /api/v1/placement-plans/{planId}/decision",
        "POST /api/v1/succession-pools", "POST /api/v1/succession-pools/{poolId}/members/{employeeId}/nomination",
        "POST /api/v1/succession-pools/{poolId}/members/{employeeId}/verification",
        "POST /api/v1/succession-pools/{poolId}/members/{employeeId}/approval",
        "POST /api/v1/selections",
        "POST /api/v1/selections/{id}/candidates", "POST /api/v1/selections/{id}/scoring-runs", "POST /api/v1/selections/{id}/identity-reveal",
        "POST /api/v1/selections/{id}/decision",
    ];

    private OwnApiHost _api = null!;
    private HttpClient _client = null!;
    private HostileFixture _fixture = null!;
    private IReadOnlyList<DiscoveredEndpoint> _endpoints = null!;
    private IReadOnlyDictionary<string, WriteTarget> _targets = null!;
    private List<HostileRequest> _requests = null!;
    private int _unique;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The rate limit is per client; thousands of requests a minute from one token are the point here.
        _api = await OwnApiHost.StartAsync("hostile", ("RateLimit:PermitsPerMinute", "1000000"));
        _client = _api.CreateClient(TestTokens.Mint(Roles.All, subject: "hostile-input"), TimeSpan.FromMinutes(5));
        _endpoints = DiscoveredEndpoint.List(_api.Factory.Services);
        _targets = HostileInputGenerator.Targets(() => Interlocked.Increment(ref _unique));

        var (main, probe) = await ArrangeAsync();
        await ProveTheBaseRequestsAsync(main, probe);
        _fixture = main;
        _requests = [.. new HostileInputGenerator(_fixture, _endpoints, _targets).Generate()];
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_api is not null)
            await _api.DisposeAsync();
    }

    /// <summary>
    /// A technical competency, a position, three employees with evidence (one top, one ineligible, one not enrolled) and
    /// two scored selections: the main one every hostile request targets, and a probe one the valid requests are proved on.
    /// </summary>
    private async Task<(HostileFixture Main, HostileFixture Probe)> ArrangeAsync()
    {
        var code = await _client.RegisterTechnicalCompetencyAsync("HX");
        var positionId = await _client.CreatePositionAsync([(code, 3)]);
        var positionCode = (string)(await _client.GetJsonAsync($"/api/v1/positions/{positionId}"))["code"]!;
        var top = await _client.CreateEmployeeWithEvidenceAsync([(code, 4)], "VeryGood", "VeryGood");
        var ineligible = await _client.CreateEmployeeWithEvidenceAsync([(code, 2)], "Poor", "Poor");
        var spare = await _client.CreateEmployeeWithEvidenceAsync([(code, 3)], "Good", "Good");
        var nip = (string)(await _client.GetJsonAsync($"/api/v1/employees/{top}"))["nip"]!;
        await _client.PostAsJsonAsync("/api/v1/assessing-bodies",
                new { name = HostileInputGenerator.AccreditedBodyName, accreditedFrom = "2020-01-01" })
            .ExpectAsync(System.Net.HttpStatusCode.Created);

        async Task<(Guid Selection, Guid Run, List<Guid> Candidates)> ScoredSelectionAsync()
        {
            var selection = await _client.OpenSelectionAsync(positionId);
            var candidates = await _client.EnrolAsync(selection, top, ineligible);
            return (selection, await _client.ScoreAsync(selection), candidates);
        }

        // A position asking level 5 of the competency: the top employee (4) and the spare one (3) each get a plan with an action.
        var planPositionId = await _client.CreatePositionAsync([(code, 5)]);
        async Task<(Guid Activity, Guid Plan, Guid Action)> PlanAsync(Guid employee)
        {
            var activity = await _client.PostAsJsonAsync($"/api/v1/employees/{employee}/development-activities",
                new { form = "Coaching", title = "Coaching uji", startDate = "2025-01-06", endDate = "2025-01-06", jp = 2 }).ExpectAsync(System.Net.HttpStatusCode.Created);
            var plan = await _client.PostAsJsonAsync($"/api/v1/employees/{employee}/development-plans", new
            {
                targetPositionId = planPositionId,
                actions = new[] { new { competencyCode = code, form = "Coaching", title = "Coaching uji", targetDate = "2099-12-31" } },
            }).ExpectAsync(System.Net.HttpStatusCode.Created);
            return ((Guid)activity["id"]!, (Guid)plan["id"]!, (Guid)plan["actions"]![0]!["id"]!);
        }

        // Two employees holding the position for three years (inside the placement window), and one plan for each fixture.
        var since = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3).ToString("yyyy-MM-dd");
        async Task<Guid> InPostAsync(int level)
        {
            var id = (Guid)(await _client.PostAsJsonAsync("/api/v1/employees", new
            {
                nip = ApiClient.NewNip(),
                name = "Pegawai Penempatan",
                grade = "III/d",
                unit = "Biro Uji",
                currentPositionId = positionId,
                inPositionSince = since,
            }).ExpectAsync(System.Net.HttpStatusCode.Created))["id"]!;
            await _client.AssessAsync(id, code, level);
            await _client.RateAsync(id, 2025, "VeryGood");
            await _client.RateAsync(id, 2024, "VeryGood");
            return id;
        }
        var (first, second) = (await InPostAsync(4), await InPostAsync(3));
        // Three more in post, all box 9 in a mapping run of the unit: a succession pool whose members wait at each step.
        var (third, fourth, fifth) = (await InPostAsync(3), await InPostAsync(3), await InPostAsync(3));
        var mappingRun = (Guid)(await _client.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { "Biro Uji" }, latestPerformanceYear = 2025 })
            .ExpectAsync(System.Net.HttpStatusCode.Created))["id"]!;
        var pool = (Guid)(await _client.PostAsJsonAsync("/api/v1/succession-pools", new { targetPositionId = planPositionId, reason = "Critical", mappingRunId = mappingRun })
            .ExpectAsync(System.Net.HttpStatusCode.Created))["id"]!;
        async Task StepsAsync(Guid member, int steps)
        {
            foreach (var step in new[] { "nomination", "verification", "approval" }.Take(steps))
                await _client.PostAsJsonAsync($"/api/v1/succession-pools/{pool}/members/{member}/{step}",
                        step == "nomination" ? new { reason = "Uji." } : (object)new { accepted = true, reason = "Uji." })
                    .ExpectAsync(System.Net.HttpStatusCode.OK);
        }
        await StepsAsync(first, 3);
        await StepsAsync(fourth, 1);
        await StepsAsync(fifth, 2);
        async Task<Guid> PlacementPlanAsync() => (Guid)(await _client.PostAsJsonAsync("/api/v1/placement-plans", new
        {
            vacancies = new[] { new { positionId = planPositionId, places = 1 }, new { positionId, places = 1 } },
            employeeIds = new[] { first, second },
            minimumBand = "DoesNotMeet",
        }).ExpectAsync(System.Net.HttpStatusCode.Created))["id"]!;

        var (selection, run, candidates) = await ScoredSelectionAsync();
        var (probeSelection, probeRun, probeCandidates) = await ScoredSelectionAsync();
        var (activity, plan, action) = await PlanAsync(top);
        var (probeActivity, probePlan, probeAction) = await PlanAsync(spare);
        var main = new HostileFixture(code, positionId, positionCode, top, nip, spare, ineligible, selection, run, candidates[0], candidates[1],
            planPositionId, activity, plan, action, await PlacementPlanAsync(), second, first, second, mappingRun, pool, third, fourth, fifth);
        var probe = main with
        {
            EmployeeId = spare,
            ActivityId = probeActivity,
            PlanId = probePlan,
            PlanActionId = probeAction,
            PlacementPlanId = await PlacementPlanAsync(),
            PoolNominee = second,
            PoolVerifiee = second,
            PoolApprovee = second,
            SelectionId = probeSelection,
            RunId = probeRun,
            TopCandidateId = probeCandidates[0],
            IneligibleCandidateId = probeCandidates[1],
        };
        return (main, probe);
    }

    /// <summary>
    /// Before any hostile request: every write endpoint is known to the generator, each valid base request succeeds (on the
    /// probe selection), each late-failing one is refused by its handler with the expected status, and each body's fields
    /// are exactly those of the type the endpoint binds. A mutation refused later can then only be refused for itself.
    /// </summary>
    private async Task ProveTheBaseRequestsAsync(HostileFixture main, HostileFixture probe)
    {
        var writes = _endpoints.Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        Assert.That(writes.Select(e => e.Key), Is.EquivalentTo(ProbeOrder), "a write endpoint the hostile generator does not know (add it to Targets)");
        Assert.That(_targets.Keys, Is.EquivalentTo(ProbeOrder));

        foreach (var key in ProbeOrder)
        {
            var target = _targets[key];
            var endpoint = writes.Single(e => e.Key == key);
            Assert.That(target.HasBody, Is.EqualTo(endpoint.BodyType is not null), $"{key}: body or no body");
            if (target.HasBody)
            {
                var fields = HostileInputGenerator.FieldsOf(endpoint.BodyType!).Select(f => f.Path);
                Assert.That(HostileInputGenerator.PathsOf(target.Valid!(main)), Is.EquivalentTo(fields),
                    $"{key}: the valid body must carry every field of {endpoint.BodyType!.Name}, so each is mutated");
            }

            var method = new HttpMethod(endpoint.Method);
            var valid = await SendJsonAsync(method, target.Url(probe), target.Valid?.Invoke(probe));
            Assert.That(valid.Status, Is.InRange(200, 299), $"{key}: the valid base request must succeed: {valid.Body}");
            // The committee decides on the run it reviewed, which is now the newest.
            if (key == "POST /api/v1/selections/{id}/scoring-runs")
                probe = probe with { RunId = (Guid)JsonNode.Parse(valid.Body)!["id"]! };
            if (target.LateFail is not null)
            {
                var (url, body) = target.LateFail(main);
                var late = await SendJsonAsync(method, url, body);
                Assert.That(late.Status, Is.EqualTo(target.LateFailStatus), $"{key}: the late-failing base request: {late.Body}");
                Assert.That(late.MediaType, Is.EqualTo("application/problem+json"));
            }
        }
    }

    private async Task<(int Status, string? MediaType, string Body)> SendJsonAsync(HttpMethod method, string url, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    // ---- the tests ---------------------------------------------------------------------------------------------------

    [Test, Order(1)]
    public async Task Over_a_thousand_hostile_requests_to_every_write_endpoint_are_refused_as_problem_details_and_change_nothing()
    {
        var requests = _requests.Where(r => r.Kind != HostileKind.Arguable).ToList();
        var writes = requests.Where(r => r.Method != HttpMethod.Get).ToList();
        var reads = requests.Where(r => r.Method == HttpMethod.Get).ToList();
        var queried = _endpoints.Where(e => e.Method == "GET" && e.QueryParameters.Count > 0).Select(e => e.Key).ToList();
        var before = await SnapshotAsync();

        var outcome = await SendAllAsync(requests);

        var after = await SnapshotAsync();
        var chain = await _client.GetJsonAsync("/api/v1/audit/verification");
        Report("Phase 1: requests that must be refused (writes) and hostile query parameters (reads)", requests, outcome);
        TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hostile input: {requests.Count} requests ({writes.Count} writes to {writes.Select(r => r.Endpoint).Distinct().Count()} write endpoints, " +
            $"{reads.Count} reads of {queried.Count} query endpoints) in {outcome.Elapsed.TotalSeconds:F1} s; {outcome.Failures.Count} failures."));

        Assert.Multiple(() =>
        {
            Assert.That(writes, Has.Count.GreaterThanOrEqualTo(1_000), "hostile write requests");
            Assert.That(writes.All(r => r.Kind == HostileKind.MustFail), "every hostile write must be refused");
            foreach (var key in ProbeOrder)
                Assert.That(writes.Count(r => r.Endpoint == key), Is.GreaterThanOrEqualTo(100), $"hostile requests to {key}");
            // Discovery by reflection must not quietly find nothing: the filters known to take an enum are among what it found.
            Assert.That(queried, Is.SupersetOf(new[] { "GET /api/v1/competencies", "GET /api/v1/selections", "GET /api/v1/employees", "GET /api/v1/audit/entries" }));
            Assert.That(reads.Select(r => r.Endpoint).Distinct(), Is.EquivalentTo(queried), "hostile queries to every read endpoint that takes a query");
            Assert.That(reads.Where(r => r.Family == "query-enums").Select(r => r.Endpoint).Distinct(),
                Is.SupersetOf(new[] { "GET /api/v1/competencies", "GET /api/v1/selections" }), "enum filters refused strictly");
            Assert.That(outcome.Failures, Is.Empty, "5xx answers, refusals that are not problem details (of the expected type), or transport failures");
            Assert.That(outcome.Successes.Where(s => s.Request.Kind == HostileKind.MustFail).Select(s => s.Request.Show()), Is.Empty,
                "hostile requests the API accepted");
            Assert.That(before.Keys, Is.SupersetOf(Tables), "the snapshot covers every table of the model");
            Assert.That(Differences(before, after), Is.Empty, "the database changed (row counts and content hashes per table)");
            Assert.That((string?)chain["status"], Is.EqualTo("intact"), chain.ToJsonString());
        });
    }

    /// <summary>
    /// Requests whose success is arguable: SQL-looking, bidi, zero-width and not-quite-UTF-8 text in free-text fields of an
    /// otherwise valid request (O'Brien is a name; Arabic script is text), a byte-order mark, PascalCase property names, and
    /// bodies sent to commands that read none. They may succeed; none may answer 5xx, a refusal is still problem details, and
    /// text that was stored must read back exactly as sent. Runs after the phase that compares the database, because these
    /// may change it.
    /// </summary>
    [Test, Order(2)]
    public async Task Arguable_requests_never_fail_the_server_and_what_they_store_reads_back_verbatim()
    {
        // Body-less commands first (a decision closes the selection to scoring), decisions last.
        var requests = _requests.Where(r => r.Kind == HostileKind.Arguable)
            .OrderBy(r => r.Family == "bodyless-probe" ? 0 : r.Endpoint.EndsWith("/decision", StringComparison.Ordinal) ? 2 : 1).ToList();

        var outcome = await SendAllAsync(requests);
        Report("Phase 2: arguable requests (a success is reported, not failed)", requests, outcome);

        var mismatches = new List<string>();
        var compared = 0;
        foreach (var (request, body) in outcome.Successes.Where(s => s.Request is { Family: "free-text-probe", Endpoint: "POST /api/v1/employees" }))
        {
            JsonNode? sent;
            try
            {
                sent = JsonNode.Parse(request.Body);
            }
            catch (JsonException)
            {
                continue; // not UTF-8: nothing to compare with
            }
            var id = (string)JsonNode.Parse(body)!["id"]!;
            var stored = await _client.GetJsonAsync($"/api/v1/employees/{id}");
            compared++;
            foreach (var field in new[] { "name", "unit" })
                if ((string?)stored[field] != ((string?)sent![field])?.Trim())
                    mismatches.Add($"{field}: sent '{HostileRequest.Escape((string?)sent[field] ?? "")}', stored '{HostileRequest.Escape((string?)stored[field] ?? "")}'");
        }
        var chain = await _client.GetJsonAsync("/api/v1/audit/verification");

        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.Not.Empty);
            Assert.That(outcome.Failures, Is.Empty, "5xx answers, refusals that are not problem details, or transport failures");
            Assert.That(compared, Is.GreaterThan(0), "no stored free text was read back");
            Assert.That(mismatches, Is.Empty, "text stored differently from what was sent");
            Assert.That((string?)chain["status"], Is.EqualTo("intact"), chain.ToJsonString());
        });
    }

    private static List<string> Differences(SortedDictionary<string, string> before, SortedDictionary<string, string> after) =>
    [
        .. before.Keys.Union(after.Keys).Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table))
            .Select(table => $"{table}: {before.GetValueOrDefault(table) ?? "(none)"} → {after.GetValueOrDefault(table) ?? "(none)"}"),
    ];

    // ---- sending and judging -----------------------------------------------------------------------------------------

    private sealed class Outcome
    {
        public List<string> Failures { get; } = [];
        public List<(HostileRequest Request, string Body)> Successes { get; } = [];
        public Dictionary<string, SortedDictionary<int, int>> StatusesByFamily { get; } = [];
        public Dictionary<string, SortedDictionary<string, int>> ProblemTypesByFamily { get; } = [];
        public TimeSpan Elapsed { get; set; }
    }

    private async Task<Outcome> SendAllAsync(IReadOnlyList<HostileRequest> requests)
    {
        var outcome = new Outcome();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(message);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
            {
                outcome.Failures.Add($"{request.Show()}\n  → the request failed in transport: {ex.GetType().Name}: {ex.Message}");
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                var body = await response.Content.ReadAsStringAsync();
                Count(outcome.StatusesByFamily, request.Family, status);
                var (problem, type) = Judge(request, status, mediaType, body);
                if (type is not null)
                    Count(outcome.ProblemTypesByFamily, request.Family, type["urn:meritapi:problem:".Length..]);
                if (problem is not null)
                    outcome.Failures.Add($"{request.Show()}\n  → {problem}\n  → {status} {mediaType ?? "(no Content-Type)"}: {HostileRequest.Shorten(HostileRequest.Escape(body), 500)}");
                else if (status < 400 && request.Kind != HostileKind.Read)
                    outcome.Successes.Add((request, body));
            }
        }
        outcome.Elapsed = clock.Elapsed;
        return outcome;
    }

    private static void Count<T>(Dictionary<string, SortedDictionary<T, int>> counts, string family, T key) where T : notnull
    {
        if (!counts.TryGetValue(family, out var byKey))
            counts[family] = byKey = [];
        byKey[key] = byKey.GetValueOrDefault(key) + 1;
    }

    /// <summary>The one problem type a whole family of refusals must have (other families: any of the API's types).</summary>
    private static readonly Dictionary<string, string> ExpectedTypeByFamily = new(StringComparer.Ordinal)
    {
        ["truncated-json"] = ProblemTypes.MalformedRequest,
        ["invalid-json"] = ProblemTypes.MalformedRequest,
        ["deep-nesting"] = ProblemTypes.MalformedRequest,
        ["duplicate-keys"] = ProblemTypes.MalformedRequest,
        ["unknown-fields"] = ProblemTypes.MalformedRequest,
        ["invalid-unicode"] = ProblemTypes.MalformedRequest,
        ["wrong-method"] = ProblemTypes.MethodNotAllowed,
        ["unknown-ids"] = ProblemTypes.NotFound,
    };

    /// <summary>What is wrong with an answer (null: nothing), and the problem type when it is problem details.</summary>
    private static (string? Problem, string? Type) Judge(HostileRequest request, int status, string? mediaType, string body)
    {
        if (status >= 500)
            return ($"a server error ({status})", null);
        if (status < 400)
            return (null, null);
        if (mediaType != "application/problem+json")
            return ($"a {status} refusal that is not application/problem+json", null);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return ("problem details that are not JSON", null);
        }
        if (node is not JsonObject problem)
            return ("problem details that are not a JSON object", null);
        var type = problem["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type is null || !type.StartsWith("urn:meritapi:problem:", StringComparison.Ordinal))
            return ($"a problem type '{type}' that is not one of the API's", type);
        if (problem["title"] is not JsonValue title || !title.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            return ("problem details without a title", type);
        if (problem["status"] is not JsonValue statusValue || !statusValue.TryGetValue<int>(out var stated) || stated != status)
            return ($"problem details whose status is not {status}", type);
        if ((request.ExpectedProblemType ?? ExpectedTypeByFamily.GetValueOrDefault(request.Family)) is { } expected && type != expected)
            return ($"problem type '{type}', expected '{expected}'", type);
        return (null, type);
    }

    private static void Report(string title, List<HostileRequest> requests, Outcome outcome)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"== {title}: {requests.Count} requests in {outcome.Elapsed.TotalSeconds:F1} s ==");
        foreach (var kind in requests.GroupBy(r => r.Kind))
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind.Key}: {kind.Count()}");
        text.AppendLine("per family (requests: statuses; problem types):");
        foreach (var family in requests.GroupBy(r => r.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var statuses = outcome.StatusesByFamily.GetValueOrDefault(family.Key) ?? [];
            var types = outcome.ProblemTypesByFamily.GetValueOrDefault(family.Key) ?? [];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {family.Key,-22} {family.Count(),5}: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; {string.Join(", ", types.Select(t => $"{t.Key}×{t.Value}"))}");
        }
        text.AppendLine("per endpoint:");
        foreach (var endpoint in requests.GroupBy(r => r.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {endpoint.Key,-70} {endpoint.Count(),5}");
        text.AppendLine(CultureInfo.InvariantCulture, $"failures: {outcome.Failures.Count}");
        foreach (var failure in outcome.Failures.Take(60))
            text.AppendLine(failure);
        text.AppendLine(CultureInfo.InvariantCulture, $"successes (2xx) of writes: {outcome.Successes.Count}");
        foreach (var group in outcome.Successes.GroupBy(s => (s.Request.Family, s.Request.Endpoint)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{group.Key.Family}] {group.Key.Endpoint}: {group.Count()}");
            foreach (var (request, _) in group.Take(12))
                text.AppendLine(CultureInfo.InvariantCulture, $"      {request.Description}");
        }
        TestContext.Out.WriteLine(text.ToString());
    }

    // ---- the database snapshot ---------------------------------------------------------------------------------------

    /// <summary>Row count and a content hash of every table (ordered text of each row), by table name.</summary>
    private async Task<SortedDictionary<string, string>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(_api.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
#pragma warning disable CA2100 // the table names come from the catalogue, quoted
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" t",
                connection);
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot[table] = $"{reader.GetInt64(0)} rows, md5 {reader.GetString(1)}";
        }
        return snapshot;
    }
}
