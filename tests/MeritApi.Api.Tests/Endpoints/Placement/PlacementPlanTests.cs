using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.Placement;

/// <summary>
/// Placement plans through HTTP on PostgreSQL. Three vacancies, one seat each: V1 asks T1 at 5, V2 T2 at 5, V3 T3 at 5. Every
/// candidate is rated VeryGood in 2025 and 2024, so merit follows the JPM (a level is 20 points):
/// <code>
///          V1   V2   V3
///   A     100   80   40     greedy (best to V1 first): V1 ← A, V2 ← B, V3 ← C = JPM 200
///   B      80   40   20     optimum:                   V1 ← B, V2 ← A, V3 ← C = JPM 220
///   C      60   20   60
/// </code>
/// D has every level at 5 but took up their post a year ago (outside the 2–5-year window); E is at 5 on T1 only and has a
/// declared conflict of interest with V1.
/// </summary>
public sealed class PlacementPlanTests
{
    private HttpClient _hr = null!;
    private Setup _setup = null!;

    internal sealed record Setup(Guid V1, Guid V2, Guid V3, Dictionary<string, Guid> People)
    {
        public object Body(string minimumBand = "DoesNotMeet") => new
        {
            vacancies = new[] { new { positionId = V1, places = 1 }, new { positionId = V2, places = 1 }, new { positionId = V3, places = 1 } },
            employeeIds = People.Values.ToArray(),
            minimumBand,
            conflicts = new[] { new { employeeId = People["E"], positionId = V1, reason = "Spouse of the head of the unit V1 belongs to." } },
            latestPerformanceYear = 2025,
        };
    }

