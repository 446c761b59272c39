using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.Employees;

/// <summary>
/// POST /api/v1/employees/import: 10,000 rows in one call, upsert by NIP, re-sending changes nothing, and a bad batch is
/// refused whole with every bad row named. On a host and database of its own: ten thousand employees must not
/// disturb the shared database the other tests count in.
/// </summary>
public sealed class BulkImportTests
{
    private const int MaxRows = 10_000;
    private static int _batchCounter = Random.Shared.Next(10_000, 90_000);

    private OwnApiHost _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await OwnApiHost.StartAsync("bulkimport");
        _client = _api.CreateClient(TestTokens.Mint([Roles.HrSystem], subject: "bulk-import-hr"), TimeSpan.FromMinutes(10));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    /// <summary>A NIP prefix of 8 digits no other batch of this run uses; row i gets prefix + i (6 digits) + "1001".</summary>
    private static string NewBatchPrefix() => $"197{Interlocked.Increment(ref _batchCounter):D5}";

    private static string NipOf(string prefix, int row) => $"{prefix}{row:D6}1001";

    private sealed record Row(string Nip, string Name, string Grade, string Unit, (string Code, int Level, string On)[] Assessments,
        (int Year, string Rating)[] Ratings);

    private static Row StandardRow(string prefix, int i) => new(NipOf(prefix, i), $"Pegawai Impor {i}", i % 2 == 0 ? "III/b" : "III/c",
        "Biro Impor", [("M-INTEGRITY", 1 + (i % 5), "2025-03-01"), ("M-COOPERATION", 1 + ((i + 2) % 5), "2025-03-01")],
        [(2025, "VeryGood"), (2024, "Good")]);

