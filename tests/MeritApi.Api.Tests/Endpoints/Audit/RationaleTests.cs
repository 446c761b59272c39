using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Tests.Endpoints.Audit;

/// <summary>
/// A candidate's rationale over HTTP: the same figures as the stored result, every step re-adding, half-even
/// rounding, the tie-break that decided the rank, the Markdown statement and the seal, with figures from DESIGN §4
/// worked out by hand.
/// Standard: INTEGRITY 5, COOPERATION 5, technical 5 (Σ required = 15, so JPMs have repeating decimals);
/// policy v1 (0.5/0.5; 2025 × 0.6, 2024 × 0.4; each year at least Good); no minimum grade.
/// Performance for two ratings is 12 × r2025 + 8 × r2024.
/// </summary>
public sealed class RationaleTests
{
    private static readonly System.Text.RegularExpressions.Regex Sha256Hex = new("^[0-9a-f]{64}$");

    private HttpClient _client = null!;
    private string _technical = null!;
    private Guid _selection;
    private Guid _run;
    private readonly Dictionary<string, Guid> _candidates = [];

    [OneTimeSetUp]
    public async Task ArrangeSelectionAsync()
    {
        _client = ApiClient.Create();
        _technical = await _client.RegisterTechnicalCompetencyAsync("T-RAT");
        var position = await _client.CreatePositionAsync([("M-INTEGRITY", 5), ("M-COOPERATION", 5), (_technical, 5)]);
        _selection = await _client.OpenSelectionAsync(position);

        // name: levels (integrity, cooperation, technical; null = never assessed), rating 2025, rating 2024
        (string Name, int? A, int? B, int? C, string R2025, string R2024)[] people =
        [
            ("R1", 5, 5, 5, "VeryGood", "VeryGood"),     // JPM 15/15 = 100, perf 100 → merit 100.00, rank 1
            ("R2", 5, 5, 4, "VeryGood", "Good"),         // JPM 14/15 = 93.333… → 93.33, perf 92 → 46.665 + 46 = 92.665 → 92.66 (half-even)
            ("R3", 4, 5, 5, "VeryGood", "Good"),         // the same figures as R2: rank 2 shared
            ("R4", 5, 5, 5, "Good", "Good"),             // JPM 100, perf 80 → 90.00: wins the merit tie with R5 on JPM → rank 4
            ("R5", 4, 4, 4, "VeryGood", "VeryGood"),     // JPM 12/15 = 80, perf 100 → 90.00 → rank 5
            ("R6", 5, 5, null, "VeryGood", "VeryGood"),  // JPM 10/15 = 66.666… → 66.67 (technical missing), perf 100 → 33.335 + 50 = 83.335 → 83.34
            ("R7", 5, 5, 5, "NeedsImprovement", "Good"), // JPM 100, perf 36 + 32 = 68 → 84.00, ineligible (2025 below Good)
        ];
        var employees = new List<Guid>();
        foreach (var p in people)
            employees.Add(await _client.CreateEmployeeWithEvidenceAsync(
                [("M-INTEGRITY", p.A), ("M-COOPERATION", p.B), (_technical, p.C)], p.R2025, p.R2024));
        var ids = await _client.EnrolAsync(_selection, [.. employees]);
        for (var i = 0; i < people.Length; i++)
            _candidates[people[i].Name] = ids[i];
        _run = await _client.ScoreAsync(_selection);
    }

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    private string ResultUrl(string name) => $"/api/v1/selections/{_selection}/scoring-runs/{_run}/results/{_candidates[name]}";

    private Task<JsonNode> RationaleAsync(string name) => _client.GetJsonAsync($"{ResultUrl(name)}/rationale");