    internal static async Task<Setup> ArrangeAsync(HttpClient hr)
    {
        var t = new[] { await hr.RegisterTechnicalCompetencyAsync("PL"), await hr.RegisterTechnicalCompetencyAsync("PL"), await hr.RegisterTechnicalCompetencyAsync("PL") };
        var v = new Guid[3];
        for (var i = 0; i < 3; i++)
            v[i] = await hr.CreatePositionAsync([(t[i], 5)]);
        var inWindow = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3).ToString("yyyy-MM-dd");
        var tooRecent = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1).ToString("yyyy-MM-dd");
        var people = new Dictionary<string, Guid>();
        foreach (var (name, levels, since) in new (string, int[], string)[]
                 {
                     ("A", [5, 4, 2], inWindow), ("B", [4, 2, 1], inWindow), ("C", [3, 1, 3], inWindow), ("D", [5, 5, 5], tooRecent), ("E", [5, 0, 0], inWindow),
                 })
        {
            var held = await hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
            var id = (Guid)(await hr.PostAsJsonAsync("/api/v1/employees",
                    new { nip = ApiClient.NewNip(), name = $"Pegawai {name}", grade = "III/d", unit = "Biro Penempatan", currentPositionId = held, inPositionSince = since })
                .ExpectAsync(HttpStatusCode.Created))["id"]!;
            for (var i = 0; i < 3; i++)
                if (levels[i] > 0)
                    await hr.AssessAsync(id, t[i], levels[i]);
            await hr.RateAsync(id, 2025, "VeryGood");
            await hr.RateAsync(id, 2024, "VeryGood");
            people[name] = id;
        }
        return new Setup(v[0], v[1], v[2], people);
    }

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        _setup = await ArrangeAsync(_hr);
    }

    [OneTimeTearDown]
    public void Dispose() => _hr.Dispose();

    private Task<JsonNode> MakeAsync() => _hr.PostAsJsonAsync("/api/v1/placement-plans", _setup.Body()).ExpectAsync(HttpStatusCode.Created);

    private static Dictionary<Guid, Guid?> Seats(JsonNode document) =>
        document["vacancies"]!.AsArray().ToDictionary(v => (Guid)v!["positionId"]!, v => (Guid?)v!["seats"]![0]!["employeeId"]);

    [Test]
    public async Task The_plan_is_the_optimum_not_the_greedy_choice_and_says_why_for_everyone()
    {
        var made = await MakeAsync();
        Assert.That(((int)made["seatCount"]!, (int)made["filledSeats"]!, (int)made["candidateCount"]!, (bool)made["decided"]!), Is.EqualTo((3, 3, 5, false)));

        var plan = await _hr.GetJsonAsync($"/api/v1/placement-plans/{made["id"]}");
        var document = plan["document"]!;
        var p = _setup.People;
        Assert.That(Seats(document), Is.EquivalentTo(new Dictionary<Guid, Guid?> { [_setup.V1] = p["B"], [_setup.V2] = p["A"], [_setup.V3] = p["C"] }));
        var jpm = document["vacancies"]!.AsArray().Sum(v => (decimal)v!["seats"]![0]!["jpm"]!);
        Assert.That(jpm, Is.EqualTo(220m), "the optimum's JPM, where greedy gets 200");
        Assert.That((decimal)document["totalMerit"]!, Is.EqualTo(document["vacancies"]!.AsArray().Sum(v => (decimal)v!["seats"]![0]!["meritScore"]!)));

        var candidates = document["candidates"]!.AsArray().ToDictionary(c => (Guid)c!["employeeId"]!);
        var d = candidates[p["D"]]!;
        Assert.That(d["assignedTo"], Is.Null);
        Assert.That(d["refusals"]!.AsArray().Select(r => ((string)r!["refusal"]!, (int)r["vacancies"]!)), Is.EqualTo(new[] { ("YearsInPost", 3) }));
        var e = candidates[p["E"]]!;
        Assert.That(e["refusals"]!.AsArray().Select(r => ((string)r!["refusal"]!, (int)r["vacancies"]!)), Is.EqualTo(new[] { ("ConflictOfInterest", 1) }));
        Assert.That((string)e["outcome"]!, Does.StartWith("Not placed: allowed at 2 vacancies"));
        Assert.That(document["vacancies"]!.AsArray().Single(v => (Guid)v!["positionId"]! == _setup.V2)!["alternates"]!.AsArray()
            .Select(a => (Guid)a!["employeeId"]!), Is.EqualTo(new[] { p["E"] }), "D is refused there, A B C are placed: E is the only alternate");
        Assert.That(((string)document["sealScheme"]!, (string)document["seal"]!), Is.EqualTo(("meritapi-placement-v1", (string)made["seal"]!)));
    }

    [Test]
    public async Task The_plan_verifies_its_seal_its_audit_entry_and_a_re_run_from_its_own_evidence()
    {
        var made = await MakeAsync();
        var verification = await _hr.GetJsonAsync($"/api/v1/placement-plans/{made["id"]}/verification");
        Assert.That(((string)verification["status"]!, (bool)verification["sealMatches"]!, (bool)verification["rebuildMatches"]!),
            Is.EqualTo(("match", true, true)));
        Assert.That(((string)verification["recordedInAuditTrail"]!, (string)verification["rebuiltSeal"]!),
            Is.EqualTo(((string)made["seal"]!, (string)made["seal"]!)));
    }

    [Test]
    public async Task A_decision_that_follows_the_plan_needs_no_reason_and_a_plan_is_decided_once()
    {
        var made = await MakeAsync();
        var url = $"/api/v1/placement-plans/{made["id"]}/decision";
        var p = _setup.People;
        var placements = new[] { new { positionId = _setup.V1, employeeId = p["B"] }, new { positionId = _setup.V2, employeeId = p["A"] }, new { positionId = _setup.V3, employeeId = p["C"] } };
        using var committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.TalentCommittee]));

        var decision = await committee.PostAsJsonAsync(url, new { decidedBy = "Sekretaris Jenderal (PPK)", placements }).ExpectAsync(HttpStatusCode.Created);
        Assert.That(((int)decision["followed"]!, (int)decision["departures"]!, (bool)decision["flaggedForAuditors"]!), Is.EqualTo((3, 0, false)));
        Assert.That((string)(await _hr.GetJsonAsync(url))["digest"]!, Is.EqualTo((string)decision["digest"]!));
        Assert.That((bool?)(await _hr.GetJsonAsync($"/api/v1/placement-plans/{made["id"]}/verification"))["decisionDigestMatches"], Is.True);

        var again = await committee.PostAsJsonAsync(url, new { decidedBy = "Sekretaris Jenderal (PPK)", placements })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That((string)again["rule"]!, Is.EqualTo("plan-decided"));
        await committee.PostAsJsonAsync(url, new { decidedBy = "PPK", placements, justification = new string('x', 120) })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
    }

    [Test]
    public async Task A_departure_needs_a_justification_and_is_flagged_for_auditors()
    {
        var made = await MakeAsync();
        var url = $"/api/v1/placement-plans/{made["id"]}/decision";
        var p = _setup.People;
        // The greedy choice: A to V1 only. One placement outside the plan, three proposals left out.
        var greedy = new[] { new { positionId = _setup.V1, employeeId = p["A"] } };

        var refused = await _hr.PostAsJsonAsync(url, new { decidedBy = "PPK", placements = greedy }).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(((string)refused["rule"]!, refused.ErrorFields()), Is.EqualTo(("justification-required", new[] { "justification" })));

        var justification = "Pegawai A is placed in V1 on the PPK's instruction to lead the reorganisation there; the other seats are refilled next quarter.";
        var decision = await _hr.PostAsJsonAsync(url, new { decidedBy = "PPK", placements = greedy, justification }).ExpectAsync(HttpStatusCode.Created);
        Assert.That(((int)decision["followed"]!, (int)decision["departures"]!, (bool)decision["flaggedForAuditors"]!), Is.EqualTo((0, 4, true)));
        Assert.That(decision["departed"]!.AsArray().Select(x => (Guid)x!["employeeId"]!), Is.EquivalentTo(new[] { p["B"], p["A"], p["C"] }));

        using var auditor = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Auditor]));
        var flagged = await auditor.GetJsonAsync("/api/v1/placement-plans?withDepartures=true&pageSize=100");
        Assert.That(flagged["items"]!.AsArray().Select(x => (Guid)x!["id"]!), Does.Contain((Guid)made["id"]!));
        Assert.That(flagged["items"]!.AsArray().All(x => (bool?)x!["hasDepartures"] == true));
    }

    [Test]
    public async Task No_decision_places_someone_the_plan_s_conditions_refuse()
    {
        var made = await MakeAsync();
        var url = $"/api/v1/placement-plans/{made["id"]}/decision";
        var p = _setup.People;
        var reason = new string('r', 120);
        foreach (var (who, refusal) in new[] { ("D", "placement"), ("E", "conflict") })
        {
            var problem = await _hr.PostAsJsonAsync(url, new { decidedBy = "PPK", placements = new[] { new { positionId = _setup.V1, employeeId = p[who] } }, justification = reason })
                .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
            Assert.That(((string)problem["rule"]!, problem.ErrorFields()), Is.EqualTo(("placement-refused", new[] { "placements[0].employeeId" })), refusal);
        }
        var outside = await _hr.PostAsJsonAsync(url, new { decidedBy = "PPK", placements = new[] { new { positionId = Guid.NewGuid(), employeeId = p["A"] } }, justification = reason })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(outside.ErrorFields(), Is.EqualTo(new[] { "placements[0].positionId" }));
        await _hr.GetAsync(url).ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Test]
    public async Task A_minimum_band_refuses_pairs_below_it()
    {
        // Meets is JPM ≥ 80: at V3 nobody reaches it (C is 60), at V2 only A (80), at V1 A and B.
        var made = await _hr.PostAsJsonAsync("/api/v1/placement-plans", _setup.Body("Meets")).ExpectAsync(HttpStatusCode.Created);
        var document = (await _hr.GetJsonAsync($"/api/v1/placement-plans/{made["id"]}"))["document"]!;
        var p = _setup.People;
        Assert.That(Seats(document), Is.EquivalentTo(new Dictionary<Guid, Guid?> { [_setup.V1] = p["B"], [_setup.V2] = p["A"], [_setup.V3] = null }));
        var v3 = document["vacancies"]!.AsArray().Single(v => (Guid)v!["positionId"]! == _setup.V3)!["seats"]![0]!;
        Assert.That((string)v3["unfilledReason"]!, Does.StartWith("No candidate of the pool may take it"));
    }

    [TestCase("""{"employeeIds":["00000000-0000-0000-0000-000000000001"]}""", "vacancies")]
    [TestCase("""{"vacancies":[{"positionId":"00000000-0000-0000-0000-000000000001","places":1}]}""", "employeeIds")]
    [TestCase("""{"vacancies":[{"positionId":"00000000-0000-0000-0000-000000000001","places":0}],"employeeIds":["00000000-0000-0000-0000-000000000001"]}""", "vacancies[0].places")]
    [TestCase("""{"vacancies":[{"places":1}],"employeeIds":["00000000-0000-0000-0000-000000000001"]}""", "vacancies[0].positionId")]
    [TestCase("""{"vacancies":[{"positionId":"00000000-0000-0000-0000-000000000001","places":1}],"employeeIds":["00000000-0000-0000-0000-000000000001"],"minimumBand":"Optimal"}""", "minimumBand")]
    [TestCase("""{"vacancies":[{"positionId":"00000000-0000-0000-0000-000000000001","places":1}],"employeeIds":["00000000-0000-0000-0000-000000000001","00000000-0000-0000-0000-000000000001"]}""", "employeeIds")]
    [TestCase("""{"vacancies":[{"positionId":"00000000-0000-0000-0000-000000000001","places":1}],"employeeIds":["00000000-0000-0000-0000-000000000001"],"conflicts":[{"employeeId":"00000000-0000-0000-0000-000000000001","positionId":"00000000-0000-0000-0000-000000000001"}]}""", "conflicts[0].reason")]
    [TestCase("""{"vacancies":[{"positionId":"00000000-0000-0000-0000-000000000001","places":1}],"employeeIds":["00000000-0000-0000-0000-000000000001"],"referenceDate":"2999-01-01"}""", "referenceDate")]
    public async Task A_bad_plan_request_names_its_field(string body, string field)
    {
        var problem = await _hr.PostJsonAsync("/api/v1/placement-plans", body).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Does.Contain(field));
    }

    [Test]
    public async Task Unknown_positions_and_employees_are_named_by_their_place_in_the_request()
    {
        var body = ApiClient.Json(new { vacancies = new[] { new { positionId = _setup.V1, places = 1 }, new { positionId = Guid.NewGuid(), places = 1 } }, employeeIds = new[] { _setup.People["A"] } });
        Assert.That((await _hr.PostJsonAsync("/api/v1/placement-plans", body).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorFields(),
            Is.EqualTo(new[] { "vacancies[1].positionId" }));
        body = ApiClient.Json(new { vacancies = new[] { new { positionId = _setup.V1, places = 1 } }, employeeIds = new[] { _setup.People["A"], Guid.NewGuid() } });
        Assert.That((await _hr.PostJsonAsync("/api/v1/placement-plans", body).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorFields(),
            Is.EqualTo(new[] { "employeeIds[1]" }));
    }

    [Test]
    public async Task A_document_edited_behind_the_API_s_back_no_longer_verifies()
    {
        await using var api = await OwnApiHost.StartAsync("plan");
        var setup = await ArrangeAsync(api.Client);
        var made = await api.Client.PostAsJsonAsync("/api/v1/placement-plans", setup.Body()).ExpectAsync(HttpStatusCode.Created);
        // V1's seat given to A in the stored document (the greedy answer, as if the server had changed its mind).
        await api.TamperAsync($$"""
            UPDATE placement_plans SET document = jsonb_set(document::jsonb, '{vacancies,0,seats,0,employeeId}', to_jsonb('{{setup.People["A"]}}'::text))::json
            WHERE id = '{{made["id"]}}'
            """);

        var verification = await api.Client.GetJsonAsync($"/api/v1/placement-plans/{made["id"]}/verification");
        Assert.That(((string)verification["status"]!, (bool)verification["sealMatches"]!, (bool)verification["rebuildMatches"]!),
            Is.EqualTo(("mismatch", false, false)));
        Assert.That(verification["differences"]!.AsArray().Select(d => (string)d!), Has.Some.Contains($"stored {setup.People["A"]}"));
    }
}
