using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MeritApi.Api.Tests.Endpoints.Selections;

/// <summary>
/// A run's rank robustness (DESIGN §4) over HTTP, hand-computed. Standard INTEGRITY 3, COOPERATION 2 (Σ 5); a policy of
/// 0.5/0.5 with a near-tie threshold of 2.5 points; one place, so the best 3n are the top three.
///   A JPM 100, perf 100 → 100 (rank 1)      B 100, 92 → 96 (2)      C 100, 88 → 94 (3)
///   D  80, 100 → 90 (4)                     E  60, 100 → 80 (5)
/// Gaps 4, 2, 4, 10: B and C are within 2.5 of each other. Merit lines: C − D = −12 + 32w, zero at w = 3/8, so below 0.375
/// D overtakes C and the best three change; every other crossing of an insider by an outsider is lower (B − D at 2/7,
/// C − E at 3/13) or at 0 (A − D), and no line crosses above 0.5: the set holds for every w in (0.375, 1].
/// </summary>
public sealed class RankRobustnessTests
{
    private HttpClient _client = null!;
    private JsonNode _run = null!;
    private Dictionary<string, JsonNode> _byCode = null!;
    private Dictionary<string, string> _codeOf = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _client = ApiClient.Create();
        var policy = await _client.PostAsJsonAsync("/api/v1/scoring-policies", new
        {
            competenceWeight = 0.5m,
            performanceWeight = 0.5m,
            performanceYearWeights = new[] { 0.6m, 0.4m },
            bandSet = "Filling",
            minimumRating = "Good",
            nearTieThreshold = 2.5m,
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.That((decimal)policy["nearTieThreshold"]!, Is.EqualTo(2.5m));

        var position = await _client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)]);
        (string Name, int Integrity, int Cooperation, string R2025, string R2024)[] people =
        [
            ("A", 3, 2, "VeryGood", "VeryGood"), ("B", 3, 2, "VeryGood", "Good"), ("C", 3, 2, "Good", "VeryGood"),
            ("D", 3, 1, "VeryGood", "VeryGood"), ("E", 2, 1, "VeryGood", "VeryGood"),
        ];
        var employees = new List<Guid>();
        foreach (var p in people)
            employees.Add(await _client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", p.Integrity), ("M-COOPERATION", p.Cooperation)], p.R2025, p.R2024));
        var selection = (Guid)(await _client.PostAsJsonAsync("/api/v1/selections", new
        {
            positionId = position,
            kind = "Promotion",
            places = 1,
            policyVersion = (int)policy["version"]!,
            latestPerformanceYear = 2025,
        }).ExpectAsync(HttpStatusCode.Created))["id"]!;
        var candidates = await _client.EnrolAsync(selection, [.. employees]);
        _run = await _client.RunScoringAsync(selection);

        var shortlist = await _client.GetJsonAsync($"/api/v1/selections/{selection}/shortlist");
        var lines = shortlist["candidates"]!["items"]!.AsArray().Select(l => l!).ToList();
        _codeOf = people.Select((p, i) => (p.Name, Code: (string)lines.Single(l => (Guid)l["candidateId"]! == candidates[i])["candidateCode"]!))
            .ToDictionary(x => x.Name, x => x.Code);
        _byCode = lines.ToDictionary(l => (string)l["candidateCode"]!);
    }

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    private JsonNode Line(string name) => _byCode[_codeOf[name]];

    [Test]
    public void The_merit_figures_are_the_hand_computed_ones()
    {
        Assert.That(new[] { "A", "B", "C", "D", "E" }.Select(n => ((int)Line(n)["rank"]!, (decimal)Line(n)["meritScore"]!)),
            Is.EqualTo(new[] { (1, 100m), (2, 96m), (3, 94m), (4, 90m), (5, 80m) }));
    }

    [Test]
    public void Each_rank_has_its_gap_to_the_next_and_near_ties_are_flagged()
    {
        Assert.That(new[] { "A", "B", "C", "D", "E" }.Select(n => ((decimal?)Line(n)["gapToNextRank"], (bool)Line(n)["nearTie"]!)),
            Is.EqualTo(new (decimal?, bool)[] { (4m, false), (2m, true), (4m, true), (10m, false), (null, false) }));
        Assert.That((decimal)_run["nearTieThreshold"]!, Is.EqualTo(2.5m));
    }

    [Test]
    public void The_weight_sensitivity_of_the_best_three_ends_where_D_overtakes_C()
    {
        var sensitivity = _run["weightSensitivity"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((decimal)sensitivity["policyWeight"]!, (int)sensitivity["bestCount"]!), Is.EqualTo((0.5m, 3)));
            Assert.That(((decimal)sensitivity["lower"]!, (decimal)sensitivity["upper"]!), Is.EqualTo((0.375m, 1m)));
            var crossing = sensitivity["lowerCrossing"]!;
            Assert.That(((string)crossing["exact"]!, (string)crossing["enteringCode"]!, (string)crossing["leavingCode"]!),
                Is.EqualTo(("3/8", _codeOf["D"], _codeOf["C"])));
            Assert.That(sensitivity["upperCrossing"], Is.Null);
        }
    }

    [Test]
    public async Task The_stored_run_and_a_result_read_back_the_same_robustness()
    {
        var selection = (Guid)_run["selectionId"]!;
        var stored = await _client.GetJsonAsync($"/api/v1/selections/{selection}/scoring-runs/{(Guid)_run["id"]!}");
        Assert.That(stored["weightSensitivity"]!.ToJsonString(), Is.EqualTo(_run["weightSensitivity"]!.ToJsonString()));
        var b = await _client.GetJsonAsync($"/api/v1/selections/{selection}/scoring-runs/{(Guid)_run["id"]!}/results/{(Guid)Line("B")["candidateId"]!}");
        Assert.That(((decimal?)b["gapToNextRank"], (bool)b["nearTie"]!), Is.EqualTo(((decimal?)2m, true)));
    }

    [Test]
    public async Task A_near_tie_threshold_out_of_range_is_a_400_naming_it()
    {
        var problem = await _client.PostAsJsonAsync("/api/v1/scoring-policies", new
        {
            competenceWeight = 0.5m,
            performanceWeight = 0.5m,
            performanceYearWeights = new[] { 1m },
            bandSet = "Filling",
            minimumRating = "Good",
            nearTieThreshold = 11m,
        }).ExpectProblemAsync(HttpStatusCode.BadRequest, "urn:meritapi:problem:validation");
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "nearTieThreshold" }));
    }
}
