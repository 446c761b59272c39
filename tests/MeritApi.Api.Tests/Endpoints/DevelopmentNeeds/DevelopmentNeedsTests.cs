using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.DevelopmentNeeds;

/// <summary>
/// The development-needs inventory through HTTP on PostgreSQL, in a unit of its own: three employees holding a position
/// (one a level below on the technical competency, one whose integrity assessment has expired, one meeting the standard), one
/// holding none; against the held position and against a target position with a higher standard; roll-ups, plan rows, CSV,
/// roles and bad input.
/// </summary>
public sealed class DevelopmentNeedsTests
{
    private static readonly string Expired = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient _hr = null!;
    private string _unit = null!;
    private string _technical = null!;
    private Guid _held, _target;
    private readonly Dictionary<string, (Guid Id, string Nip)> _employees = [];

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        _unit = $"Biro AKPK {Guid.NewGuid():N}"[..20];
        _technical = await _hr.RegisterTechnicalCompetencyAsync("DN");
        _held = await _hr.CreatePositionAsync([("M-INTEGRITY", 3), (_technical, 3)]);
        _target = await _hr.CreatePositionAsync([("M-INTEGRITY", 4), (_technical, 4), ("M-CHANGE", 3)]);
        // NIPs in this order, so the inventory (ordered by NIP) lists E1 before E2.
        foreach (var (name, position, integrity, integrityOn, technical) in new (string, Guid?, int, string, int)[]
                 {
                     ("E1", _held, 3, "2025-06-01", 2), ("E2", _held, 4, Expired, 3), ("E3", _held, 3, "2025-06-01", 3), ("E4", null, 1, "2025-06-01", 1),
                 })
        {
            var nip = ApiClient.NewNip();
            var created = await _hr.PostAsJsonAsync("/api/v1/employees",
                new { nip, name = $"Pegawai {name}", grade = "III/c", unit = _unit, currentPositionId = position }).ExpectAsync(HttpStatusCode.Created);
            var id = (Guid)created["id"]!;
            await _hr.AssessAsync(id, "M-INTEGRITY", integrity, integrityOn);
            await _hr.AssessAsync(id, _technical, technical);
            _employees[name] = (id, nip);
        }
    }

    [OneTimeTearDown]
    public void Dispose() => _hr.Dispose();

    private string Name(JsonNode? node) => _employees.Single(e => e.Value.Id == (Guid)node!["employeeId"]!).Key;

    private string Unit => Uri.EscapeDataString(_unit);

    [Test]
    public async Task Against_the_position_held_each_employee_below_standard_is_listed_with_each_gap_and_why()
    {
        var inventory = await _hr.GetJsonAsync($"/api/v1/development-needs?unit={Unit}");
        var employees = inventory["employees"]!.AsArray();

        Assert.That(employees.Select(Name), Is.EqualTo(new[] { "E1", "E2" }).Or.EqualTo(new[] { "E2", "E1" }), "E3 meets the standard; E4 holds no position");
        Assert.That(employees.Select(e => (string)e!["nip"]!), Is.Ordered);
        var e1 = employees.Single(e => Name(e) == "E1")!["needs"]!.AsArray().Single()!;
        Assert.That(((string)e1["competencyCode"]!, (int)e1["requiredLevel"]!, (int?)e1["assessedLevel"], (int)e1["gap"]!, (string)e1["kind"]!),
            Is.EqualTo((_technical, 3, (int?)2, -1, "BelowStandard")));
        var e2 = employees.Single(e => Name(e) == "E2")!["needs"]!.AsArray().Single()!;
        Assert.That(((string)e2["competencyCode"]!, (int?)e2["assessedLevel"], (string)e2["kind"]!), Is.EqualTo(("M-INTEGRITY", (int?)null, "NeedsAssessment")));
        Assert.That((string)e2["reason"]!, Does.StartWith("needs reassessment: its latest assessment expired on ").And.Contain($"(assessed {Expired}, valid 3 years)"));
        Assert.That(((int)inventory["basis"]!["validityYears"]!, (bool)inventory["basis"]!["accreditedBodiesOnly"]!), Is.EqualTo((3, false)));
    }

    [Test]
    public async Task Against_a_target_position_even_the_employee_meeting_the_held_standard_has_gaps()
    {
        var inventory = await _hr.GetJsonAsync($"/api/v1/development-needs?unit={Unit}&targetPositionId={_target}");
        var e3 = inventory["employees"]!.AsArray().Single(e => Name(e) == "E3")!;

        Assert.That((Guid)e3["positionId"]!, Is.EqualTo(_target));
        Assert.That(e3["needs"]!.AsArray().Select(n => ((string)n!["competencyCode"]!, (int)n["gap"]!, (string)n["kind"]!)),
            Is.EquivalentTo(new[] { ("M-CHANGE", -3, "NeedsAssessment"), ("M-INTEGRITY", -1, "BelowStandard"), (_technical, -1, "BelowStandard") }));
        Assert.That(inventory["employees"]!.AsArray().Select(Name), Does.Contain("E4"), "a target position measures those who hold none too");
    }

    [Test]
    public async Task The_summary_rolls_up_by_unit_and_by_competency_with_who()
    {
        var summary = await _hr.GetJsonAsync($"/api/v1/development-needs/summary?unit={Unit}");

        Assert.That((int)summary["employeesMeasured"]!, Is.EqualTo(3));
        var unit = summary["byUnit"]!.AsArray().Single()!;
        Assert.That(((string)unit["unit"]!, (int)unit["employeesMeasured"]!, (int)unit["employeesWithNeeds"]!, (int)unit["belowStandard"]!,
            (int)unit["needsAssessment"]!, (int)unit["gapSum"]!), Is.EqualTo((_unit, 3, 2, 1, 1, -1)));
        var byCompetency = summary["byCompetency"]!.AsArray().ToDictionary(c => (string)c!["competencyCode"]!);
        Assert.That(byCompetency.Keys, Is.EquivalentTo(new[] { "M-INTEGRITY", _technical }));
        Assert.That(((int)byCompetency["M-INTEGRITY"]!["employeesNeedingAssessment"]!, byCompetency["M-INTEGRITY"]!["employeeIds"]!.AsArray().Select(i => (Guid)i!)),
            Is.EqualTo((1, new[] { _employees["E2"].Id })).Using<(int, IEnumerable<Guid>)>((a, b) => a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2)));
        Assert.That(((int)byCompetency[_technical]!["employeesBelowStandard"]!, (int)byCompetency[_technical]!["gapSum"]!), Is.EqualTo((1, -1)));
    }

    [Test]
    public async Task The_plan_rows_name_the_competency_target_employees_form_and_JP_as_JSON_and_CSV()
    {
        var plan = await _hr.GetJsonAsync($"/api/v1/development-needs/plan?unit={Unit}&targetPositionId={_target}");
        var rows = plan["rows"]!.AsArray().Select(r => ((string)r!["competencyCode"]!, (string)r["kind"]!, (string?)r["suggestedForm"],
            (int)r["jpPerEmployee"]!, (int)r["employeeCount"]!, (int)r["totalJp"]!)).ToList();

        // Against the target: every one of the four is a level below on integrity (E2's expired: needs assessment instead) …
        Assert.That(rows, Does.Contain(("M-CHANGE", "NeedsAssessment", (string?)null, 0, 4, 0)));
        Assert.That(rows, Does.Contain(("M-INTEGRITY", "BelowStandard", (string?)"Coaching", 20, 2, 40)), "E1 and E3 at 3 of 4");
        Assert.That(rows, Does.Contain(("M-INTEGRITY", "BelowStandard", (string?)"Training", 60, 1, 60)), "E4 at 1 of 4");
        Assert.That(rows, Does.Contain((_technical, "BelowStandard", (string?)"Training", 40, 1, 40)), "E1 at 2 of 4");

        using var csv = await _hr.GetAsync($"/api/v1/development-needs/plan?unit={Unit}&targetPositionId={_target}&format=csv");
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("\"competency_code\",\"competency_name\",\"kind\",\"suggested_form\",\"jp_per_employee\",\"employee_count\",\"total_jp\",\"employee_ids\",\"provider\",\"schedule\",\"budget\""));
        Assert.That(lines, Has.Length.EqualTo(rows.Count + 1));
    }

    [Test]
    public async Task The_inventory_as_CSV_has_a_row_per_need()
    {
        using var csv = await _hr.GetAsync($"/api/v1/development-needs?unit={Unit}&format=csv");
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3), "the header, E1's technical gap, E2's integrity");
        Assert.That(lines.Skip(1), Has.Some.Contains($"\"{_employees["E1"].Nip}\"").And.Contains("\"BelowStandard\""));
    }

    [TestCase(Roles.Auditor, HttpStatusCode.OK)]
    [TestCase(Roles.HrSystem, HttpStatusCode.OK)]
    [TestCase(Roles.Committee, HttpStatusCode.Forbidden)]
    [TestCase(Roles.Admin, HttpStatusCode.Forbidden)]
    public async Task HR_systems_and_auditors_read_it_committees_see_none_of_it(string role, HttpStatusCode expected)
    {
        using var client = ApiClient.CreateWithToken(TestTokens.Mint(role));
        foreach (var path in new[] { "", "/summary", "/plan" })
            Assert.That((await client.GetAsync($"/api/v1/development-needs{path}?unit={Unit}")).StatusCode, Is.EqualTo(expected), path);
    }

    [TestCase("asOf=2026-13-01", "asOf")]
    [TestCase("asOf=1999-12-31", "asOf")]
    [TestCase("asOf=2100-01-01", "asOf")]
    [TestCase("employeeId=not-a-uuid", "employeeId")]
    [TestCase("targetPositionId=00000000-0000-0000-0000-000000000000", "targetPositionId")]
    [TestCase("format=xml", "format")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field)
    {
        var problem = await _hr.GetAsync($"/api/v1/development-needs/plan?{query}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public async Task An_unknown_target_position_is_a_404() =>
        await _hr.GetAsync($"/api/v1/development-needs/summary?targetPositionId={Guid.NewGuid()}").ExpectProblemAsync(HttpStatusCode.NotFound,
            Api.Infrastructure.ProblemTypes.NotFound);
}