    private async Task<(string Body, string? MediaType)> StatementAsync(string name, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ResultUrl(name)}/rationale");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return (body, response.Content.Headers.ContentType?.MediaType);
    }

    [Test]
    public async Task Every_rationale_restates_the_stored_result_and_its_steps_re_add()
    {
        foreach (var name in _candidates.Keys)
        {
            var rationale = await RationaleAsync(name);
            var result = await _client.GetJsonAsync(ResultUrl(name));
            var jpm = rationale["jobPersonMatch"]!;
            var performance = rationale["performance"]!;
            var merit = rationale["merit"]!;

            using (Assert.EnterMultipleScope())
            {
                // The published figures are the stored ones.
                Assert.That((string)rationale["candidateCode"]!, Is.EqualTo((string)result["candidateCode"]!), name);
                Assert.That((Guid)rationale["scoringRunId"]!, Is.EqualTo(_run), name);
                Assert.That((Guid)rationale["selectionId"]!, Is.EqualTo(_selection), name);
                Assert.That((decimal)jpm["published"]!, Is.EqualTo((decimal)result["jpm"]!), name);
                Assert.That((string)rationale["band"]!["band"]!, Is.EqualTo((string)result["jpmBand"]!), name);
                Assert.That((decimal)performance["published"]!, Is.EqualTo((decimal)result["performanceScore"]!), name);
                Assert.That((decimal)merit["published"]!, Is.EqualTo((decimal)result["meritScore"]!), name);
                Assert.That((int)rationale["talentBox"]!["box"]!, Is.EqualTo((int)result["talentBox"]!), name);
                Assert.That((bool)rationale["talentBox"]!["inTalentPool"]!, Is.EqualTo((bool)result["inTalentPool"]!), name);
                Assert.That((string)rationale["talentBox"]!["meaning"]!, Is.EqualTo((string)result["talentBoxMeaning"]!), name);
                Assert.That((bool)rationale["eligibility"]!["eligible"]!, Is.EqualTo((bool)result["eligible"]!), name);
                Assert.That((int?)rationale["rank"]!["rank"], Is.EqualTo((int?)result["rank"]), name);
                Assert.That(rationale["eligibility"]!["reasons"]!.AsArray().Select(r => (string)r!["code"]!),
                    Is.EqualTo(result["ineligibilityReasons"]!.AsArray().Select(r => (string)r!["code"]!)), name);

                // The evidence is the evidence the result stored, line by line.
                var lines = rationale["evidence"]!["competencies"]!.AsArray();
                Assert.That(lines.Select(c => ((string)c!["competencyCode"]!, (int)c["requiredLevel"]!, (int?)c["assessedLevel"], (int)c["gap"]!)),
                    Is.EqualTo(result["competencyGaps"]!.AsArray().Select(g =>
                        ((string)g!["competencyCode"]!, (int)g["requiredLevel"]!, (int?)g["assessedLevel"], (int)g["gap"]!))), name);
                Assert.That(rationale["evidence"]!["performanceYears"]!.AsArray().Select(y => ((int)y!["year"]!, (decimal)y["weight"]!, (string?)y["rating"])),
                    Is.EqualTo(result["performanceYears"]!.AsArray().Select(y => ((int)y!["year"]!, (decimal)y["weight"]!, (string?)y["rating"]))), name);

                // Each step re-adds from the lines before it.
                foreach (var line in lines)
                {
                    var required = (int)line!["requiredLevel"]!;
                    var assessed = (int?)line["assessedLevel"] ?? 0;
                    Assert.That((int)line["creditedLevel"]!, Is.EqualTo(Math.Min(assessed, required)), name);
                    Assert.That((int)line["gap"]!, Is.EqualTo(assessed - required), name);
                }
                var credited = (int)jpm["creditedLevels"]!;
                var requiredLevels = (int)jpm["requiredLevels"]!;
                Assert.That(credited, Is.EqualTo(lines.Sum(c => (int)c!["creditedLevel"]!)), name);
                Assert.That(requiredLevels, Is.EqualTo(15), name);
                Assert.That((decimal)jpm["unrounded"]!, Is.EqualTo(credited * 100m / requiredLevels), name);
                Assert.That((decimal)jpm["published"]!, Is.EqualTo(Math.Round((decimal)jpm["unrounded"]!, 2, MidpointRounding.ToEven)), name);

                var years = rationale["evidence"]!["performanceYears"]!.AsArray();
                foreach (var year in years)
                    Assert.That((decimal)year!["weightedValue"]!, Is.EqualTo((decimal)year["weight"]! * (int)year["ratingValue"]!), name);
                Assert.That((decimal)performance["weightedRatingSum"]!, Is.EqualTo(years.Sum(y => (decimal)y!["weightedValue"]!)), name);
                Assert.That((decimal)performance["unrounded"]!, Is.EqualTo((decimal)performance["weightedRatingSum"]! / 5m * 100m), name);
                Assert.That((decimal)performance["published"]!,
                    Is.EqualTo(Math.Round((decimal)performance["unrounded"]!, 2, MidpointRounding.ToEven)), name);

                Assert.That((decimal)merit["jpm"]!, Is.EqualTo((decimal)jpm["published"]!), name);
                Assert.That((decimal)merit["performanceScore"]!, Is.EqualTo((decimal)performance["published"]!), name);
                Assert.That((decimal)merit["competencePart"]!, Is.EqualTo((decimal)merit["competenceWeight"]! * (decimal)merit["jpm"]!), name);
                Assert.That((decimal)merit["performancePart"]!,
                    Is.EqualTo((decimal)merit["performanceWeight"]! * (decimal)merit["performanceScore"]!), name);
                Assert.That((decimal)merit["competencePart"]! + (decimal)merit["performancePart"]!, Is.EqualTo((decimal)merit["unrounded"]!), name);
                Assert.That(Math.Round((decimal)merit["unrounded"]!, 2, MidpointRounding.ToEven), Is.EqualTo((decimal)result["meritScore"]!), name);

                var policy = rationale["policy"]!;
                // The newest seeded version: version 1's figures with three-year assessment validity.
                Assert.That(((int)policy["version"]!, (decimal)policy["competenceWeight"]!, (decimal)policy["performanceWeight"]!),
                    Is.EqualTo((2, 0.5m, 0.5m)), name);
                Assert.That(((int?)policy["assessmentValidityYears"], (bool?)policy["accreditedBodiesOnly"]), Is.EqualTo(((int?)3, (bool?)false)), name);
                Assert.That(policy["performanceYearWeights"]!.AsArray().Select(w => (decimal)w!), Is.EqualTo(new[] { 0.6m, 0.4m }), name);
                Assert.That(((string)policy["bandSet"]!, (string)policy["minimumRating"]!), Is.EqualTo(("Filling", "Good")), name);
                Assert.That((string?)rationale["seal"], Does.Match(Sha256Hex), name);
            }
        }
    }

    [Test]
    public async Task The_steps_of_a_candidate_carry_the_hand_computed_figures_and_round_half_even()
    {
        var r2 = await RationaleAsync("R2");
        var jpm = r2["jobPersonMatch"]!;
        var merit = r2["merit"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r2["evidence"]!["competencies"]!.AsArray()
                    .ToDictionary(c => (string)c!["competencyCode"]!, c => ((int)c!["requiredLevel"]!, (int?)c["assessedLevel"], (int)c["gap"]!, (int)c["creditedLevel"]!)),
                Is.EquivalentTo(new Dictionary<string, (int, int?, int, int)>
                {
                    ["M-INTEGRITY"] = (5, 5, 0, 5),
                    ["M-COOPERATION"] = (5, 5, 0, 5),
                    [_technical] = (5, 4, -1, 4),
                }));
            Assert.That(r2["evidence"]!["performanceYears"]!.AsArray()
                    .Select(y => ((int)y!["year"]!, (decimal)y["weight"]!, (string?)y["rating"], (int)y["ratingValue"]!, (decimal)y["weightedValue"]!)),
                Is.EqualTo(new[] { (2025, 0.6m, (string?)"VeryGood", 5, 3.0m), (2024, 0.4m, "Good", 4, 1.6m) }));

            Assert.That(((int)jpm["creditedLevels"]!, (int)jpm["requiredLevels"]!), Is.EqualTo((14, 15)));
            Assert.That((decimal)jpm["unrounded"]!, Is.EqualTo(1400m / 15m)); // 93.333…
            Assert.That((decimal)jpm["published"]!, Is.EqualTo(93.33m));
            Assert.That(jpm["missingCompetencies"]!.AsArray(), Is.Empty);
            Assert.That(((string)r2["band"]!["band"]!, (string)r2["band"]!["indonesianTerm"]!), Is.EqualTo(("Meets", "memenuhi syarat")));
            Assert.That(((decimal)r2["band"]!["topBandFrom"]!, (decimal)r2["band"]!["middleBandFrom"]!), Is.EqualTo((80m, 68m)));

            Assert.That((decimal)r2["performance"]!["weightedRatingSum"]!, Is.EqualTo(4.6m));
            Assert.That((decimal)r2["performance"]!["unrounded"]!, Is.EqualTo(92m));
            Assert.That((decimal)r2["performance"]!["published"]!, Is.EqualTo(92m));

            Assert.That((decimal)merit["competencePart"]!, Is.EqualTo(46.665m));
            Assert.That((decimal)merit["performancePart"]!, Is.EqualTo(46m));
            Assert.That((decimal)merit["unrounded"]!, Is.EqualTo(92.665m));
            // Half-even: 92.665 → 92.66 (half away from zero would publish 92.67).
            Assert.That((decimal)merit["published"]!, Is.EqualTo(92.66m));

            Assert.That(((string)r2["talentBox"]!["potential"]!, (string)r2["talentBox"]!["performanceLevel"]!, (int)r2["talentBox"]!["box"]!,
                (bool)r2["talentBox"]!["inTalentPool"]!), Is.EqualTo(("High", "AboveExpectation", 9, true)));
            Assert.That((bool)r2["eligibility"]!["eligible"]!, Is.True);
            Assert.That(r2["eligibility"]!["reasons"]!.AsArray(), Is.Empty);
        }

        var r6 = await RationaleAsync("R6");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((int)r6["jobPersonMatch"]!["creditedLevels"]!, (decimal)r6["jobPersonMatch"]!["published"]!), Is.EqualTo((10, 66.67m)));
            Assert.That(r6["jobPersonMatch"]!["missingCompetencies"]!.AsArray().Select(c => (string)c!), Is.EqualTo(new[] { _technical }));
            Assert.That(((string)r6["band"]!["band"]!, (string)r6["band"]!["indonesianTerm"]!), Is.EqualTo(("DoesNotMeet", "kurang memenuhi syarat")));
            Assert.That(((decimal)r6["merit"]!["unrounded"]!, (decimal)r6["merit"]!["published"]!), Is.EqualTo((83.335m, 83.34m)));
            Assert.That(((string)r6["talentBox"]!["potential"]!, (int)r6["talentBox"]!["box"]!), Is.EqualTo(("Low", 4)));
        }

        var r7 = await RationaleAsync("R7");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((decimal)r7["performance"]!["published"]!, (decimal)r7["merit"]!["published"]!), Is.EqualTo((68m, 84m)));
            Assert.That((bool)r7["eligibility"]!["eligible"]!, Is.False);
            Assert.That(r7["eligibility"]!["reasons"]!.AsArray().Select(r => (string)r!["code"]!), Is.EqualTo(new[] { "PerformanceRatingBelowMinimum" }));
            Assert.That(((int)r7["talentBox"]!["box"]!, (bool)r7["talentBox"]!["inTalentPool"]!), Is.EqualTo((6, false)));
        }
    }

    [Test]
    public async Task The_rank_names_the_criterion_that_decided_it()
    {
        var ranks = new Dictionary<string, (int?, string?)>();
        var explanations = new Dictionary<string, string>();
        foreach (var name in _candidates.Keys)
        {
            var rank = (await RationaleAsync(name))["rank"]!;
            ranks[name] = ((int?)rank["rank"], (string?)rank["decidedBy"]);
            explanations[name] = (string)rank["explanation"]!;
        }

        Assert.That(ranks, Is.EquivalentTo(new Dictionary<string, (int?, string?)>
        {
            ["R1"] = (1, "MeritScore"),
            ["R2"] = (2, "SharedRank"),       // equal on merit, JPM and latest rating with R3
            ["R3"] = (2, "SharedRank"),
            ["R4"] = (4, "JobPersonMatch"),   // 90.00 like R5, JPM 100 against 80
            ["R5"] = (5, "JobPersonMatch"),
            ["R6"] = (6, "MeritScore"),
            ["R7"] = (null, null),            // ineligible: never ranked
        }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(explanations["R1"], Does.StartWith("Rank 1").And.Contain("merit score alone"));
            Assert.That(explanations["R2"], Does.StartWith("Rank 2, shared").And.Contain("never broken by name, id, age or seniority"));
            Assert.That(explanations["R4"], Does.StartWith("Rank 4").And.Contain("job-person match (JPM) decides"));
            Assert.That(explanations["R5"], Does.StartWith("Rank 5").And.Contain("job-person match (JPM) decides"));
            Assert.That(explanations["R7"], Does.StartWith("Not ranked"));
        }
    }

    [Test]
    public async Task The_markdown_statement_carries_the_code_the_figures_the_Indonesian_terms_and_the_seal()
    {
        var rationale = await RationaleAsync("R2");
        var (markdown, mediaType) = await StatementAsync("R2", "text/markdown");

        Assert.That(mediaType, Is.EqualTo("text/markdown"));
        Assert.That(markdown, Does.StartWith($"# Rationale of candidate {(string)rationale["candidateCode"]!}")
            .And.Contain((string)rationale["seal"]!)
            .And.Contain("memenuhi syarat")
            .And.Contain("kotak talenta")
            .And.Contain("Σ credited 14 / Σ required 15")
            .And.Contain("46.665 + 46 = 92.665 → **92.66**")
            .And.Contain("box 9")
            .And.Contain("| 2025 | VeryGood (sangat baik) | 5 | 0.6 | 3 |")
            .And.Contain($"| {_technical} | 5 | 4 (assessed 2025-06-01, valid through 2028-06-01) | -1 | 4 |")
            .And.Contain("Rank 2, shared"));

        var (plain, plainType) = await StatementAsync("R6", "text/plain");
        Assert.That(plainType, Is.EqualTo("text/plain"));
        Assert.That(plain, Does.Contain("kurang memenuhi syarat")
            .And.Contain($"Not assessed, counted as 0: {_technical}")
            .And.Contain("not assessed (counts 0)")
            .And.Contain((string)(await RationaleAsync("R6"))["seal"]!));

        var (ineligible, _) = await StatementAsync("R7", "text/markdown");
        Assert.That(ineligible, Does.Contain("Not eligible (PerformanceRatingBelowMinimum)").And.Contain("Not ranked"));

        var (json, jsonType) = await StatementAsync("R2", "application/json");
        Assert.That(jsonType, Is.EqualTo("application/json"));
        Assert.That((string?)JsonNode.Parse(json)!["seal"], Is.EqualTo((string)rationale["seal"]!));
    }

    [Test]
    public async Task Verification_of_an_untouched_run_reports_match_with_the_stored_seal_and_the_audited_run_digest()
    {
        var runEntry = (await _client.GetJsonAsync($"/api/v1/audit/entries?selectionId={_selection}"))["items"]!.AsArray()
            .Single(e => (string)e!["command"]! == "RunScoring")!;
        var seals = new HashSet<string>();
        foreach (var name in _candidates.Keys)
        {
            var rationale = await RationaleAsync(name);
            var verification = await _client.GetJsonAsync($"{ResultUrl(name)}/rationale/verification");
            var storedSeal = await ApiTestEnvironment.Database.ScalarAsync<string>(
                $"SELECT seal FROM candidate_results WHERE scoring_run_id = '{_run}' AND candidate_id = '{_candidates[name]}'");
            var seal = (string)rationale["seal"]!;
            seals.Add(seal);
            using (Assert.EnterMultipleScope())
            {
                Assert.That((string)verification["status"]!, Is.EqualTo("match"), name);
                Assert.That((bool)verification["figuresMatch"]!, Is.True, name);
                Assert.That(verification["differences"]!.AsArray(), Is.Empty, name);
                Assert.That(((string)verification["seal"]!["stored"]!, (string)verification["seal"]!["recomputed"]!, (bool)verification["seal"]!["match"]!),
                    Is.EqualTo((seal, seal, true)), name);
                Assert.That(storedSeal, Is.EqualTo(seal), name);
                var digest = verification["runDigest"]!;
                Assert.That((string)digest["stored"]!, Does.Match(Sha256Hex), name);
                Assert.That(((string)digest["recomputed"]!, (string?)digest["recordedInAuditTrail"], (bool)digest["match"]!),
                    Is.EqualTo(((string)digest["stored"]!, (string?)runEntry["outcomeDigest"], true)), name);
            }
        }
        Assert.That(seals, Has.Count.EqualTo(_candidates.Count), "every result has a seal of its own");
    }

    [Test]
    public async Task Rationale_of_an_unknown_candidate_or_run_is_a_404_problem()
    {
        await _client.GetAsync($"/api/v1/selections/{_selection}/scoring-runs/{_run}/results/{Guid.NewGuid()}/rationale")
            .ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await _client.GetAsync($"/api/v1/selections/{_selection}/scoring-runs/{Guid.NewGuid()}/results/{_candidates["R1"]}/rationale/verification")
            .ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }
}
