using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MeritApi.Api.Tests.Endpoints.Selections;

/// <summary>
/// The whole spine over HTTP on PostgreSQL: position and standard, employees and evidence, a selection,
/// enrolment, scoring and the shortlist, with every figure computed by hand from DESIGN §4.
/// Standard: INTEGRITY 3, COOPERATION 3, technical 4 (Σ required = 10); policy v1 (0.5/0.5; 2025 × 0.6, 2024 × 0.4);
/// minimum grade III/c. Performance for eligible ratings is 12 × r2025 + 8 × r2024.
/// </summary>
public sealed class ScoringFlowTests
{
    private HttpClient _client = null!;
    private string _technical = null!;
    private Guid _selection;
    private readonly Dictionary<string, Guid> _candidates = [];

    [OneTimeSetUp]
    public async Task ArrangeSelectionAsync()
    {
        _client = ApiClient.Create();
        _technical = ApiClient.UniqueCode("T-FLOW");
        await _client.PostAsJsonAsync("/api/v1/competencies", new { code = _technical, name = "Manajemen ASN", category = "Technical" })
            .ExpectAsync(HttpStatusCode.Created);
        var position = await _client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3), (_technical, 4)], minimumGrade: "III/c");
        _selection = await _client.OpenSelectionAsync(position);

        // name: grade, levels (integrity, cooperation, technical; null = never assessed), rating 2025, rating 2024
        (string Name, string Grade, int? A, int? B, int? C, string? R2025, string? R2024)[] people =
        [
            ("E1", "III/d", 3, 3, 4, "VeryGood", "VeryGood"),  // JPM 100, perf 100 → merit 100.00
            ("E2", "III/c", 4, 3, 3, "VeryGood", "Good"),      // JPM (3+3+3)/10 = 90, perf 92 → 91.00
            ("E3", "IV/a", 3, 3, 3, "Good", "VeryGood"),       // JPM 90, perf 88 → 89.00
            ("E4", "III/d", 3, 2, 4, "VeryGood", "Good"),      // JPM 90, perf 92 → 91.00: full tie with E2
            ("E5", "III/c", 3, 3, null, "VeryGood", "VeryGood"), // JPM 60 (technical missing), perf 100 → 80.00
            ("E6", "III/d", 3, 3, 4, "NeedsImprovement", "Good"), // JPM 100, perf 68 → 84.00, ineligible (rating)
            ("E7", "III/b", 3, 3, 4, "VeryGood", "VeryGood"),  // merit 100.00 but ineligible (grade below III/c)
            ("E8", "III/c", 2, 2, 2, null, "Good"),            // JPM 60, perf 0.4×4/5×100 = 32 → 46.00, ineligible (no 2025)
            ("E9", "III/c", 3, 3, 4, "Good", "Good"),          // JPM 100, perf 80 → 90.00
            ("E10", "III/c", 3, 3, 2, "VeryGood", "VeryGood"), // JPM 80, perf 100 → 90.00: loses the tie to E9 on JPM
        ];
        var employees = new List<Guid>();
        foreach (var p in people)
        {
            var id = await _client.CreateEmployeeAsync(p.Grade);
            if (p.A is { } a)
                await _client.AssessAsync(id, "M-INTEGRITY", a);
            if (p.B is { } b)
                await _client.AssessAsync(id, "M-COOPERATION", b);
            if (p.C is { } c)
                await _client.AssessAsync(id, _technical, c);
            if (p.R2025 is { } r25)
                await _client.RateAsync(id, 2025, r25);
            if (p.R2024 is { } r24)
                await _client.RateAsync(id, 2024, r24);
            employees.Add(id);
        }
        // Evidence that must not count: an older, lower assessment of E1's technical competency, a rating outside
        // the counted years, and an assessment of a competency outside the standard.
        await _client.AssessAsync(employees[0], _technical, 1, assessedOn: "2023-02-01");
        await _client.RateAsync(employees[0], 2023, "Poor");
        await _client.AssessAsync(employees[0], "M-DECISION", 1);

        var candidateIds = await _client.EnrolAsync(_selection, [.. employees]);
        for (var i = 0; i < people.Length; i++)
            _candidates[people[i].Name] = candidateIds[i];
        await _client.RunScoringAsync(_selection);
    }

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    private async Task<JsonNode> ShortlistAsync(string query = "") =>
        await _client.GetAsync($"/api/v1/selections/{_selection}/shortlist{query}").ExpectAsync(HttpStatusCode.OK);

    private string NameOf(JsonNode entry) => _candidates.Single(c => c.Value == (Guid)entry["candidateId"]!).Key;

    [Test]
    public async Task Shortlist_ranks_eligible_candidates_by_merit_with_exact_figures_and_shared_ranks()
    {
        var items = (await ShortlistAsync())["candidates"]!["items"]!.AsArray();

        var actual = items.Select(e => (NameOf(e!), (int?)e!["rank"], (decimal)e["meritScore"]!, (decimal)e["jpm"]!,
            (decimal)e["performanceScore"]!, (string)e["jpmBand"]!, (int)e["talentBox"]!)).ToList();
        Assert.That(actual, Is.EqualTo(new[]
        {
            ("E1", (int?)1, 100.00m, 100.00m, 100.00m, "Meets", 9),
            ("E2", 2, 91.00m, 90.00m, 92.00m, "Meets", 9),
            ("E4", 2, 91.00m, 90.00m, 92.00m, "Meets", 9),
            ("E9", 4, 90.00m, 100.00m, 80.00m, "Meets", 8),
            ("E10", 5, 90.00m, 80.00m, 100.00m, "Meets", 9),
            ("E3", 6, 89.00m, 90.00m, 88.00m, "Meets", 8),
            ("E5", 7, 80.00m, 60.00m, 100.00m, "DoesNotMeet", 4),
        }));
        Assert.That(items.Select(e => (bool)e!["eligible"]!), Has.All.True);
        Assert.That(items.Select(e => (e!["nip"], e["name"])), Has.All.EqualTo(((JsonNode?)null, (JsonNode?)null)), "the committee shortlist is blind");
    }

    [Test]
    public async Task Top_keeps_everyone_ranked_within_it_including_a_tie_at_the_boundary()
    {
        var top2 = (await ShortlistAsync("?top=2"))["candidates"]!["items"]!.AsArray().Select(e => NameOf(e!));
        Assert.That(top2, Is.EqualTo(new[] { "E1", "E2", "E4" }));
        var top1 = (await ShortlistAsync("?top=1"))["candidates"]!["items"]!.AsArray().Select(e => NameOf(e!));
        Assert.That(top1, Is.EqualTo(new[] { "E1" }));
    }

    [Test]
    public async Task Ineligible_candidates_are_listed_after_the_ranked_ones_with_reasons_and_no_rank()
    {
        var list = await ShortlistAsync("?includeIneligible=true");
        var items = list["candidates"]!["items"]!.AsArray();
        Assert.That((int)list["candidates"]!["totalCount"]!, Is.EqualTo(10));
        var ineligible = items.Skip(7).Select(e => (NameOf(e!), (int?)e!["rank"], (decimal)e["meritScore"]!,
            (string)e["ineligibilityReasons"]![0]!["code"]!)).ToList();
        Assert.That(ineligible, Is.EqualTo(new[]
        {
            ("E7", (int?)null, 100.00m, "GradeBelowMinimum"),
            ("E6", null, 84.00m, "PerformanceRatingBelowMinimum"),
            ("E8", null, 46.00m, "MissingPerformanceRating"),
        }));
    }

    [Test]
    public async Task Top_with_the_ineligible_lists_the_top_ranks_then_every_unranked_candidate_and_counts_them_all()
    {
        // E1, E2 and E4 (ranks 1, 2, 2), then E7, E6, E8 unranked: page 2 of 2 straddles the two parts.
        var candidates = (await ShortlistAsync("?top=2&includeIneligible=true&page=2&pageSize=2"))["candidates"]!;
        Assert.That(((int)candidates["totalCount"]!, (int)candidates["totalPages"]!), Is.EqualTo((6, 3)));
        Assert.That(candidates["items"]!.AsArray().Select(e => NameOf(e!)), Is.EqualTo(new[] { "E4", "E7" }));
    }

    [Test]
    public async Task Paging_walks_the_ranking_in_order_with_totals()
    {
        var page2 = await ShortlistAsync("?page=2&pageSize=3");
        var candidates = page2["candidates"]!;
        Assert.That((int)candidates["totalCount"]!, Is.EqualTo(7));
        Assert.That((int)candidates["totalPages"]!, Is.EqualTo(3));
        Assert.That(candidates["items"]!.AsArray().Select(e => NameOf(e!)), Is.EqualTo(new[] { "E9", "E10", "E3" }));
    }

    [Test]
    public async Task A_candidate_result_shows_the_evidence_as_read_gaps_years_and_box_meaning()
    {
        var run = (Guid)(await ShortlistAsync())["scoringRunId"]!;
        var e8 = await _client.GetAsync($"/api/v1/selections/{_selection}/scoring-runs/{run}/results/{_candidates["E8"]}")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.That((bool)e8["eligible"]!, Is.False);
        Assert.That(e8["rank"], Is.Null);
        var gaps = e8["competencyGaps"]!.AsArray().ToDictionary(g => (string)g!["competencyCode"]!, g => ((int?)g!["assessedLevel"], (int)g["gap"]!));
        Assert.That(gaps, Is.EquivalentTo(new Dictionary<string, (int?, int)>
        {
            ["M-INTEGRITY"] = (2, -1),
            ["M-COOPERATION"] = (2, -1),
            [_technical] = (2, -2),
        }));
        var years = e8["performanceYears"]!.AsArray().Select(y => ((int)y!["year"]!, (decimal)y["weight"]!, (string?)y["rating"])).ToList();
        Assert.That(years, Is.EqualTo(new[] { (2025, 0.6m, (string?)null), (2024, 0.4m, "Good") }));
        Assert.That((int)e8["talentBox"]!, Is.EqualTo(1));
        Assert.That((string)e8["talentBoxMeaning"]!, Does.Contain("below expectation").And.Contain("low potential"));

        // The newer assessment of E1's technical competency (level 4, 2025) counts, not the older level 1 (2023).
        var e1 = await _client.GetAsync($"/api/v1/selections/{_selection}/scoring-runs/{run}/results/{_candidates["E1"]}")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That(e1["competencyGaps"]!.AsArray().Single(g => (string)g!["competencyCode"]! == _technical)!["assessedLevel"]!.GetValue<int>(),
            Is.EqualTo(4));
        Assert.That((bool)e1["inTalentPool"]!, Is.True);

        var e5 = await _client.GetAsync($"/api/v1/selections/{_selection}/scoring-runs/{run}/results/{_candidates["E5"]}")
            .ExpectAsync(HttpStatusCode.OK);
        var missing = e5["competencyGaps"]!.AsArray().Single(g => (string)g!["competencyCode"]! == _technical)!;
        Assert.That(missing["assessedLevel"], Is.Null);
        Assert.That((int)missing["gap"]!, Is.EqualTo(-4));
    }

    [Test]
    public async Task Scoring_the_same_evidence_again_gives_identical_stored_figures()
    {
        var first = await ShortlistAsync("?includeIneligible=true");
        var second = await _client.RunScoringAsync(_selection);
        var again = await ShortlistAsync($"?includeIneligible=true&runId={(Guid)second["id"]!}");

        Assert.That((Guid)again["scoringRunId"]!, Is.Not.EqualTo((Guid)first["scoringRunId"]!));
        Assert.That(again["candidates"]!.ToJsonString(), Is.EqualTo(first["candidates"]!.ToJsonString()));

        // And in the database itself: every stored figure of the two runs is equal, candidate by candidate (the JSON
        // evidence byte for byte).
        var differing = await ApiTestEnvironment.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM candidate_results a JOIN candidate_results b USING (candidate_id)
            WHERE a.scoring_run_id = '{(Guid)first["scoringRunId"]!}' AND b.scoring_run_id = '{(Guid)second["id"]!}'
              AND (a.jpm, a.performance_score, a.merit_score, a.rank, a.talent_box, a.eligible, a.competency_gaps::text, a.performance_years::text, a.ineligibility_reasons::text)
                  IS DISTINCT FROM
                  (b.jpm, b.performance_score, b.merit_score, b.rank, b.talent_box, b.eligible, b.competency_gaps::text, b.performance_years::text, b.ineligibility_reasons::text)
            """);
        Assert.That(differing, Is.Zero);
        var runs = await _client.GetAsync($"/api/v1/selections/{_selection}/scoring-runs").ExpectAsync(HttpStatusCode.OK);
        Assert.That(runs["items"]!.AsArray().Select(r => (int)r!["sequence"]!), Is.EqualTo(new[] { 2, 1 }));
    }
}
