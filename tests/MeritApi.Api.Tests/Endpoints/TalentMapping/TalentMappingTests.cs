using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.TalentMapping;

/// <summary>
/// Talent-mapping runs through HTTP on PostgreSQL, over a unit of its own. The position held asks integrity 3 and a
/// technical competency 3 (6 levels). STAR: 3 and 3 (JPM 100), VeryGood in 2025 and 2024 (100): box 9. LOW: 2 and 2 (66.67,
/// not optimal), NeedsImprovement twice (60): box 1. NOPOS holds no position; NOSKP lacks 2024; both are unplaced with why.
/// </summary>
public sealed class TalentMappingTests
{
    private HttpClient _hr = null!;
    private string _unit = null!;
    private Guid _position;
    private string _positionCode = null!;
    private readonly Dictionary<string, (Guid Id, string Nip)> _employees = [];
    private JsonNode _run = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        _unit = $"Biro Talenta {Guid.NewGuid():N}"[..22];
        var technical = await _hr.RegisterTechnicalCompetencyAsync("TM");
        _position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3), (technical, 3)]);
        _positionCode = (string)(await _hr.GetJsonAsync($"/api/v1/positions/{_position}"))["code"]!;
        foreach (var (name, holds, level, r2025, r2024) in new (string, bool, int, string, string?)[]
                 {
                     ("STAR", true, 3, "VeryGood", "VeryGood"), ("LOW", true, 2, "NeedsImprovement", "NeedsImprovement"),
                     ("NOPOS", false, 3, "Good", "Good"), ("NOSKP", true, 3, "Good", null),
                 })
        {
            var nip = ApiClient.NewNip();
            var created = await _hr.PostAsJsonAsync("/api/v1/employees",
                new { nip, name = $"Pegawai {name}", grade = "III/c", unit = _unit, currentPositionId = holds ? _position : (Guid?)null })
                .ExpectAsync(HttpStatusCode.Created);
            var id = (Guid)created["id"]!;
            await _hr.AssessAsync(id, "M-INTEGRITY", level);
            await _hr.AssessAsync(id, technical, level);
            await _hr.RateAsync(id, 2025, r2025);
            if (r2024 is not null)
                await _hr.RateAsync(id, 2024, r2024);
            _employees[name] = (id, nip);
        }
        _run = await _hr.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { _unit }, latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created);
    }

    [OneTimeTearDown]
    public void Dispose() => _hr.Dispose();

    private string Run => $"/api/v1/talent-mapping-runs/{_run["id"]}";

    [Test]
    public void The_run_maps_the_unit_and_counts_who_is_placed_and_who_is_not()
    {
        Assert.That(((int)_run["placedCount"]!, (int)_run["unplacedCount"]!, (int)_run["talentPoolCount"]!), Is.EqualTo((2, 2, 1)));
        Assert.That(_run["units"]!.AsArray().Select(u => (string)u!), Is.EqualTo(new[] { _unit }));
        Assert.That(((string)_run["sealScheme"]!, ((string)_run["resultsDigest"]!).Length), Is.EqualTo(("meritapi-mapping-v1", 64)));
    }

    [Test]
    public async Task The_distribution_is_per_box_and_per_unit_and_box()
    {
        var run = await _hr.GetJsonAsync(Run);

        var boxes = run["boxes"]!.AsArray().ToDictionary(b => (int)b!["box"]!, b => (int)b!["count"]!);
        Assert.That(boxes.Where(b => b.Value > 0), Is.EquivalentTo(new Dictionary<int, int> { [9] = 1, [1] = 1 }));
        var unit = run["byUnit"]!.AsArray().Single()!;
        Assert.That(((string)unit["unit"]!, (int)unit["placed"]!, (int)unit["unplaced"]!, (int)unit["talentPool"]!), Is.EqualTo((_unit, 2, 2, 1)));
        Assert.That((string)run["boxes"]![0]!["followUp"]!, Does.StartWith("Keep and promote"), "box 9 first, with its follow-up");
    }

    [Test]
    public async Task Each_placement_has_its_figures_and_a_sealed_rationale_that_verifies()
    {
        var placements = (await _hr.GetJsonAsync($"{Run}/placements"))["items"]!.AsArray();
        Assert.That(placements.Select(p => ((string)p!["nip"]!, (int)p["talentBox"]!, (decimal)p["jpm"]!, (decimal)p["performanceScore"]!, (string)p["jpmBand"]!)),
            Is.EqualTo(new[]
            {
                (_employees["STAR"].Nip, 9, 100m, 100m, "Optimal"),
                (_employees["LOW"].Nip, 1, 66.67m, 60m, "NotOptimal"),
            }));

        var star = await _hr.GetJsonAsync($"{Run}/placements/{_employees["STAR"].Id}");
        var rationale = star["rationale"]!;
        Assert.That(((string)rationale["policy"]!["bandSet"]!, (decimal)rationale["band"]!["topBandFrom"]!, (Guid)rationale["positionId"]!),
            Is.EqualTo(("Mapping", 90m, _position)));
        Assert.That(((string)rationale["sealScheme"]!, ((string)rationale["seal"]!).Length), Is.EqualTo(("meritapi-mapping-v1", 64)));

        var verification = await _hr.GetJsonAsync($"{Run}/placements/{_employees["STAR"].Id}/verification");
        Assert.That(((string)verification["status"]!, (bool)verification["seal"]!["match"]!, (bool)verification["runDigest"]!["match"]!),
            Is.EqualTo(("match", true, true)));
        Assert.That((string)verification["seal"]!["stored"]!, Is.EqualTo((string)rationale["seal"]!));
        Assert.That((string?)verification["runDigest"]!["recordedInAuditTrail"], Is.EqualTo((string)_run["resultsDigest"]!));
    }

    [Test]
    public async Task The_unplaced_are_listed_with_every_reason()
    {
        var unplaced = (await _hr.GetJsonAsync($"{Run}/unplaced"))["items"]!.AsArray()
            .ToDictionary(u => (string)u!["nip"]!, u => u!["reasons"]!.AsArray().Select(r => (string)r!["reason"]!).ToList());

        Assert.That(unplaced, Is.EquivalentTo(new Dictionary<string, List<string>>
        {
            [_employees["NOPOS"].Nip] = ["NoCurrentPosition"],
            [_employees["NOSKP"].Nip] = ["MissingPerformanceRating"],
        }));
        await _hr.GetAsync($"{Run}/placements/{_employees["NOPOS"].Id}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_export_has_one_row_per_placed_employee_and_the_picture_counts_each_box()
    {
        using var csv = await _hr.GetAsync($"{Run}/export");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(lines, Is.EqualTo(new[]
        {
            "\"nip\",\"box\",\"potential_value\",\"performance_value\",\"total\",\"jpm_band\",\"position_code\",\"unit\"",
        }.Concat(new[] { ("STAR", "9", "100.00", "100.00", "100.00", "Optimal"), ("LOW", "1", "66.67", "60.00", "63.34", "NotOptimal") }
            .OrderBy(r => _employees[r.Item1].Nip, StringComparer.Ordinal)
            .Select(r => $"\"{_employees[r.Item1].Nip}\",\"{r.Item2}\",\"{r.Item3}\",\"{r.Item4}\",\"{r.Item5}\",\"{r.Item6}\",\"{_positionCode}\",\"{_unit}\""))));

        using var svg = await _hr.GetAsync($"{Run}/talent-grid");
        var picture = await svg.Content.ReadAsStringAsync();
        Assert.That(svg.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/svg+xml"));
        Assert.That(picture, Does.Contain("data-box=\"9\" data-count=\"1\"").And.Contain("data-box=\"1\" data-count=\"1\"").And.Contain("data-box=\"5\" data-count=\"0\""));
    }

    [Test]
    public async Task A_retried_run_with_the_same_key_is_the_same_run()
    {
        var key = Guid.NewGuid().ToString();
        async Task<(HttpResponseMessage, JsonNode)> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/talent-mapping-runs") { Content = JsonContent.Create(new { units = new[] { _unit } }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await _hr.SendAsync(request);
            return (response, await response.ExpectAsync(HttpStatusCode.Created));
        }

        var (first, a) = await SendAsync();
        var (second, b) = await SendAsync();

        Assert.That((Guid)b["id"]!, Is.EqualTo((Guid)a["id"]!));
        Assert.That(second.Headers.Contains("Idempotent-Replayed"), Is.True);
        first.Dispose();
        second.Dispose();
    }

    [TestCase(Roles.Auditor, HttpStatusCode.OK)]
    [TestCase(Roles.Committee, HttpStatusCode.Forbidden)]
    public async Task Auditors_read_committees_see_none_only_HR_runs(string role, HttpStatusCode expected)
    {
        using var client = ApiClient.CreateWithToken(TestTokens.Mint(role));
        foreach (var path in new[] { "/api/v1/talent-mapping-runs", Run, $"{Run}/placements", $"{Run}/placements/{_employees["STAR"].Id}",
                     $"{Run}/placements/{_employees["STAR"].Id}/verification", $"{Run}/unplaced", $"{Run}/export", $"{Run}/talent-grid" })
            Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(expected), path);
        Assert.That((await client.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { _unit } })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("""{"units":[" "]}""", "units[0]")]
    [TestCase("""{"units":["Biro Yang Tidak Ada 0001"]}""", "units[0]")]
    [TestCase("""{"units":[],"referenceDate":"2999-01-01"}""", "referenceDate")]
    [TestCase("""{"units":[],"policyVersion":0}""", "policyVersion")]
    [TestCase("""{"units":[],"latestPerformanceYear":1999}""", "latestPerformanceYear")]
    [TestCase("""{"units":"Biro"}""", "units")]
    [TestCase("""{}""", "units")]
    [TestCase("""{"units":[],"religion":"x"}""", "religion")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var problem = await _hr.PostJsonAsync("/api/v1/talent-mapping-runs", body).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public async Task Unknown_runs_policies_and_bad_filters_are_named()
    {
        await _hr.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { _unit }, policyVersion = 999 }).ExpectAsync(HttpStatusCode.NotFound);
        await _hr.GetAsync($"/api/v1/talent-mapping-runs/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        await _hr.GetAsync($"/api/v1/talent-mapping-runs/{Guid.NewGuid()}/placements").ExpectAsync(HttpStatusCode.NotFound);
        Assert.That((await _hr.GetAsync($"{Run}/placements?box=10").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EquivalentTo(new[] { "box" }));
        Assert.That((await _hr.GetAsync($"{Run}/unplaced?pageSize=0").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EquivalentTo(new[] { "pageSize" }));
    }

    [Test]
    public async Task A_placement_edited_behind_the_API_s_back_no_longer_verifies()
    {
        await using var api = await OwnApiHost.StartAsync("mapping-tamper");
        var technical = await api.Client.RegisterTechnicalCompetencyAsync("TMT");
        var position = await api.Client.CreatePositionAsync([("M-INTEGRITY", 3), (technical, 3)]);
        var created = await api.Client.PostAsJsonAsync("/api/v1/employees",
            new { nip = ApiClient.NewNip(), name = "Pegawai Uji", grade = "III/c", unit = "Biro Uji Sunting", currentPositionId = position })
            .ExpectAsync(HttpStatusCode.Created);
        var employee = (Guid)created["id"]!;
        await api.Client.AssessAsync(employee, "M-INTEGRITY", 3);
        await api.Client.AssessAsync(employee, technical, 2);
        await api.Client.RateAsync(employee, 2025, "Good");
        await api.Client.RateAsync(employee, 2024, "Good");
        var run = (Guid)(await api.Client.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = Array.Empty<string>(), latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        var url = $"/api/v1/talent-mapping-runs/{run}/placements/{employee}/verification";
        Assert.That((string)(await api.Client.GetJsonAsync(url))["status"]!, Is.EqualTo("match"));

        // JPM 83.33 (5 of 6, fairly optimal) and SKP 80: box 5. The rationale now says technical 3 and the box 8, which is what
        // that evidence would give; but the stored JPM is still 83.33, and the seal was made over the rationale as it was.
        await api.TamperAsync($"""
            UPDATE talent_mapping_placements SET talent_box = 8,
                rationale = replace(rationale::text, '"assessedLevel":2', '"assessedLevel":3')::json
            WHERE mapping_run_id = '{run}' AND employee_id = '{employee}'
            """);

        var verification = await api.Client.GetJsonAsync(url);
        Assert.That(((string)verification["status"]!, (bool)verification["seal"]!["match"]!), Is.EqualTo(("mismatch", false)));
        Assert.That(verification["differences"]!.AsArray().Select(d => (string)d!["figure"]!), Is.SupersetOf(new[] { "jpm", "jpmBand", "total" }));
        Assert.That((string)verification["seal"]!["recomputedFromStoredRationale"]!, Is.Not.EqualTo((string)verification["seal"]!["stored"]!));
        Assert.That((bool)verification["runDigest"]!["match"]!, Is.True, "the seal columns were left alone, so the run's digest still holds");
    }

    [Test]
    public async Task A_seal_edited_behind_the_API_s_back_breaks_the_run_digest()
    {
        await using var api = await OwnApiHost.StartAsync("mapping-seal-tamper");
        var position = await api.Client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var created = await api.Client.PostAsJsonAsync("/api/v1/employees",
            new { nip = ApiClient.NewNip(), name = "Pegawai Uji", grade = "III/c", unit = "Biro Uji Segel", currentPositionId = position })
            .ExpectAsync(HttpStatusCode.Created);
        var employee = (Guid)created["id"]!;
        await api.Client.AssessAsync(employee, "M-INTEGRITY", 3);
        await api.Client.RateAsync(employee, 2025, "Good");
        await api.Client.RateAsync(employee, 2024, "Good");
        var run = (Guid)(await api.Client.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = Array.Empty<string>(), latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;

        await api.TamperAsync($"UPDATE talent_mapping_placements SET seal = repeat('0', 64) WHERE mapping_run_id = '{run}'");

        var verification = await api.Client.GetJsonAsync($"/api/v1/talent-mapping-runs/{run}/placements/{employee}/verification");
        Assert.That(((string)verification["status"]!, (bool)verification["seal"]!["match"]!, (bool)verification["runDigest"]!["match"]!),
            Is.EqualTo(("mismatch", false, false)));
        Assert.That((string)verification["runDigest"]!["recordedInAuditTrail"]!, Is.EqualTo((string)verification["runDigest"]!["stored"]!));
    }
}
