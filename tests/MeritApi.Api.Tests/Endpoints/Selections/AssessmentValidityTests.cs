using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MeritApi.Api.Tests.Endpoints.Selections;

/// <summary>
/// Assessment validity in scoring (DESIGN §3): a selection under version 1 counts an assessment however old it is, and its
/// run keeps verifying; a new selection takes the newest seeded version, where an assessment older than three years on the
/// opening date is passed over, named in the rationale with its reason, and its competency counts as missing; a policy with
/// accredited bodies only passes over a newer assessment by an unlisted body for the older accredited one. On a host and
/// database of its own: the policy it adds would otherwise become every other test's newest policy.
/// </summary>
public sealed class AssessmentValidityTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string ExactlyThreeYears = Iso(Today.AddYears(-3));
    private static readonly string ADayOlder = Iso(Today.AddYears(-3).AddDays(-1));

    private OwnApiHost _api = null!;
    private HttpClient _client = null!;
    private string _technical = null!;
    private Guid _position;
    private Guid _older; // technical assessed exactly three years ago (counts); integrity a day older than that (expired)
    private Guid _recent;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _api = await OwnApiHost.StartAsync("validity");
        _client = _api.Client;
        _technical = await _client.RegisterTechnicalCompetencyAsync("AV");
        _position = await _client.CreatePositionAsync([(_technical, 3), ("M-INTEGRITY", 3)]);
        _older = await _client.CreateEmployeeWithEvidenceAsync([], "VeryGood", "VeryGood");
        await _client.AssessAsync(_older, _technical, 4, ExactlyThreeYears);
        await _client.AssessAsync(_older, "M-INTEGRITY", 5, ADayOlder);
        _recent = await _client.CreateEmployeeWithEvidenceAsync([(_technical, 3), ("M-INTEGRITY", 3)], "VeryGood", "VeryGood");
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<(Guid Selection, Guid Run, JsonNode RunBody, List<Guid> Candidates)> ScoredAsync(int? policyVersion, params Guid[] employees)
    {
        var opened = await _client.PostAsJsonAsync("/api/v1/selections",
            new { positionId = _position, kind = "Promotion", latestPerformanceYear = 2025, policyVersion }).ExpectAsync(HttpStatusCode.Created);
        var selection = (Guid)opened["id"]!;
        var candidates = await _client.EnrolAsync(selection, employees);
        var run = await _client.RunScoringAsync(selection);
        return (selection, (Guid)run["id"]!, run, candidates);
    }

    private Task<JsonNode> RationaleAsync(Guid selection, Guid run, Guid candidate) =>
        _client.GetJsonAsync($"/api/v1/selections/{selection}/scoring-runs/{run}/results/{candidate}/rationale");

    private async Task AssertVerifiesAsync(Guid selection, Guid run, Guid candidate)
    {
        var verification = await _client.GetJsonAsync($"/api/v1/selections/{selection}/scoring-runs/{run}/results/{candidate}/rationale/verification");
        Assert.That((string)verification["status"]!, Is.EqualTo("match"), verification.ToJsonString());
    }

    private static JsonNode Line(JsonNode rationale, string code) =>
        rationale["evidence"]!["competencies"]!.AsArray().Single(c => (string)c!["competencyCode"]! == code)!;

    [Test]
    public async Task The_migration_seeds_version_2_exactly_as_the_domain_defines_the_lawful_evidence_policy()
    {
        var seeded = await _client.GetJsonAsync("/api/v1/scoring-policies/2");
        var domain = Domain.Scoring.ScoringPolicy.CreateLawfulEvidence(2, default);
        Assert.That(((decimal)seeded["competenceWeight"]!, (decimal)seeded["performanceWeight"]!, (string)seeded["bandSet"]!,
                (string)seeded["minimumRating"]!, (decimal)seeded["nearTieThreshold"]!, (string?)seeded["description"],
                (int?)seeded["assessmentValidityYears"], (bool)seeded["accreditedBodiesOnly"]!),
            Is.EqualTo((domain.CompetenceWeight, domain.PerformanceWeight, domain.BandSet.ToString(), domain.MinimumRating.ToString(),
                domain.NearTieThreshold, domain.Description, domain.AssessmentValidityYears, domain.AccreditedBodiesOnly)));
        Assert.That(seeded["performanceYearWeights"]!.AsArray().Select(w => (decimal)w!), Is.EqualTo(domain.PerformanceYearWeights));
    }

    [Test]
    public async Task Under_version_1_an_old_assessment_still_counts_and_the_rationale_has_no_validity_members()
    {
        var (selection, run, body, candidates) = await ScoredAsync(1, _older);
        var rationale = await RationaleAsync(selection, run, candidates[0]);

        Assert.That((int)body["policyVersion"]!, Is.EqualTo(1));
        Assert.That(body["referenceDate"], Is.Null);
        Assert.That((decimal)rationale["jobPersonMatch"]!["published"]!, Is.EqualTo(100m), "4 → 3 and 5 → 3 credited of 6");
        Assert.That((int?)Line(rationale, "M-INTEGRITY")["assessedLevel"], Is.EqualTo(5));
        Assert.That(rationale["policy"]!.AsObject().ContainsKey("assessmentValidityYears"), Is.False, "the form version 1 was sealed in");
        Assert.That(Line(rationale, "M-INTEGRITY").AsObject().ContainsKey("passedOver"), Is.False);
        await AssertVerifiesAsync(selection, run, candidates[0]);
    }

    [Test]
    public async Task A_new_selection_uses_the_newest_policy_and_names_the_expired_assessment_in_the_rationale()
    {
        var (selection, run, body, candidates) = await ScoredAsync(null, _older, _recent);
        var rationale = await RationaleAsync(selection, run, candidates[0]);

        Assert.That((int)body["policyVersion"]!, Is.EqualTo(2));
        Assert.That((string)body["referenceDate"]!, Is.EqualTo(Iso(Today)));
        Assert.That(((int)rationale["policy"]!["assessmentValidityYears"]!, (bool)rationale["policy"]!["accreditedBodiesOnly"]!), Is.EqualTo((3, false)));
        Assert.That((string)rationale["evidence"]!["referenceDate"]!, Is.EqualTo(Iso(Today)));

        // Exactly three years old on the opening date: it counts, valid through today.
        var technical = Line(rationale, _technical);
        Assert.That(((int?)technical["assessedLevel"], (string?)technical["assessedOn"], (string?)technical["validThrough"]),
            Is.EqualTo(((int?)4, ExactlyThreeYears, Iso(Today))));
        // A day older: expired yesterday-plus-one, passed over, and the competency counts as missing.
        var integrity = Line(rationale, "M-INTEGRITY");
        Assert.That((int?)integrity["assessedLevel"], Is.Null);
        var passed = integrity["passedOver"]!.AsArray().Single()!;
        Assert.That(((int)passed["level"]!, (string)passed["assessedOn"]!, (string)passed["refusal"]!), Is.EqualTo((5, ADayOlder, "Expired")));
        Assert.That((string)passed["reason"]!, Is.EqualTo($"expired on {Iso(Today)} (assessed {ADayOlder}, valid 3 years)"));
        Assert.That(rationale["jobPersonMatch"]!["missingCompetencies"]!.AsArray().Select(c => (string)c!), Is.EqualTo(new[] { "M-INTEGRITY" }));
        Assert.That((decimal)rationale["jobPersonMatch"]!["published"]!, Is.EqualTo(50m), "3 of 6 credited");

        using var markdown = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/selections/{selection}/scoring-runs/{run}/results/{candidates[0]}/rationale");
        markdown.Headers.Accept.ParseAdd("text/markdown");
        var statement = await (await _client.SendAsync(markdown)).Content.ReadAsStringAsync();
        Assert.That(statement, Does.Contain($"- M-INTEGRITY: level 5 assessed {ADayOlder} by Pusat Penilaian Kompetensi ASN: expired on {Iso(Today)}"));
        Assert.That(statement, Does.Contain("needs reassessment (counts 0)"));

        await AssertVerifiesAsync(selection, run, candidates[0]);
        await AssertVerifiesAsync(selection, run, candidates[1]);
    }

    [Test]
    public async Task With_accredited_bodies_only_a_newer_assessment_by_an_unlisted_body_is_passed_over_for_the_accredited_one()
    {
        var body = $"Pusat Penilaian Uji {Guid.NewGuid():N}";
        await _client.PostAsJsonAsync("/api/v1/assessing-bodies", new { name = body, accreditedFrom = "2020-01-01" }).ExpectAsync(HttpStatusCode.Created);
        var policy = await _client.PostAsJsonAsync("/api/v1/scoring-policies", new
        {
            competenceWeight = 0.5m,
            performanceWeight = 0.5m,
            performanceYearWeights = new[] { 0.6m, 0.4m },
            bandSet = "Filling",
            minimumRating = "Good",
            assessmentValidityYears = 3,
            accreditedBodiesOnly = true,
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.That(((int)policy["assessmentValidityYears"]!, (bool)policy["accreditedBodiesOnly"]!), Is.EqualTo((3, true)));

        var employee = await _client.CreateEmployeeWithEvidenceAsync([], "Good", "Good");
        foreach (var (code, level, on, assessor) in new[]
                 {
                     (_technical, 3, "2025-06-01", body), (_technical, 5, "2025-09-01", "Konsultan Swasta"),
                     ("M-INTEGRITY", 3, "2025-06-01", body.ToUpperInvariant()), // the same body, as another clerk typed it
                 })
        {
            await _client.PostAsJsonAsync($"/api/v1/employees/{employee}/competency-assessments",
                new { competencyCode = code, level, assessedOn = on, assessor }).ExpectAsync(HttpStatusCode.Created);
        }

        var (selection, run, _, candidates) = await ScoredAsync((int)policy["version"]!, employee);
        var rationale = await RationaleAsync(selection, run, candidates[0]);
        var technical = Line(rationale, _technical);
        Assert.That(((int?)technical["assessedLevel"], (string?)technical["assessedOn"]), Is.EqualTo(((int?)3, "2025-06-01")));
        var passed = technical["passedOver"]!.AsArray().Single()!;
        Assert.That(((string)passed["refusal"]!, (string)passed["reason"]!),
            Is.EqualTo(("AssessorNotAccredited", "assessor 'Konsultan Swasta' not accredited on 2025-09-01")));
        Assert.That((int?)Line(rationale, "M-INTEGRITY")["assessedLevel"], Is.EqualTo(3));
        await AssertVerifiesAsync(selection, run, candidates[0]);
    }

    [Test]
    public async Task The_accreditation_list_refuses_an_overlapping_period_a_reversed_one_and_a_name_that_is_not_a_name()
    {
        var body = $"Lembaga Asesmen {Guid.NewGuid():N}";
        var created = await _client.PostAsJsonAsync("/api/v1/assessing-bodies", new { name = body, accreditedFrom = "2021-01-01", accreditedUntil = "2023-12-31" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.That((string)(await _client.GetJsonAsync($"/api/v1/assessing-bodies/{(Guid)created["id"]!}"))["name"]!, Is.EqualTo(body));

        var overlap = await _client.PostAsJsonAsync("/api/v1/assessing-bodies", new { name = body.ToLowerInvariant(), accreditedFrom = "2023-06-01" })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.That((string)overlap["rule"]!, Is.EqualTo("accreditation-overlap"));
        await _client.PostAsJsonAsync("/api/v1/assessing-bodies", new { name = body, accreditedFrom = "2024-01-01" })
            .ExpectAsync(HttpStatusCode.Created); // the renewal, after the first period

        var reversed = await _client.PostAsJsonAsync("/api/v1/assessing-bodies", new { name = body + " B", accreditedFrom = "2024-01-01", accreditedUntil = "2023-01-01" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(reversed.ErrorFields(), Is.EquivalentTo(new[] { "accreditedUntil" }));
        var notAName = await _client.PostAsJsonAsync("/api/v1/assessing-bodies", new { name = "Lembaga'; DROP TABLE accreditations; --", accreditedFrom = "2024-01-01" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(notAName.ErrorFields(), Is.EquivalentTo(new[] { "name" }));

        var policy = await _client.PostAsJsonAsync("/api/v1/scoring-policies", new
        {
            competenceWeight = 0.5m,
            performanceWeight = 0.5m,
            performanceYearWeights = new[] { 1m },
            bandSet = "Filling",
            minimumRating = "Good",
            accreditedBodiesOnly = true,
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(policy.ErrorFields(), Is.EquivalentTo(new[] { "accreditedBodiesOnly" }));
    }
}
