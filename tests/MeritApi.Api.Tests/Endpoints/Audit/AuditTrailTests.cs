using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.Audit;

/// <summary>
/// The audit trail on the shared database, read over HTTP: one entry per command with its name, the records it
/// touched, the caller's X-Request-Id and the SHA-256 of the exact body bytes; filters and paging; and the hash
/// chain verifying intact. (Tampering with the trail happens in <see cref="AuditTamperTests"/>, on databases of
/// their own.)
/// </summary>
public sealed class AuditTrailTests
{
    /// <summary>SHA-256 of zero bytes: the digest of a command sent without a body.</summary>
    private const string EmptyBodyDigest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private HttpClient _client = null!;
    private HttpClient _actorClient = null!;
    private string _actor = null!;
    private Guid _position;
    private Guid _selection;
    private Guid _run;
    private List<Guid> _candidates = null!;
    private readonly Dictionary<string, (string RequestId, byte[] Body)> _sent = [];

    [OneTimeSetUp]
    public async Task ArrangeCommandsAsync()
    {
        _client = ApiClient.Create();
        // The selection's commands come from a caller of their own, so that filtering by actor has something to find.
        var tag = Guid.NewGuid().ToString("N")[..8];
        _actor = $"hr-sync-{tag}";
        _actorClient = ApiClient.CreateWithToken(TestTokens.Mint(Roles.All, subject: _actor));
        _position = await _actorClient.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var first = await _actorClient.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3)], "VeryGood", "VeryGood");
        var second = await _actorClient.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2)], "Good", "Good");

        // Bodies laid out by hand (odd spacing, a line break, member order of our choosing), so that the digest
        // can only match if the API hashed the bytes as received rather than a re-serialisation.
        var open = Bytes($"{{ \"kind\":\"Promotion\" ,\n  \"positionId\": \"{_position}\", \"places\": 1, \"policyVersion\": 1, \"latestPerformanceYear\": 2025 }}");
        _selection = (Guid)(await SendAsync("OpenSelection", HttpMethod.Post, "/api/v1/selections", open, $"audit-open-{tag}", HttpStatusCode.Created))["id"]!;

        var enrol = Bytes($"{{\"employeeIds\":[\"{first}\",\n\"{second}\"]}}   ");
        var enrolled = await SendAsync("EnrolCandidates", HttpMethod.Post, $"/api/v1/selections/{_selection}/candidates", enrol, $"audit-enrol-{tag}",
            HttpStatusCode.OK);
        _candidates = [.. enrolled.AsArray().Select(c => (Guid)c!["id"]!)];

        using var score = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/selections/{_selection}/scoring-runs");
        score.Headers.Add(HttpRequestContext.RequestIdHeader, $"audit.score:{tag}");
        _sent["RunScoring"] = ($"audit.score:{tag}", []);
        _run = (Guid)(await _actorClient.SendAsync(score).ExpectAsync(HttpStatusCode.Created))["id"]!;
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _client.Dispose();
        _actorClient.Dispose();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<JsonNode> SendAsync(string command, HttpMethod method, string url, byte[] body, string requestId, HttpStatusCode status)
    {
        _sent[command] = (requestId, body);
        using var response = await _actorClient.SendRawJsonAsync(method, url, body, requestId);
        Assert.That(response.Headers.GetValues(HttpRequestContext.RequestIdHeader), Is.EqualTo(new[] { requestId }), "the request id is echoed");
        return await response.ExpectAsync(status);
    }

    private async Task<JsonNode> EntriesAsync(string query) => await _client.GetJsonAsync($"/api/v1/audit/entries?{query}");

    private static string Q(JsonNode entry, string field) => Uri.EscapeDataString((string)entry[field]!);

    [Test]
    public async Task Each_command_of_a_selection_leaves_an_entry_with_its_name_touched_ids_request_id_and_body_digest()
    {
        var page = await EntriesAsync($"selectionId={_selection}");
        var items = page["items"]!.AsArray().Select(e => e!).ToList();
        Assert.That(items.Select(e => (string)e["command"]!), Is.EqualTo(new[] { "OpenSelection", "EnrolCandidates", "RunScoring" }));
        Assert.That((int)page["totalCount"]!, Is.EqualTo(3));

        var touched = items.Select(e => e["touchedIds"]!.AsArray().Select(id => (Guid)id!).ToList()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(touched[0], Is.EquivalentTo(new[] { _selection, _position }));
            Assert.That(touched[1], Is.EquivalentTo(_candidates.Prepend(_selection)));
            Assert.That(touched[2], Is.EquivalentTo(new[] { _selection, _run }));
            foreach (var entry in items)
            {
                var (requestId, body) = _sent[(string)entry["command"]!];
                Assert.That((string)entry["requestId"]!, Is.EqualTo(requestId));
                Assert.That((string)entry["bodyDigest"]!, Is.EqualTo(ApiClient.Sha256Hex(body)));
                Assert.That((string)entry["actor"]!, Is.EqualTo(_actor), "the token's subject");
                Assert.That((string)entry["role"]!, Is.EqualTo(string.Join(",", Roles.All.Order(StringComparer.Ordinal))), "the token's roles");
                Assert.That((string)entry["hash"]!, Does.Match("^[0-9a-f]{64}$"));
            }
            Assert.That((string)items[2]["bodyDigest"]!, Is.EqualTo(EmptyBodyDigest));
            Assert.That(items.Select(e => (long)e["sequence"]!), Is.Ordered.Ascending);
            Assert.That(items[0]["outcomeDigest"], Is.Null);
        }

        // The scoring run's entry chains its results digest: the one the rationale verification checks against.
        var verification = await _client.GetJsonAsync(
            $"/api/v1/selections/{_selection}/scoring-runs/{_run}/results/{_candidates[0]}/rationale/verification");
        Assert.That((string?)items[2]["outcomeDigest"], Is.EqualTo((string)verification["runDigest"]!["stored"]!));
    }

    [Test]
    public async Task Other_commands_are_recorded_too_and_the_table_row_holds_what_was_sent()
    {
        var body = Bytes($"{{\"nip\":\"{ApiClient.NewNip()}\",\"name\":\"Pegawai Audit\",  \"grade\":\"III/c\",\"unit\":\"Biro Audit\"}}");
        var requestId = $"audit-employee-{Guid.NewGuid():N}";
        using var response = await _client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/employees", body, requestId);
        var employee = (Guid)(await response.ExpectAsync(HttpStatusCode.Created))["id"]!;

        await using var connection = new Npgsql.NpgsqlConnection(ApiTestEnvironment.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT command, touched_ids, body_digest, actor, outcome_digest FROM audit_entries WHERE request_id = @id", connection);
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "an entry with the request id exists");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reader.GetString(0), Is.EqualTo("RegisterEmployee"));
            Assert.That(reader.GetFieldValue<Guid[]>(1), Is.EqualTo(new[] { employee }));
            Assert.That(reader.GetString(2), Is.EqualTo(ApiClient.Sha256Hex(body)));
            Assert.That(reader.GetString(3), Is.EqualTo("test-" + string.Join("+", Roles.All)), "the token's subject");
            Assert.That(reader.IsDBNull(4), Is.True);
        }
        Assert.That(await reader.ReadAsync(), Is.False, "exactly one entry per command");
    }

    [Test]
    public async Task The_entry_records_the_role_the_caller_acted_in()
    {
        // DESIGN §5: an audit entry says who, in which role, did what. An HR-system token can only act as the HR system.
        var subject = $"hr-only-{Guid.NewGuid():N}";
        using var hr = ApiClient.CreateWithToken(TestTokens.Mint([Roles.HrSystem], subject: subject));
        await hr.CreateEmployeeAsync();

        var entry = (await EntriesAsync($"actor={subject}"))["items"]!.AsArray().Single()!;
        Assert.That(((string)entry["command"]!, (string)entry["actor"]!, (string)entry["role"]!),
            Is.EqualTo(("RegisterEmployee", subject, Roles.HrSystem)));
    }

    [Test]
    public async Task A_refused_command_leaves_no_entry_and_an_unsafe_request_id_is_replaced()
    {
        var refusedId = $"audit-refused-{Guid.NewGuid():N}";
        using (var refused = await _client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/employees", Bytes("""{"nip":"123"}"""), refusedId))
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ApiTestEnvironment.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE request_id = '{refusedId}'"),
            Is.Zero);

        // Not a sane token (a space, a quote): the API makes its own id, echoes it and records that one.
        var body = Bytes($"{{\"nip\":\"{ApiClient.NewNip()}\",\"name\":\"Pegawai Audit\",\"grade\":\"III/c\",\"unit\":\"Biro Audit\"}}");
        using var response = await _client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/employees", body, "not 'sane'");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var assigned = response.Headers.GetValues(HttpRequestContext.RequestIdHeader).Single();
        Assert.That(assigned, Is.Not.EqualTo("not 'sane'"));
        Assert.That(Guid.TryParse(assigned, out _), Is.True, assigned);
        Assert.That(await ApiTestEnvironment.Database.ScalarAsync<string>($"SELECT command FROM audit_entries WHERE request_id = '{assigned}'"),
            Is.EqualTo("RegisterEmployee"));
    }

    [Test]
    public async Task Entries_filter_by_selection_actor_and_time_and_page_in_sequence_order()
    {
        var all = (await EntriesAsync($"selectionId={_selection}"))["items"]!.AsArray().Select(e => e!).ToList();
        var (open, enrol, score) = (all[0], all[1], all[2]);

        var first = await EntriesAsync($"selectionId={_selection}&pageSize=2");
        var second = await EntriesAsync($"selectionId={_selection}&pageSize=2&page=2");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((int)first["totalCount"]!, (int)first["totalPages"]!, (int)first["page"]!, (int)first["pageSize"]!), Is.EqualTo((3, 2, 1, 2)));
            Assert.That(first["items"]!.AsArray().Select(e => (string)e!["command"]!), Is.EqualTo(new[] { "OpenSelection", "EnrolCandidates" }));
            Assert.That(second["items"]!.AsArray().Select(e => (string)e!["command"]!), Is.EqualTo(new[] { "RunScoring" }));
            Assert.That((int)second["page"]!, Is.EqualTo(2));
        }

        static IEnumerable<string> Commands(JsonNode page) => page["items"]!.AsArray().Select(e => (string)e!["command"]!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Commands(await EntriesAsync($"actor={_actor}")), Is.EqualTo(new[]
            {
                "CreatePosition",
                "RegisterEmployee", "RecordCompetencyAssessment", "RecordPerformanceRating", "RecordPerformanceRating",
                "RegisterEmployee", "RecordCompetencyAssessment", "RecordPerformanceRating", "RecordPerformanceRating",
                "OpenSelection", "EnrolCandidates", "RunScoring",
            }));
            Assert.That(Commands(await EntriesAsync($"selectionId={_selection}&actor={_actor}")),
                Is.EqualTo(new[] { "OpenSelection", "EnrolCandidates", "RunScoring" }));
            Assert.That((int)(await EntriesAsync($"selectionId={_selection}&actor=someone-else"))["totalCount"]!, Is.Zero);
            Assert.That((int)(await EntriesAsync($"actor=no-such-caller-{Guid.NewGuid():N}"))["totalCount"]!, Is.Zero);
            Assert.That(Commands(await EntriesAsync($"selectionId={_selection}&from={Q(score, "occurredAt")}")), Is.EqualTo(new[] { "RunScoring" }));
            Assert.That(Commands(await EntriesAsync($"selectionId={_selection}&to={Q(open, "occurredAt")}")), Is.EqualTo(new[] { "OpenSelection" }));
            Assert.That(Commands(await EntriesAsync($"selectionId={_selection}&from={Q(enrol, "occurredAt")}&to={Q(enrol, "occurredAt")}")),
                Is.EqualTo(new[] { "EnrolCandidates" }));
            Assert.That((int)(await EntriesAsync($"selectionId={Guid.NewGuid()}"))["totalCount"]!, Is.Zero);
        }

        // Without a selection filter, the time window still holds exactly what happened inside it, across selections.
        var window = await EntriesAsync($"from={Q(open, "occurredAt")}&to={Q(score, "occurredAt")}&pageSize=500");
        var sequences = window["items"]!.AsArray().Select(e => (long)e!["sequence"]!).ToList();
        Assert.That(sequences, Is.EqualTo(Enumerable.Range((int)(long)open["sequence"]!, (int)((long)score["sequence"]! - (long)open["sequence"]! + 1))
            .Select(i => (long)i)));

        var backwards = await _client.GetAsync($"/api/v1/audit/entries?from={Q(score, "occurredAt")}&to={Q(open, "occurredAt")}")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(backwards.ErrorFields(), Is.EqualTo(new[] { "to" }));
    }

    [Test]
    public async Task Time_filters_take_an_instant_in_any_offset_such_as_WIB()
    {
        // An auditor in Jakarta writes times in WIB (UTC+7): the same instant must select the same entries.
        var score = (await EntriesAsync($"selectionId={_selection}"))["items"]!.AsArray()
            .Single(e => (string)e!["command"]! == "RunScoring")!;
        var wib = Uri.EscapeDataString(((DateTimeOffset)score["occurredAt"]!).ToOffset(TimeSpan.FromHours(7))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));

        var entries = await EntriesAsync($"selectionId={_selection}&from={wib}");
        Assert.That(entries["items"]!.AsArray().Select(e => (string)e!["command"]!), Is.EqualTo(new[] { "RunScoring" }));
        await _client.GetJsonAsync($"/api/v1/audit/merit-deviations?from={wib}");
    }

    [Test]
    public async Task The_chain_links_every_entry_to_its_predecessor_and_verifies_intact()
    {
        var verification = await _client.GetJsonAsync("/api/v1/audit/verification");
        var count = await ApiTestEnvironment.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");
        var last = await ApiTestEnvironment.Database.ScalarAsync<long>("SELECT max(sequence) FROM audit_entries");
        var lastHash = await ApiTestEnvironment.Database.ScalarAsync<string>("SELECT hash FROM audit_entries ORDER BY sequence DESC LIMIT 1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("intact"));
            Assert.That((long)verification["entriesChecked"]!, Is.EqualTo(count));
            Assert.That((long?)verification["lastSequence"], Is.EqualTo(last));
            Assert.That(last, Is.EqualTo(count), "sequences run 1, 2, 3, … without gaps");
            Assert.That((string?)verification["lastHash"], Is.EqualTo(lastHash));
            Assert.That(verification["firstBrokenSequence"], Is.Null);
            Assert.That(verification["reason"], Is.Null);
        }

        // Independently of the verifier: each entry names its predecessor's hash, the first one the genesis hash.
        var unlinked = await ApiTestEnvironment.Database.ScalarAsync<long>("""
            SELECT count(*) FROM audit_entries e LEFT JOIN audit_entries p ON p.sequence = e.sequence - 1
            WHERE e.previous_hash IS DISTINCT FROM coalesce(p.hash, repeat('0', 64))
            """);
        var distinctHashes = await ApiTestEnvironment.Database.ScalarAsync<long>("SELECT count(DISTINCT hash) FROM audit_entries");
        Assert.That((unlinked, distinctHashes), Is.EqualTo((0L, count)));

        var entries = (await EntriesAsync($"selectionId={_selection}"))["items"]!.AsArray();
        foreach (var entry in entries)
        {
            var sequence = (long)entry!["sequence"]!;
            var previous = await ApiTestEnvironment.Database.ScalarAsync<string>(
                $"SELECT hash FROM audit_entries WHERE sequence = {(sequence - 1).ToString(CultureInfo.InvariantCulture)}");
            Assert.That((string)entry["previousHash"]!, Is.EqualTo(previous), $"entry {sequence}");
        }
    }
}
