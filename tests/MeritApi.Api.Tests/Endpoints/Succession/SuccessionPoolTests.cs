using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.Succession;

/// <summary>
/// Succession pools through HTTP on PostgreSQL, over a unit of its own. Everyone holds a position asking integrity 3; the
/// target asks five technical competencies at 5 (25 levels). READY, DEV and NOT are at integrity 3, VeryGood twice (box 9) and
/// credit 20, 17 and 16 of the target's 25 levels: JPM 80 (ready now), 68 (ready after development), 64 (not ready). LOW is at
/// integrity 2, NeedsImprovement twice: box 1, not a member.
/// </summary>
public sealed class SuccessionPoolTests
{
    private HttpClient _hr = null!;
    private HttpClient _committee = null!;
    private string _unit = null!;
    private Guid _target;
    private Guid _run;
    private readonly Dictionary<string, Guid> _people = [];

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.CreateWithToken(TestTokens.Mint([Roles.HrSystem], subject: "hr-bkpsdm"));
        _committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.TalentCommittee], subject: "komite-talenta"));
        using var all = ApiClient.Create();
        _unit = $"Biro Suksesi {Guid.NewGuid():N}"[..22];
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
            codes.Add(await all.RegisterTechnicalCompetencyAsync("SU"));
        _target = await all.CreatePositionAsync([.. codes.Select(c => (c, 5))]);
        var held = await all.CreatePositionAsync([("M-INTEGRITY", 3)]);
        foreach (var (name, integrity, rating, levels) in new (string, int, string, int[])[]
                 {
                     ("READY", 3, "VeryGood", [4, 4, 4, 4, 4]), ("DEV", 3, "VeryGood", [4, 4, 3, 3, 3]), ("NOT", 3, "VeryGood", [4, 3, 3, 3, 3]),
                     ("LOW", 2, "NeedsImprovement", [5, 5, 5, 5, 5]),
                 })
        {
            var id = (Guid)(await all.PostAsJsonAsync("/api/v1/employees",
                new { nip = ApiClient.NewNip(), name = $"Pegawai {name}", grade = "IV/a", unit = _unit, currentPositionId = held })
                .ExpectAsync(HttpStatusCode.Created))["id"]!;
            await all.AssessAsync(id, "M-INTEGRITY", integrity);
            for (var i = 0; i < 5; i++)
                await all.AssessAsync(id, codes[i], levels[i]);
            await all.RateAsync(id, 2025, rating);
            await all.RateAsync(id, 2024, rating);
            _people[name] = id;
        }
        _run = (Guid)(await all.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { _unit }, latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _hr.Dispose();
        _committee.Dispose();
    }

    private async Task<Guid> FormAsync() => (Guid)(await _hr.PostAsJsonAsync("/api/v1/succession-pools", new
    {
        targetPositionId = _target,
        reason = "FallingVacant",
        vacantOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6).ToString("yyyy-MM-dd"),
        mappingRunId = _run,
    }).ExpectAsync(HttpStatusCode.Created))["id"]!;

    private async Task StepAsync(Guid pool, string who, string step, bool accepted = true)
    {
        var client = step == "nomination" ? _hr : _committee;
        object body = step == "nomination" ? new { reason = $"{step} of {who}" } : new { accepted, reason = $"{step} of {who}" };
        await client.PostAsJsonAsync($"/api/v1/succession-pools/{pool}/members/{_people[who]}/{step}", body).ExpectAsync(HttpStatusCode.OK);
    }

    private async Task<Dictionary<Guid, JsonNode>> MembersAsync(Guid pool) =>
        (await _hr.GetJsonAsync($"/api/v1/succession-pools/{pool}"))["members"]!.AsArray().ToDictionary(m => (Guid)m!["employeeId"]!, m => m!);

    [Test]
    public async Task The_pool_is_boxes_7_to_9_each_with_readiness_against_the_target_at_80_and_68()
    {
        var members = await MembersAsync(await FormAsync());

        Assert.That(members.Keys, Is.EquivalentTo(new[] { _people["READY"], _people["DEV"], _people["NOT"] }), "LOW is in box 1");
        Assert.That(members.Values.Select(m => ((decimal)m["targetJpm"]!, (string)m["readiness"]!, (int)m["talentBox"]!, (string)m["status"]!)),
            Is.EqualTo(new[] { (80m, "ReadyNow", 9, "Proposed"), (68m, "ReadyAfterDevelopment", 9, "Proposed"), (64m, "NotReady", 9, "Proposed") }));
        var dev = members[_people["DEV"]];
        Assert.That(dev["gaps"]!.AsArray().Sum(g => (int)g!["gap"]!), Is.EqualTo(-8));
        Assert.That(((string)dev["development"]!["url"]!, (Guid)dev["development"]!["targetPositionId"]!),
            Is.EqualTo(($"/api/v1/employees/{_people["DEV"]}/development-plans", _target)));
        Assert.That(members[_people["READY"]]["development"], Is.Null);
    }

    [Test]
    public async Task Each_step_is_taken_in_order_by_its_role_with_actor_and_reason()
    {
        var pool = await FormAsync();
        var url = $"/api/v1/succession-pools/{pool}/members/{_people["READY"]}";

        var early = await _committee.PostAsJsonAsync($"{url}/approval", new { accepted = true, reason = "too early" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That((string)early["rule"]!, Is.EqualTo("succession-step-out-of-order"));
        await _committee.PostAsJsonAsync($"{url}/nomination", new { reason = "x" }).ExpectProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await _hr.PostAsJsonAsync($"{url}/approval", new { accepted = true, reason = "x" }).ExpectProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);

        await StepAsync(pool, "READY", "nomination");
        await StepAsync(pool, "READY", "verification");
        await StepAsync(pool, "READY", "approval");
        await StepAsync(pool, "NOT", "nomination");
        await StepAsync(pool, "NOT", "verification", accepted: false);

        var members = await MembersAsync(pool);
        Assert.That(members[_people["READY"]]["steps"]!.AsArray().Select(s => ((string)s!["step"]!, (bool)s["accepted"]!, (string)s["actor"]!, (string)s["reason"]!)),
            Is.EqualTo(new[]
            {
                ("Nomination", true, "hr-bkpsdm", "nomination of READY"), ("Verification", true, "komite-talenta", "verification of READY"),
                ("Approval", true, "komite-talenta", "approval of READY"),
            }));
        Assert.That(((string)members[_people["READY"]]["status"]!, (string)members[_people["NOT"]]["status"]!), Is.EqualTo(("Approved", "Rejected")));
        var summary = await _hr.GetJsonAsync($"/api/v1/succession-pools/{pool}");
        Assert.That(((int)summary["pool"]!["memberCount"]!, (int)summary["pool"]!["approvedCount"]!), Is.EqualTo((3, 1)));
    }

    [Test]
    public async Task A_selection_from_the_pool_enrols_its_approved_members_and_anyone_but_number_one_is_a_merit_deviation()
    {
        var pool = await FormAsync();
        using var all = ApiClient.Create();
        await all.PostAsJsonAsync("/api/v1/selections", new { successionPoolId = pool, kind = "Promotion" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        foreach (var who in new[] { "READY", "DEV" })
            foreach (var step in new[] { "nomination", "verification", "approval" })
                await StepAsync(pool, who, step);

        var selection = await all.PostAsJsonAsync("/api/v1/selections", new { successionPoolId = pool, kind = "Promotion", latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created);
        var id = (Guid)selection["id"]!;
        Assert.That(((Guid)selection["positionId"]!, (Guid)selection["successionPoolId"]!, (int)selection["candidateCount"]!), Is.EqualTo((_target, pool, 2)));
        var other = (await all.PostAsJsonAsync($"/api/v1/selections/{id}/candidates", new { employeeIds = new[] { _people["NOT"] } })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation));
        Assert.That((string)other["rule"]!, Is.EqualTo("not-approved-successor"));

        var run = await all.ScoreAsync(id);
        var shortlist = (await all.GetJsonAsync($"/api/v1/selections/{id}/shortlist"))["candidates"]!["items"]!.AsArray();
        var second = shortlist.Single(c => (int)c!["rank"]! == 2)!;
        var body = new { scoringRunId = run, candidateIds = new[] { (Guid)second["candidateId"]! } };
        // Rank 2 of one place would be a reasoned choice in an open selection; from a pool it is a merit deviation.
        var refused = await all.PostAsJsonAsync($"/api/v1/selections/{id}/decision", body).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That((string)refused["errors"]!["justification"]![0]!, Does.Contain("succession pool"));
        var justification = new string('j', 20) + " The committee prefers the second-ranked member for reasons recorded at length in its minutes of the meeting.";
        var decision = await all.PostAsJsonAsync($"/api/v1/selections/{id}/decision", new { body.scoringRunId, body.candidateIds, justification })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.That((string)decision["choices"]![0]!["standing"]!, Is.EqualTo("MeritDeviation"));
        var deviations = await all.GetJsonAsync($"/api/v1/audit/merit-deviations?positionId={_target}");
        Assert.That(deviations["items"]!.AsArray().Count, Is.EqualTo(1));
    }

    [Test]
    public async Task A_member_a_later_mapping_run_puts_below_box_7_is_flagged_for_review()
    {
        using var all = ApiClient.Create();
        var unit = $"Biro Ulasan {Guid.NewGuid():N}"[..22];
        var held = await all.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var id = (Guid)(await all.PostAsJsonAsync("/api/v1/employees",
            new { nip = ApiClient.NewNip(), name = "Pegawai Ulasan", grade = "IV/a", unit, currentPositionId = held }).ExpectAsync(HttpStatusCode.Created))["id"]!;
        await all.AssessAsync(id, "M-INTEGRITY", 3, "2025-01-10");
        await all.RateAsync(id, 2025, "VeryGood");
        await all.RateAsync(id, 2024, "VeryGood");
        var first = (Guid)(await all.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { unit }, latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        var pool = (Guid)(await all.PostAsJsonAsync("/api/v1/succession-pools", new { targetPositionId = _target, reason = "Critical", mappingRunId = first })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        Assert.That((await all.GetJsonAsync($"/api/v1/succession-pools/{pool}"))["members"]![0]!["review"], Is.Null);

        await all.AssessAsync(id, "M-INTEGRITY", 1, "2025-11-10"); // a newer assessment: low potential, box 9 → 4
        var later = await all.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { unit }, latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created);

        var review = (await all.GetJsonAsync($"/api/v1/succession-pools/{pool}"))["members"]![0]!["review"]!;
        Assert.That(((Guid)review["mappingRunId"]!, (int)review["talentBox"]!), Is.EqualTo(((Guid)later["id"]!, 4)));
    }

    [TestCase("""{"reason":"Critical"}""", "targetPositionId")]
    [TestCase("""{"targetPositionId":"00000000-0000-0000-0000-000000000001"}""", "reason")]
    [TestCase("""{"targetPositionId":"00000000-0000-0000-0000-000000000001","reason":"FallingVacant"}""", "vacantOn")]
    [TestCase("""{"targetPositionId":"00000000-0000-0000-0000-000000000001","reason":"Critical","vacantOn":"2027-01-01"}""", "vacantOn")]
    [TestCase("""{"targetPositionId":"00000000-0000-0000-0000-000000000001","reason":"Critical","mappingRunId":"00000000-0000-0000-0000-000000000000"}""", "mappingRunId")]
    public async Task A_bad_pool_request_names_its_field(string body, string field)
    {
        var problem = await _hr.PostJsonAsync("/api/v1/succession-pools", body).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Does.Contain(field));
    }

    [Test]
    public async Task Bad_steps_name_their_field_or_say_what_is_missing()
    {
        var pool = await FormAsync();
        var url = $"/api/v1/succession-pools/{pool}/members";
        Assert.That((await _hr.PostJsonAsync($"{url}/{_people["DEV"]}/nomination", "{}").ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation))
            .ErrorFields(), Is.EqualTo(new[] { "reason" }));
        Assert.That((await _committee.PostJsonAsync($"{url}/{_people["DEV"]}/verification", """{"reason":"ok"}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorFields(), Is.EqualTo(new[] { "accepted" }));
        await _hr.PostJsonAsync($"{url}/{_people["LOW"]}/nomination", """{"reason":"not a member"}""").ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await _hr.PostJsonAsync($"/api/v1/succession-pools/{Guid.NewGuid()}/members/{_people["DEV"]}/nomination", """{"reason":"x"}""")
            .ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await _hr.GetAsync($"/api/v1/succession-pools/{Guid.NewGuid()}").ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }
}