    /// <summary>The request body, written straight to UTF-8 (10,000 rows in a few milliseconds).</summary>
    private static byte[] Body(IEnumerable<Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("employees");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("nip", row.Nip);
                json.WriteString("name", row.Name);
                json.WriteString("grade", row.Grade);
                json.WriteString("unit", row.Unit);
                json.WriteStartArray("assessments");
                foreach (var (code, level, on) in row.Assessments)
                {
                    json.WriteStartObject();
                    json.WriteString("competencyCode", code);
                    json.WriteNumber("level", level);
                    json.WriteString("assessedOn", on);
                    json.WriteString("assessor", "Pusat Penilaian Kompetensi ASN");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("performanceRatings");
                foreach (var (year, rating) in row.Ratings)
                {
                    json.WriteStartObject();
                    json.WriteNumber("year", year);
                    json.WriteString("rating", rating);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _client.PostAsync("/api/v1/employees/import", content);
    }

    private static (int Rows, int Created, int Updated, int Unchanged, int AssessmentsAdded, int RatingsRecorded) Summary(JsonNode s) =>
        ((int)s["rows"]!, (int)s["created"]!, (int)s["updated"]!, (int)s["unchanged"]!, (int)s["assessmentsAdded"]!, (int)s["ratingsRecorded"]!);

    /// <summary>Employees, assessments and ratings stored under a NIP prefix.</summary>
    private async Task<(long Employees, long Assessments, long Ratings)> StoredAsync(string prefix) =>
    (
        await _api.Database.ScalarAsync<long>($"SELECT count(*) FROM employees WHERE nip LIKE '{prefix}%'"),
        await _api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM competency_assessments a JOIN employees e ON e.id = a.employee_id WHERE e.nip LIKE '{prefix}%'"),
        await _api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM performance_ratings r JOIN employees e ON e.id = r.employee_id WHERE e.nip LIKE '{prefix}%'")
    );

    [Test]
    public async Task Ten_thousand_rows_are_imported_in_one_call_and_re_sending_them_changes_nothing()
    {
        var prefix = NewBatchPrefix();
        var watch = Stopwatch.StartNew();
        var body = Body(Enumerable.Range(0, MaxRows).Select(i => StandardRow(prefix, i)));
        var built = watch.Elapsed;
        Assert.That(body.LongLength, Is.GreaterThan(WebApi.MaxRequestBodyBytes), "over the default body limit: the import's own limit applies");

        watch.Restart();
        var first = await ImportAsync(body).ExpectAsync(HttpStatusCode.OK);
        var firstTook = watch.Elapsed;

        Assert.That(Summary(first), Is.EqualTo((MaxRows, MaxRows, 0, 0, 2 * MaxRows, 2 * MaxRows)));
        Assert.That(await StoredAsync(prefix), Is.EqualTo((10_000L, 20_000L, 20_000L)));

        watch.Restart();
        var again = await ImportAsync(body).ExpectAsync(HttpStatusCode.OK);
        var againTook = watch.Elapsed;

        Assert.That(Summary(again), Is.EqualTo((MaxRows, 0, 0, MaxRows, 0, 0)));
        Assert.That(await StoredAsync(prefix), Is.EqualTo((10_000L, 20_000L, 20_000L)));
        // One audit entry per import, covering every employee it touched.
        Assert.That(await _api.Database.ScalarAsync<long>(
                "SELECT count(*) FROM audit_entries WHERE command = 'ImportEmployees' AND cardinality(touched_ids) = 10000"),
            Is.EqualTo(2));

        var report = $"10k import: body {body.Length / 1024.0 / 1024.0:F2} MiB built in {built.TotalMilliseconds:F0} ms; " +
                     $"first import {firstTook.TotalSeconds:F2} s; re-send (all unchanged) {againTook.TotalSeconds:F2} s";
        await TestContext.Out.WriteLineAsync(report);
        await TestContext.Progress.WriteLineAsync(report);
    }

    [Test]
    public async Task Rows_are_upserted_by_nip_and_only_real_changes_count()
    {
        var prefix = NewBatchPrefix();
        var rows = Enumerable.Range(0, 3).Select(i => StandardRow(prefix, i)).ToList();
        Assert.That(Summary(await ImportAsync(Body(rows)).ExpectAsync(HttpStatusCode.OK)), Is.EqualTo((3, 3, 0, 0, 6, 6)));

        List<Row> next =
        [
            rows[0] with { Name = "Pegawai Impor 0 (nama baru)", Unit = "  Biro Impor  " }, // profile change (unit trimmed to the same)
            rows[1] with { Ratings = [(2025, "VeryGood"), (2024, "VeryGood")] },             // a corrected rating
            rows[2] with { Assessments = [.. rows[2].Assessments, ("M-INTEGRITY", 5, "2025-09-01")] }, // a newer assessment
            StandardRow(prefix, 3),                                                           // new
            rows[0] with { Nip = NipOf(prefix, 4), Assessments = [], Ratings = [] },          // new, no evidence
        ];
        var summary = await ImportAsync(Body(next)).ExpectAsync(HttpStatusCode.OK);

        Assert.That(Summary(summary), Is.EqualTo((5, 2, 3, 0, 3, 3)));
        Assert.That(await StoredAsync(prefix), Is.EqualTo((5L, 3 * 2 + 1 + 2L, 4 * 2L)));
        var (name, unit) = (
            await _api.Database.ScalarAsync<string>($"SELECT name FROM employees WHERE nip = '{NipOf(prefix, 0)}'"),
            await _api.Database.ScalarAsync<string>($"SELECT unit FROM employees WHERE nip = '{NipOf(prefix, 0)}'"));
        Assert.That((name, unit), Is.EqualTo(("Pegawai Impor 0 (nama baru)", "Biro Impor")));
        Assert.That(await _api.Database.ScalarAsync<string>(
                $"SELECT r.rating FROM performance_ratings r JOIN employees e ON e.id = r.employee_id WHERE e.nip = '{NipOf(prefix, 1)}' AND r.year = 2024"),
            Is.EqualTo("VeryGood"));

        // And the same second batch once more: nothing left to do.
        Assert.That(Summary(await ImportAsync(Body(next)).ExpectAsync(HttpStatusCode.OK)), Is.EqualTo((5, 0, 0, 5, 0, 0)));
    }

    /// <summary>
    /// New employees are written by COPY, existing ones updated through the change tracker: the same row through either
    /// path must read back the same, through the API and in the database.
    /// </summary>
    [Test]
    public async Task An_employee_created_in_bulk_reads_back_exactly_as_one_given_the_same_evidence_through_the_tracker()
    {
        var position = await _client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var prefix = NewBatchPrefix();
        var (bulk, tracked) = (NipOf(prefix, 0), NipOf(prefix, 1));
        object Row(string nip, bool evidence) => new
        {
            nip,
            name = "Pegawai Setara",
            grade = "III/d",
            unit = "Biro Setara",
            currentPositionId = evidence ? position : (Guid?)null,
            inPositionSince = evidence ? "2023-01-02" : null,
            employmentType = evidence ? "Pppk" : null,
            assessments = evidence
                ? new[] { new { competencyCode = "M-INTEGRITY", level = 4, assessedOn = "2025-03-01", assessor = "Pusat Penilaian" },
                          new { competencyCode = "M-COOPERATION", level = 2, assessedOn = "2024-11-30", assessor = "Pusat Penilaian" } }
                : [],
            performanceRatings = evidence ? new[] { new { year = 2025, rating = "VeryGood" }, new { year = 2024, rating = "NeedsImprovement" } } : [],
        };
        Assert.That(Summary(await _client.PostAsJsonAsync("/api/v1/employees/import", new { employees = new[] { Row(bulk, true), Row(tracked, false) } })
            .ExpectAsync(HttpStatusCode.OK)), Is.EqualTo((2, 2, 0, 0, 2, 2)));
        Assert.That(Summary(await _client.PostAsJsonAsync("/api/v1/employees/import", new { employees = new[] { Row(tracked, true) } })
            .ExpectAsync(HttpStatusCode.OK)), Is.EqualTo((1, 0, 1, 0, 2, 2)));

        async Task<string> ReadBackAsync(string nip)
        {
            var found = (await _client.GetJsonAsync($"/api/v1/employees?nip={nip}"))["items"]!.AsArray();
            Assert.That(found, Has.Count.EqualTo(1));
            var employee = await _client.GetJsonAsync($"/api/v1/employees/{(Guid)found[0]!["id"]!}");
            var row = await _api.Database.ScalarAsync<string>($"""
                SELECT concat_ws('|', grade, unit, current_position_id, in_position_since, employment_type, revision,
                                 (SELECT string_agg(concat_ws(',', competency_code, level, assessed_on, assessor), ';' ORDER BY competency_code)
                                  FROM competency_assessments WHERE employee_id = e.id),
                                 (SELECT string_agg(concat_ws(',', year, rating), ';' ORDER BY year) FROM performance_ratings WHERE employee_id = e.id))
                FROM employees e WHERE nip = '{nip}'
                """);
            return Canonical(employee) + "\n" + row;
        }

        var (fromCopy, fromTracker) = (await ReadBackAsync(bulk), await ReadBackAsync(tracked));
        Assert.That(fromCopy, Does.Contain("Pppk").And.Contain("VeryGood").And.Contain("M-COOPERATION"));
        Assert.That(fromCopy, Is.EqualTo(fromTracker));
    }

    /// <summary>The representation without what differs by construction: ids, the NIP and the moment of recording.</summary>
    private static string Canonical(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Where(p => p.Key is not ("id" or "nip" or "recordedAt"))
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{(p.Value is null ? "null" : Canonical(p.Value))}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(v => v is null ? "null" : Canonical(v)).Order(StringComparer.Ordinal)) + "]",
        _ => node.ToJsonString(),
    };

    [Test]
    public async Task Two_imports_creating_the_same_employees_at_once_store_them_once_and_the_loser_is_a_409()
    {
        var prefix = NewBatchPrefix();
        var body = Body(Enumerable.Range(0, 2_000).Select(i => StandardRow(prefix, i)));

        var answers = await Task.WhenAll(ImportAsync(body), ImportAsync(body));

        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }).Or.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK }),
            "never a 500: the loser either waits and finds them (unchanged) or collides on the NIP");
        if (statuses[1] == HttpStatusCode.Conflict)
            await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
        Assert.That(await StoredAsync(prefix), Is.EqualTo((2_000L, 4_000L, 4_000L)));
    }

    [Test]
    public async Task A_batch_with_bad_rows_names_exactly_those_rows_fields_and_stores_nothing()
    {
        var prefix = NewBatchPrefix();
        var rows = Enumerable.Range(0, 10).Select(i => StandardRow(prefix, i)).ToList();
        rows[2] = rows[2] with { Assessments = [("M-INTEGRITY", 9, "2025-03-01"), rows[2].Assessments[1]] };
        rows[5] = rows[5] with { Nip = "19800101200" };
        rows[7] = rows[7] with { Nip = rows[1].Nip };

        var problem = await ImportAsync(Body(rows)).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);

        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "employees[2].assessments[0].level", "employees[5].nip", "employees[7].nip" }));
        Assert.That((string)problem["errors"]!["employees[7].nip"]![0]!, Does.Contain("employees[1]"));
        Assert.That(await StoredAsync(prefix), Is.EqualTo((0L, 0L, 0L)), "all or nothing");
    }

    [Test]
    public async Task A_misspelt_rating_is_reported_on_its_row_together_with_the_other_bad_rows()
    {
        var prefix = NewBatchPrefix();
        var rows = Enumerable.Range(0, 6).Select(i => StandardRow(prefix, i)).ToList();
        rows[1] = rows[1] with { Ratings = [(2025, "Great"), (2024, "Good")] };
        rows[4] = rows[4] with { Nip = "12345" };

        var problem = await ImportAsync(Body(rows)).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);

        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "employees[1].performanceRatings[0].rating", "employees[4].nip" }));
        Assert.That((string)problem["errors"]!["employees[1].performanceRatings[0].rating"]![0]!, Does.Contain("VeryGood"));
        Assert.That(await StoredAsync(prefix), Is.EqualTo((0L, 0L, 0L)));
    }

    [Test]
    public async Task An_unknown_competency_code_is_named_at_its_row_and_assessment_and_nothing_is_stored()
    {
        var prefix = NewBatchPrefix();
        var unknown = ApiClient.UniqueCode("T-NO-SUCH");
        var rows = Enumerable.Range(0, 3).Select(i => StandardRow(prefix, i)).ToList();
        rows[1] = rows[1] with { Assessments = [rows[1].Assessments[0], (unknown, 3, "2025-03-01")] };

        var problem = await ImportAsync(Body(rows)).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "employees[1].assessments[1].competencyCode" }));
        Assert.That((string)problem["errors"]!["employees[1].assessments[1].competencyCode"]![0]!, Does.Contain(unknown));
        Assert.That(await StoredAsync(prefix), Is.EqualTo((0L, 0L, 0L)));
    }

    [Test]
    public async Task More_than_ten_thousand_rows_are_refused_whole()
    {
        var prefix = NewBatchPrefix();
        var rows = Enumerable.Range(0, MaxRows + 1).Select(i => StandardRow(prefix, i) with { Assessments = [], Ratings = [] });

        var problem = await ImportAsync(Body(rows)).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "employees" }));
        Assert.That(await StoredAsync(prefix), Is.EqualTo((0L, 0L, 0L)));
    }

    [Test]
    public async Task An_empty_batch_is_refused()
    {
        var problem = await ImportAsync("""{"employees":[]}"""u8.ToArray()).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "employees" }));
    }
}
