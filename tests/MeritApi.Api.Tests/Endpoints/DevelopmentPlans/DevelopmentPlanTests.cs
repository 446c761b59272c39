using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.DevelopmentPlans;

/// <summary>
/// Individual development plans through HTTP on PostgreSQL, in a unit of its own. The position held asks integrity 4 and a
/// technical competency 3; each plan's employee is assessed integrity 2 (a gap of 2) and technical 3. A completed action with
/// its activity linked leaves the gap open; a later assessment at 3 leaves it open; one at 4 closes it. Plans for a target
/// position, the nine-box follow-up beside a scored employee's plan, roles, retries and bad input.
/// </summary>
public sealed class DevelopmentPlanTests
{
    private static readonly DateOnly TodayDate = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string Today = TodayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string InThreeMonths = TodayDate.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient _hr = null!;
    private string _unit = null!;
    private string _technical = null!;
    private Guid _held, _target;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        _unit = $"Biro IDP {Guid.NewGuid():N}"[..19];
        _technical = await _hr.RegisterTechnicalCompetencyAsync("IDP");
        _held = await _hr.CreatePositionAsync([("M-INTEGRITY", 4), (_technical, 3)]);
        _target = await _hr.CreatePositionAsync([("M-INTEGRITY", 4), (_technical, 4)]);
    }

    [OneTimeTearDown]
    public void Dispose() => _hr.Dispose();

    /// <summary>An employee of the unit, optionally holding the position, assessed integrity and technical on 2025-06-01.</summary>
    private async Task<Guid> EmployeeAsync(bool holdsPosition = true, int integrity = 2, int technical = 3)
    {
        var created = await _hr.PostAsJsonAsync("/api/v1/employees", new
        {
            nip = ApiClient.NewNip(),
            name = "Pegawai IDP",
            grade = "III/d",
            unit = _unit,
            employmentType = "Pns",
            currentPositionId = holdsPosition ? _held : (Guid?)null,
        }).ExpectAsync(HttpStatusCode.Created);
        var id = (Guid)created["id"]!;
        await _hr.AssessAsync(id, "M-INTEGRITY", integrity);
        await _hr.AssessAsync(id, _technical, technical);
        return id;
    }

    private static object Action(string code = "M-INTEGRITY", string form = "Training", string? targetDate = null) =>
        new { competencyCode = code, form, title = "Pelatihan Integritas dan Antikorupsi", targetDate = targetDate ?? InThreeMonths };

    private Task<JsonNode> PlanAsync(Guid employeeId, object body) =>
        _hr.PostAsJsonAsync($"/api/v1/employees/{employeeId}/development-plans", body).ExpectAsync(HttpStatusCode.Created);

    private static JsonNode Gap(JsonNode plan, string code) => plan["gaps"]!.AsArray().Single(g => (string)g!["competencyCode"]! == code)!;

    [Test]
    public async Task A_plan_takes_the_inventory_s_gaps_against_the_position_held_with_actions_for_them()
    {
        var employee = await EmployeeAsync();

        using var response = await _hr.PostAsJsonAsync($"/api/v1/employees/{employee}/development-plans", new { actions = new[] { Action() } });
        var plan = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/development-plans/{plan["id"]}"));
        Assert.That(((Guid)plan["positionId"]!, (bool)plan["targetPosition"]!, (string)plan["madeOn"]!, (int)plan["openGaps"]!, (int)plan["closedGaps"]!),
            Is.EqualTo((_held, false, Today, 1, 0)));
        var gap = plan["gaps"]!.AsArray().Single()!;
        Assert.That(((string)gap["competencyCode"]!, (int)gap["requiredLevel"]!, (int?)gap["assessedLevelWhenPlanned"], (string)gap["kind"]!, (bool)gap["closed"]!),
            Is.EqualTo(("M-INTEGRITY", 4, (int?)2, "BelowStandard", false)));
        var action = plan["actions"]!.AsArray().Single()!;
        Assert.That(((string)action["form"]!, (string)action["status"]!, (string)action["targetDate"]!, (bool)action["overdue"]!),
            Is.EqualTo(("Training", "Planned", InThreeMonths, false)));
        var read = await _hr.GetJsonAsync($"/api/v1/development-plans/{plan["id"]}");
        Assert.That(read.ToJsonString(), Is.EqualTo(plan.ToJsonString()), "the plan reads back as it was answered");
    }

    [Test]
    public async Task A_completed_action_and_its_activity_do_not_close_the_gap_a_later_assessment_at_the_level_does()
    {
        var employee = await EmployeeAsync();
        var plan = await PlanAsync(employee, new { actions = new[] { Action() } });
        var (planId, actionId) = ((Guid)plan["id"]!, (Guid)plan["actions"]![0]!["id"]!);
        var activity = await _hr.PostAsJsonAsync($"/api/v1/employees/{employee}/development-activities",
            new { form = "Training", title = "Pelatihan Integritas", startDate = Today, endDate = Today, jp = 24, competencyCodes = new[] { "M-INTEGRITY" } })
            .ExpectAsync(HttpStatusCode.Created);

        var completed = await _hr.PostAsJsonAsync($"/api/v1/development-plans/{planId}/actions/{actionId}/progress",
            new { status = "Completed", activityId = (Guid)activity["id"]! }).ExpectAsync(HttpStatusCode.OK);
        Assert.That(((string)completed["actions"]![0]!["status"]!, (Guid?)completed["actions"]![0]!["activityId"]), Is.EqualTo(("Completed", (Guid?)activity["id"])));
        Assert.That(((bool)Gap(completed, "M-INTEGRITY")["closed"]!, (string)Gap(completed, "M-INTEGRITY")["explanation"]!),
            Is.EqualTo((false, "open: no valid assessment since the plan was made (completed actions and activities do not close a gap)")));

        await _hr.AssessAsync(employee, "M-INTEGRITY", 3, Today);
        var below = await _hr.GetJsonAsync($"/api/v1/development-plans/{planId}");
        Assert.That(((bool)Gap(below, "M-INTEGRITY")["closed"]!, (string)Gap(below, "M-INTEGRITY")["explanation"]!),
            Is.EqualTo((false, $"open: the latest valid assessment since the plan, of {Today}, is level 3 of 4")));

        await _hr.AssessAsync(employee, "M-INTEGRITY", 4, Today);
        var closed = await _hr.GetJsonAsync($"/api/v1/development-plans/{planId}");
        Assert.That(((bool)Gap(closed, "M-INTEGRITY")["closed"]!, (string?)Gap(closed, "M-INTEGRITY")["closedByAssessmentOn"], (int)closed["openGaps"]!,
            (int)closed["closedGaps"]!), Is.EqualTo((true, (string?)Today, 0, 1)));
    }

    [Test]
    public async Task A_finished_action_does_not_change_again()
    {
        var employee = await EmployeeAsync();
        var plan = await PlanAsync(employee, new { actions = new[] { Action() } });
        var url = $"/api/v1/development-plans/{plan["id"]}/actions/{plan["actions"]![0]!["id"]}/progress";
        await _hr.PostAsJsonAsync(url, new { status = "Cancelled" }).ExpectAsync(HttpStatusCode.OK);

        var problem = await _hr.PostAsJsonAsync(url, new { status = "InProgress" }).ExpectAsync(HttpStatusCode.Conflict);

        Assert.That((string)problem["rule"]!, Is.EqualTo("plan-action-closed"));
        var read = await _hr.GetJsonAsync($"/api/v1/development-plans/{plan["id"]}");
        Assert.That((string)read["actions"]![0]!["status"]!, Is.EqualTo("Cancelled"));
    }

    [Test]
    public async Task Against_a_target_position_one_who_holds_none_gets_a_plan_and_without_one_it_is_a_400()
    {
        var employee = await EmployeeAsync(holdsPosition: false, integrity: 4, technical: 3);

        var none = await _hr.PostAsJsonAsync($"/api/v1/employees/{employee}/development-plans", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        var plan = await PlanAsync(employee, new { targetPositionId = _target, actions = new[] { Action(_technical, "Mentoring") } });

        Assert.That(none.ErrorFields(), Is.EquivalentTo(new[] { "targetPositionId" }));
        Assert.That(((Guid)plan["positionId"]!, (bool)plan["targetPosition"]!), Is.EqualTo((_target, true)));
        Assert.That(plan["gaps"]!.AsArray().Select(g => ((string)g!["competencyCode"]!, (int?)g["assessedLevelWhenPlanned"])),
            Is.EqualTo(new[] { (_technical, (int?)3) }), "integrity 4 meets the target; technical 3 of 4 does not");
    }

    [Test]
    public async Task An_employee_meeting_the_standard_has_nothing_to_plan()
    {
        var employee = await EmployeeAsync(integrity: 4, technical: 3);

        var problem = await _hr.PostAsJsonAsync($"/api/v1/employees/{employee}/development-plans", new { }).ExpectAsync(HttpStatusCode.Conflict);

        Assert.That((string)problem["rule"]!, Is.EqualTo("no-development-needs"));
        Assert.That((int)(await _hr.GetJsonAsync($"/api/v1/development-plans?employeeId={employee}"))["totalCount"]!, Is.Zero);
    }

    [Test]
    public async Task A_retried_plan_with_the_same_idempotency_key_is_the_same_plan()
    {
        var employee = await EmployeeAsync();
        var key = Guid.NewGuid().ToString();
        async Task<(HttpResponseMessage, JsonNode)> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/employees/{employee}/development-plans")
            {
                Content = JsonContent.Create(new { actions = new[] { Action() } }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await _hr.SendAsync(request);
            return (response, await response.ExpectAsync(HttpStatusCode.Created));
        }

        var (_, first) = await SendAsync();
        var (replay, second) = await SendAsync();

        Assert.That((Guid)second["id"]!, Is.EqualTo((Guid)first["id"]!));
        Assert.That(replay.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((int)(await _hr.GetJsonAsync($"/api/v1/development-plans?employeeId={employee}"))["totalCount"]!, Is.EqualTo(1));
        replay.Dispose();
    }

    [Test]
    public async Task Beside_the_plan_of_a_scored_employee_stands_the_follow_up_of_their_nine_box()
    {
        var employee = await EmployeeAsync();
        await _hr.RateAsync(employee, 2025, "VeryGood");
        await _hr.RateAsync(employee, 2024, "Good");
        var selection = await _hr.OpenSelectionAsync(_held);
        var candidate = (await _hr.EnrolAsync(selection, employee)).Single();
        var run = await _hr.ScoreAsync(selection);
        var shortlisted = (await _hr.GetJsonAsync($"/api/v1/selections/{selection}/shortlist"))["candidates"]!["items"]!.AsArray()
            .Single(c => (Guid)c!["candidateId"]! == candidate)!;

        var plan = await PlanAsync(employee, new { actions = new[] { Action() } });

        var recommendation = plan["recommendation"]!;
        Assert.That(((int)recommendation["box"]!, (string)recommendation["source"]!, (Guid)recommendation["runId"]!),
            Is.EqualTo(((int)shortlisted["talentBox"]!, "Selection", run)));
        Assert.That((string)recommendation["followUp"]!, Is.Not.Empty);
        var unscored = await PlanAsync(await EmployeeAsync(), new { });
        Assert.That(unscored["recommendation"], Is.Null, "no box is known for one never scored");

        // Once the agency maps the unit, the mapping's box (against the employee's own position) is the one beside the plan.
        var mapping = await _hr.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { _unit } }).ExpectAsync(HttpStatusCode.Created);
        var mappedBox = (int)(await _hr.GetJsonAsync($"/api/v1/talent-mapping-runs/{mapping["id"]}/placements/{employee}"))["placement"]!["talentBox"]!;
        var read = await _hr.GetJsonAsync($"/api/v1/development-plans/{plan["id"]}");
        Assert.That(((int)read["recommendation"]!["box"]!, (string)read["recommendation"]!["source"]!, (Guid)read["recommendation"]!["runId"]!),
            Is.EqualTo((mappedBox, "TalentMapping", (Guid)mapping["id"]!)));
    }

    [Test]
    public async Task Plans_are_listed_by_unit_and_by_employee_newest_first_with_open_and_closed_gaps()
    {
        var first = await PlanAsync(await EmployeeAsync(), new { });
        var second = await PlanAsync(await EmployeeAsync(), new { actions = new[] { Action() } });

        var list = await _hr.GetJsonAsync($"/api/v1/development-plans?unit={Uri.EscapeDataString(_unit)}&pageSize=100");
        var ids = list["items"]!.AsArray().Select(p => (Guid)p!["id"]!).ToList();

        Assert.That(ids.IndexOf((Guid)second["id"]!), Is.LessThan(ids.IndexOf((Guid)first["id"]!)), "newest first");
        Assert.That(list["items"]!.AsArray().Select(p => (string)p!["unit"]!), Has.All.EqualTo(_unit));
        Assert.That(list["items"]!.AsArray().Select(p => (int)p!["openGaps"]! + (int)p["closedGaps"]!), Has.All.Positive);
        var mine = await _hr.GetJsonAsync($"/api/v1/development-plans?employeeId={first["employeeId"]}");
        Assert.That(mine["items"]!.AsArray().Select(p => (Guid)p!["id"]!), Is.EqualTo(new[] { (Guid)first["id"]! }));
    }

    [TestCase(Roles.Auditor, HttpStatusCode.OK)]
    [TestCase(Roles.Committee, HttpStatusCode.Forbidden)]
    public async Task Auditors_read_plans_committees_see_none_only_HR_writes(string role, HttpStatusCode expected)
    {
        var employee = await EmployeeAsync();
        var plan = await PlanAsync(employee, new { actions = new[] { Action() } });
        using var client = ApiClient.CreateWithToken(TestTokens.Mint(role));

        foreach (var path in new[] { $"/api/v1/development-plans/{plan["id"]}", $"/api/v1/development-plans?unit={Uri.EscapeDataString(_unit)}" })
            Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(expected), path);
        Assert.That((await client.PostAsJsonAsync($"/api/v1/employees/{employee}/development-plans", new { })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.PostAsJsonAsync($"/api/v1/development-plans/{plan["id"]}/actions/{plan["actions"]![0]!["id"]}/progress",
            new { status = "Completed" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("""{"actions":[{"competencyCode":"T-NOT-A-GAP","form":"Training","title":"T","targetDate":"2030-01-01"}]}""", "actions[0].competencyCode")]
    [TestCase("""{"actions":[{"competencyCode":"M-INTEGRITY","form":"Lecture","title":"T","targetDate":"2030-01-01"}]}""", "actions[0].form")]
    [TestCase("""{"actions":[{"competencyCode":"M-INTEGRITY","form":"Training","title":" ","targetDate":"2030-01-01"}]}""", "actions[0].title")]
    [TestCase("""{"actions":[{"competencyCode":"M-INTEGRITY","form":"Training","title":"T"}]}""", "actions[0].targetDate")]
    [TestCase("""{"actions":[{"competencyCode":"M-INTEGRITY","form":"Training","title":"T","targetDate":"2001-01-01"}]}""", "actions[0].targetDate")]
    [TestCase("""{"targetPositionId":"00000000-0000-0000-0000-000000000000"}""", "targetPositionId")]
    [TestCase("""{"targetPositionId":"0196a000-0000-7000-8000-00000000dead"}""", "targetPositionId")]
    [TestCase("""{"religion":"Islam"}""", "religion")]
    public async Task Bad_plan_input_is_a_400_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        var employee = await EmployeeAsync();

        var problem = await _hr.PostJsonAsync($"/api/v1/employees/{employee}/development-plans", body).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { field }));
        Assert.That((int)(await _hr.GetJsonAsync($"/api/v1/development-plans?employeeId={employee}"))["totalCount"]!, Is.Zero);
    }

    [Test]
    public async Task Bad_progress_input_unknown_plans_actions_and_activities_are_named()
    {
        var employee = await EmployeeAsync();
        var other = await EmployeeAsync();
        var plan = await PlanAsync(employee, new { actions = new[] { Action() } });
        var url = $"/api/v1/development-plans/{plan["id"]}/actions/{plan["actions"]![0]!["id"]}/progress";
        var othersActivity = await _hr.PostAsJsonAsync($"/api/v1/employees/{other}/development-activities",
            new { form = "Seminar", title = "Seminar", startDate = Today, endDate = Today, jp = 4 }).ExpectAsync(HttpStatusCode.Created);

        Assert.That((await _hr.PostJsonAsync(url, """{"status":"Done"}""").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EquivalentTo(new[] { "status" }));
        Assert.That((await _hr.PostJsonAsync(url, "{}").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EquivalentTo(new[] { "status" }));
        Assert.That((await _hr.PostAsJsonAsync(url, new { status = "Completed", activityId = othersActivity["id"] }).ExpectAsync(HttpStatusCode.BadRequest))
            .ErrorFields(), Is.EquivalentTo(new[] { "activityId" }), "an activity of another employee");
        await _hr.PostAsJsonAsync($"/api/v1/development-plans/{Guid.NewGuid()}/actions/{plan["actions"]![0]!["id"]}/progress", new { status = "Completed" })
            .ExpectAsync(HttpStatusCode.NotFound);
        await _hr.PostAsJsonAsync($"/api/v1/development-plans/{plan["id"]}/actions/{Guid.NewGuid()}/progress", new { status = "Completed" })
            .ExpectAsync(HttpStatusCode.NotFound);
        await _hr.GetAsync($"/api/v1/development-plans/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        await _hr.PostAsJsonAsync($"/api/v1/employees/{Guid.NewGuid()}/development-plans", new { }).ExpectAsync(HttpStatusCode.NotFound);
        Assert.That((await _hr.GetAsync("/api/v1/development-plans?pageSize=0").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EquivalentTo(new[] { "pageSize" }));
        var read = await _hr.GetJsonAsync($"/api/v1/development-plans/{plan["id"]}");
        Assert.That((string)read["actions"]![0]!["status"]!, Is.EqualTo("Planned"), "nothing of the refused progress was stored");
    }
}
