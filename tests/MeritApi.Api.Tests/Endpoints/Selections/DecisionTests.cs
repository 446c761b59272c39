using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using Microsoft.Extensions.DependencyInjection;

namespace MeritApi.Api.Tests.Endpoints.Selections;

/// <summary>
/// The committee's decision over HTTP, on the run it reviewed: the merit choice, reasoned choices within the best 3n
/// (with a written justification, listed for auditors, not deviations), merit deviations outside the best 3n (flagged and
/// listed), refusals (a newer run, an ineligible choice), the closed selection and the decision file.
/// Six employees with hand-designed evidence are enrolled in fresh selections as each test needs; every selection
/// ranks them the same way. Standard: INTEGRITY 3, COOPERATION 3, technical 4 (Σ 10); policy v1.
/// </summary>
public sealed class DecisionTests
{
    /// <summary>Exactly the minimum length a justification needs (100 characters).</summary>
    private const string Justification =
        "Panitia memilih kandidat ini karena pengalamannya memimpin unit sejenis selama empat tahun terakhir.";

    private HttpClient _client = null!;
    private string _technical = null!;
    private readonly Dictionary<string, Guid> _employees = [];

    [OneTimeSetUp]
    public async Task ArrangeEmployeesAsync()
    {
        _client = ApiClient.Create();
        _technical = await _client.RegisterTechnicalCompetencyAsync("T-DEC");
        // name: levels (integrity, cooperation, technical), rating 2025, rating 2024
        (string Name, int A, int B, int C, string R2025, string R2024)[] people =
        [
            ("D1", 3, 3, 4, "VeryGood", "VeryGood"),     // JPM 100, perf 100 → 100.00, rank 1
            ("D2", 3, 3, 4, "Good", "VeryGood"),         // JPM 100, perf 48 + 40 = 88 → 94.00, rank 2
            ("D3", 3, 3, 4, "Good", "Good"),             // JPM 100, perf 80 → 90.00, rank 3
            ("D4", 3, 3, 3, "Good", "Good"),             // JPM 90, perf 80 → 85.00, rank 4
            ("D5", 3, 3, 2, "Good", "Good"),             // JPM 80, perf 80 → 80.00, rank 5
            ("DX", 3, 3, 4, "NeedsImprovement", "Good"), // JPM 100, perf 36 + 32 = 68 → 84.00, ineligible (2025 below Good)
        ];
        foreach (var p in people)
            _employees[p.Name] = await _client.CreateEmployeeWithEvidenceAsync(
                [("M-INTEGRITY", p.A), ("M-COOPERATION", p.B), (_technical, p.C)], p.R2025, p.R2024);
    }

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    private sealed record Arranged(Guid Position, Guid Selection, Guid Run, Dictionary<string, Guid> Candidates);

    private Task<Guid> NewPositionAsync() => _client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3), (_technical, 4)]);

    /// <summary>Opens a selection, enrols the named employees (all six by default) and scores it.</summary>
    private async Task<Arranged> ScoredSelectionAsync(Guid? position = null, int places = 1, params string[] names)
    {
        var positionId = position ?? await NewPositionAsync();
        var selection = await _client.OpenSelectionAsync(positionId, places);
        names = names.Length > 0 ? names : [.. _employees.Keys];
        var ids = await _client.EnrolAsync(selection, [.. names.Select(n => _employees[n])]);
        var run = await _client.ScoreAsync(selection);
        return new Arranged(positionId, selection, run, names.Zip(ids).ToDictionary(p => p.First, p => p.Second));
    }

    /// <summary>Decides on the run the committee reviewed: <paramref name="run"/>, or the one the selection was scored with.</summary>
    private Task<HttpResponseMessage> DecideAsync(Arranged s, IEnumerable<Guid> candidates, string? justification = null, Guid? run = null) =>
        _client.PostAsJsonAsync($"/api/v1/selections/{s.Selection}/decision",
            new { scoringRunId = run ?? s.Run, candidateIds = candidates, justification });

    private async Task<string> StatusOfAsync(Guid selection) => (string)(await _client.GetJsonAsync($"/api/v1/selections/{selection}"))["status"]!;

    private async Task<List<JsonNode>> DeviationsAsync(string query) =>
        [.. (await _client.GetJsonAsync($"/api/v1/audit/merit-deviations?{query}"))["items"]!.AsArray().Select(d => d!)];

    private async Task<List<JsonNode>> ReasonedChoicesAsync(string query) =>
        [.. (await _client.GetJsonAsync($"/api/v1/audit/reasoned-choices?{query}"))["items"]!.AsArray().Select(d => d!)];

    /// <summary>(code, rank, merit, standing, reasoned choice, merit deviation, flagged)</summary>
    private static (string, int, decimal, string, bool, bool, bool) Choice(JsonNode c) =>
        ((string)c["candidateCode"]!, (int)c["rank"]!, (decimal)c["meritScore"]!, (string)c["standing"]!, (bool)c["reasonedChoice"]!,
            (bool)c["meritDeviation"]!, (bool)c["flagged"]!);

    private async Task<string> CodeOfAsync(Arranged s, string name) =>
        (string)(await _client.GetJsonAsync($"/api/v1/selections/{s.Selection}/scoring-runs/{s.Run}/results/{s.Candidates[name]}"))["candidateCode"]!;

    private static string WithoutDecidedAt(JsonNode decision)
    {
        var copy = decision.DeepClone().AsObject();
        copy.Remove("decidedAt");
        return copy.ToJsonString();
    }

    /// <summary>The real time, with a tenth of a microsecond that PostgreSQL cannot keep (as the system clock has 9 times in 10).</summary>
    private sealed class SubMicrosecondClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            var now = TimeProvider.System.GetUtcNow();
            return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10 + 7, TimeSpan.Zero);
        }
    }

    [Test]
    public async Task The_201_response_is_the_decision_as_stored_to_the_microsecond()
    {
        // What the committee receives as its receipt must be what the decision file later archives, including when.
        // A host of its own (same database) whose clock always has sub-microsecond ticks makes this deterministic.
        await using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new SubMicrosecondClock())));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = _client.DefaultRequestHeaders.Authorization;

        var s = await ScoredSelectionAsync(null, 1, "D1", "D2");
        var decision = await client.PostAsJsonAsync($"/api/v1/selections/{s.Selection}/decision",
                new { scoringRunId = s.Run, candidateIds = new[] { s.Candidates["D1"] } })
            .ExpectAsync(HttpStatusCode.Created);
        var stored = await client.GetJsonAsync($"/api/v1/selections/{s.Selection}/decision");
        Assert.That((DateTimeOffset)decision["decidedAt"]!, Is.EqualTo((DateTimeOffset)stored["decidedAt"]!));
    }

    [Test]
    public async Task The_ranking_the_decisions_rest_on_is_the_hand_computed_one()
    {
        var s = await ScoredSelectionAsync();
        var shortlist = await _client.GetJsonAsync($"/api/v1/selections/{s.Selection}/shortlist?includeIneligible=true");
        var ranked = shortlist["candidates"]!["items"]!.AsArray()
            .Select(e => (s.Candidates.Single(c => c.Value == (Guid)e!["candidateId"]!).Key, (int?)e!["rank"], (decimal)e["meritScore"]!)).ToList();
        Assert.That(ranked, Is.EqualTo(new[]
        {
            ("D1", (int?)1, 100.00m), ("D2", 2, 94.00m), ("D3", 3, 90.00m), ("D4", 4, 85.00m), ("D5", 5, 80.00m), ("DX", null, 84.00m),
        }));
    }

    [Test]
    public async Task Choosing_the_top_ranked_candidate_needs_no_reason_is_no_deviation_and_closes_the_selection()
    {
        var s = await ScoredSelectionAsync();
        var decision = await DecideAsync(s, [s.Candidates["D1"]]).ExpectAsync(HttpStatusCode.Created);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision["choices"]!.AsArray().Select(c => Choice(c!)),
                Is.EqualTo(new[] { (await CodeOfAsync(s, "D1"), 1, 100.00m, "TopRanked", false, false, false) }));
            Assert.That(((Guid)decision["selectionId"]!, (Guid)decision["scoringRunId"]!, (int)decision["places"]!), Is.EqualTo((s.Selection, s.Run, 1)));
            Assert.That(decision["justification"], Is.Null);
            Assert.That((string)decision["decidedBy"]!, Is.EqualTo("test-" + string.Join("+", Roles.All)));
        }

        var stored = await _client.GetJsonAsync($"/api/v1/selections/{s.Selection}/decision");
        Assert.That(WithoutDecidedAt(stored), Is.EqualTo(WithoutDecidedAt(decision)));
        Assert.That(await StatusOfAsync(s.Selection), Is.EqualTo("Decided"));
        Assert.That(await DeviationsAsync($"positionId={s.Position}"), Is.Empty, "the merit choice is not a deviation");
        Assert.That(await ReasonedChoicesAsync($"positionId={s.Position}"), Is.Empty, "nor a reasoned choice");

        // The selection is closed: no new run, no new candidate, no second decision.
        var rescore = await _client.PostAsync($"/api/v1/selections/{s.Selection}/scoring-runs", null)
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        var enrol = await _client.PostAsJsonAsync($"/api/v1/selections/{s.Selection}/candidates", new { employeeIds = new[] { await _client.CreateEmployeeAsync() } })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        var again = await DecideAsync(s, [s.Candidates["D2"]], Justification)
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That(new[] { rescore, enrol, again }.Select(p => (string)p["rule"]!), Is.All.EqualTo("selection-decided"));

        var runs = await _client.GetJsonAsync($"/api/v1/selections/{s.Selection}/scoring-runs");
        Assert.That((int)runs["totalCount"]!, Is.EqualTo(1));
        var candidates = await _client.GetJsonAsync($"/api/v1/selections/{s.Selection}/candidates");
        Assert.That((int)candidates["totalCount"]!, Is.EqualTo(6));
    }

    [Test]
    public async Task Choosing_within_the_best_three_needs_a_justification_of_100_characters_and_is_a_reasoned_choice_not_a_deviation()
    {
        Assert.That(Justification, Has.Length.EqualTo(100));
        var s = await ScoredSelectionAsync();
        var code = await CodeOfAsync(s, "D3");

        foreach (var missing in new string?[] { null, "", "   ", Justification[..99], $"  {Justification[..99]}  " })
        {
            var problem = await DecideAsync(s, [s.Candidates["D3"]], missing)
                .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "justification" }), $"justification '{missing}'");
            Assert.That((string)problem["errors"]!["justification"]![0]!, Does.Contain("ranked 3").And.Contain("100 characters"));
        }
        // Nothing was stored and the selection is still open to a decision.
        await _client.GetAsync($"/api/v1/selections/{s.Selection}/decision").ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.That(await StatusOfAsync(s.Selection), Is.EqualTo("Scored"));
        var entries = await _client.GetJsonAsync($"/api/v1/audit/entries?selectionId={s.Selection}");
        Assert.That(entries["items"]!.AsArray().Select(e => (string)e!["command"]!), Does.Not.Contain("RecordDecision"));

        var decision = await DecideAsync(s, [s.Candidates["D3"]], Justification).ExpectAsync(HttpStatusCode.Created);
        Assert.That(decision["choices"]!.AsArray().Select(c => Choice(c!)),
            Is.EqualTo(new[] { (code, 3, 90.00m, "ReasonedChoice", true, false, false) }));
        Assert.That((string)decision["justification"]!, Is.EqualTo(Justification));

        var listed = await ReasonedChoicesAsync($"positionId={s.Position}");
        Assert.That(listed.Select(d => ((Guid)d["decisionId"]!, (Guid)d["selectionId"]!, (Guid)d["candidateId"]!, (string)d["candidateCode"]!,
                (int)d["rank"]!, (int)d["places"]!, (string)d["standing"]!, (bool)d["flagged"]!, (string?)d["justification"])),
            Is.EqualTo(new[] { ((Guid)decision["id"]!, s.Selection, s.Candidates["D3"], code, 3, 1, "ReasonedChoice", false, (string?)Justification) }));
        Assert.That(await DeviationsAsync($"positionId={s.Position}"), Is.Empty, "lawful with a reason: not a merit deviation");
    }

    [Test]
    public async Task Choosing_outside_the_best_3n_is_flagged_and_listed_for_auditors_by_position_flag_and_time()
    {
        var position = await NewPositionAsync();
        var within = await ScoredSelectionAsync(position);
        var outside = await ScoredSelectionAsync(position);

        await DecideAsync(within, [within.Candidates["D2"]], Justification).ExpectAsync(HttpStatusCode.Created);
        var flagged = await DecideAsync(outside, [outside.Candidates["D4"]], Justification).ExpectAsync(HttpStatusCode.Created);
        Assert.That(flagged["choices"]!.AsArray().Select(c => Choice(c!)),
            Is.EqualTo(new[] { (await CodeOfAsync(outside, "D4"), 4, 85.00m, "MeritDeviation", false, true, true) }));

        // Only the choice outside the best three is a merit deviation; the one within them is a reasoned choice.
        var deviations = await DeviationsAsync($"positionId={position}");
        Assert.That(deviations.Select(d => ((Guid)d["selectionId"]!, (int)d["rank"]!, (string)d["standing"]!, (bool)d["flagged"]!)),
            Is.EqualTo(new[] { (outside.Selection, 4, "MeritDeviation", true) }));
        var reasoned = await ReasonedChoicesAsync($"positionId={position}");
        Assert.That(reasoned.Select(d => ((Guid)d["selectionId"]!, (int)d["rank"]!, (string)d["standing"]!, (bool)d["flagged"]!)),
            Is.EqualTo(new[] { (within.Selection, 2, "ReasonedChoice", false) }));
        Assert.That(deviations.Concat(reasoned).Select(d => (Guid)d["positionId"]!), Is.All.EqualTo(position));

        // Two more deviations under the position, to page and filter by time (PostgreSQL keeps microseconds).
        var later = await ScoredSelectionAsync(position);
        await DecideAsync(later, [later.Candidates["D5"]], Justification).ExpectAsync(HttpStatusCode.Created);
        var firstAt = Uri.EscapeDataString((string)(await _client.GetJsonAsync($"/api/v1/selections/{outside.Selection}/decision"))["decidedAt"]!);
        var laterAt = Uri.EscapeDataString((string)(await _client.GetJsonAsync($"/api/v1/selections/{later.Selection}/decision"))["decidedAt"]!);
        Assert.That((await DeviationsAsync($"positionId={position}&from={laterAt}")).Select(d => (Guid)d["selectionId"]!),
            Is.EqualTo(new[] { later.Selection }));
        Assert.That((await DeviationsAsync($"positionId={position}&to={firstAt}")).Select(d => (Guid)d["selectionId"]!),
            Is.EqualTo(new[] { outside.Selection }));

        var paged = await _client.GetJsonAsync($"/api/v1/audit/merit-deviations?positionId={position}&pageSize=1&page=2");
        Assert.That(((int)paged["totalCount"]!, (int)paged["totalPages"]!), Is.EqualTo((2, 2)));
        Assert.That(paged["items"]!.AsArray().Select(d => (Guid)d!["selectionId"]!), Is.EqualTo(new[] { outside.Selection }), "newest first");

        // Across all positions, the list holds this choice too, and only flagged ones.
        var everywhere = await _client.GetJsonAsync("/api/v1/audit/merit-deviations?pageSize=500");
        Assert.That(everywhere["items"]!.AsArray().Select(d => (Guid)d!["decisionId"]!), Does.Contain((Guid)flagged["id"]!));
        Assert.That(everywhere["items"]!.AsArray().Select(d => (bool)d!["flagged"]!), Is.All.True);
    }

    [Test]
    public async Task With_two_places_the_best_3n_are_the_best_six()
    {
        var s = await ScoredSelectionAsync(places: 2);

        var tooMany = await DecideAsync(s, [s.Candidates["D1"], s.Candidates["D2"], s.Candidates["D3"]], Justification)
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(tooMany.ErrorFields(), Is.EqualTo(new[] { "candidateIds" }));

        // Ranks 1 and 2 fill the two places on merit: no reason needed.
        var merit = await ScoredSelectionAsync(places: 2);
        var top = await DecideAsync(merit, [merit.Candidates["D2"], merit.Candidates["D1"]]).ExpectAsync(HttpStatusCode.Created);
        Assert.That(top["choices"]!.AsArray().Select(c => ((int)c!["rank"]!, (string)c["standing"]!)),
            Is.EqualTo(new[] { (1, "TopRanked"), (2, "TopRanked") }));

        // Rank 5 is outside the top 2 but within the best 6: a reasoned choice, which needs the justification and is not flagged.
        await DecideAsync(s, [s.Candidates["D1"], s.Candidates["D5"]])
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        var decision = await DecideAsync(s, [s.Candidates["D1"], s.Candidates["D5"]], Justification).ExpectAsync(HttpStatusCode.Created);
        Assert.That(decision["choices"]!.AsArray().Select(c => Choice(c!)), Is.EqualTo(new[]
        {
            (await CodeOfAsync(s, "D1"), 1, 100.00m, "TopRanked", false, false, false),
            (await CodeOfAsync(s, "D5"), 5, 80.00m, "ReasonedChoice", true, false, false),
        }));
        Assert.That(decision["places"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task An_ineligible_candidate_cannot_be_chosen_and_nothing_is_stored()
    {
        var s = await ScoredSelectionAsync();
        var problem = await DecideAsync(s, [s.Candidates["DX"]], Justification)
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That((string)problem["rule"]!, Is.EqualTo("ineligible-choice"));
        Assert.That((string)problem["detail"]!, Does.Contain(await CodeOfAsync(s, "DX")));

        // Together with an eligible one, still refused as a whole.
        var mixed = await ScoredSelectionAsync(places: 2);
        var both = await DecideAsync(mixed, [mixed.Candidates["D1"], mixed.Candidates["DX"]], Justification)
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That((string)both["rule"]!, Is.EqualTo("ineligible-choice"));

        foreach (var selection in new[] { s.Selection, mixed.Selection })
        {
            await _client.GetAsync($"/api/v1/selections/{selection}/decision").ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
            Assert.That(await StatusOfAsync(selection), Is.EqualTo("Scored"));
        }
        // A candidate of another selection is not a candidate of this run.
        await DecideAsync(s, [mixed.Candidates["D1"]]).ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Test]
    public async Task Enrolling_after_the_latest_run_means_scoring_again_before_deciding()
    {
        var s = await ScoredSelectionAsync(null, 1, "D1", "D2", "D3");
        await _client.EnrolAsync(s.Selection, _employees["D4"]);
        Assert.That(await StatusOfAsync(s.Selection), Is.EqualTo("Open"));

        var problem = await DecideAsync(s, [s.Candidates["D1"]]).ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That((string)problem["rule"]!, Is.EqualTo("rescore-first"));
        await _client.GetAsync($"/api/v1/selections/{s.Selection}/decision").ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);

        // After scoring again, the committee reviews the new run and decides on it.
        var rerun = await _client.ScoreAsync(s.Selection);
        var decision = await DecideAsync(s, [s.Candidates["D1"]], run: rerun).ExpectAsync(HttpStatusCode.Created);
        Assert.That((Guid)decision["scoringRunId"]!, Is.EqualTo(rerun));

        // A selection never scored has no run to name.
        var unscored = await _client.OpenSelectionAsync(await NewPositionAsync());
        await DecideAsync(new Arranged(Guid.Empty, unscored, Guid.NewGuid(), []), [Guid.NewGuid()])
            .ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Test]
    public async Task A_decision_on_a_run_that_is_no_longer_the_latest_is_refused_and_nothing_is_stored()
    {
        // The committee reviewed the first run; HR scored again before the decision reached the API.
        var s = await ScoredSelectionAsync(null, 1, "D1", "D2", "D3");
        var newer = await _client.ScoreAsync(s.Selection);

        var stale = await DecideAsync(s, [s.Candidates["D1"]]).ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That((string)stale["rule"]!, Is.EqualTo("newer-run-exists"));
        Assert.That((string)stale["detail"]!, Does.Contain("run 1").And.Contain("run 2"));
        await _client.GetAsync($"/api/v1/selections/{s.Selection}/decision").ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.That(await StatusOfAsync(s.Selection), Is.EqualTo("Scored"));
        var entries = await _client.GetJsonAsync($"/api/v1/audit/entries?selectionId={s.Selection}");
        Assert.That(entries["items"]!.AsArray().Select(e => (string)e!["command"]!), Does.Not.Contain("RecordDecision"));

        // Named, the latest run is decided on.
        var decision = await DecideAsync(s, [s.Candidates["D1"]], run: newer).ExpectAsync(HttpStatusCode.Created);
        Assert.That((Guid)decision["scoringRunId"]!, Is.EqualTo(newer));
    }

    [Test]
    public async Task A_decision_must_name_a_run_of_its_own_selection()
    {
        var s = await ScoredSelectionAsync(null, 1, "D1", "D2");
        var other = await ScoredSelectionAsync(null, 1, "D1", "D2");

        var missing = await _client.PostAsJsonAsync($"/api/v1/selections/{s.Selection}/decision", new { candidateIds = new[] { s.Candidates["D1"] } })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(missing.ErrorFields(), Is.EqualTo(new[] { "scoringRunId" }));
        var foreign = await DecideAsync(s, [s.Candidates["D1"]], run: other.Run).ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.That((string)foreign["detail"]!, Does.Contain(other.Run.ToString()));
        await _client.GetAsync($"/api/v1/selections/{s.Selection}/decision").ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Test]
    public async Task The_decision_file_holds_the_decision_the_deviation_the_sealed_rationales_and_the_audit_entries()
    {
        var s = await ScoredSelectionAsync();
        var decision = await DecideAsync(s, [s.Candidates["D4"]], Justification).ExpectAsync(HttpStatusCode.Created);

        using var response = await _client.GetAsync($"/api/v1/selections/{s.Selection}/decision-file");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.That(disposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(disposition?.FileName?.Trim('"'), Does.Contain(s.Selection.ToString()).And.EndWith(".json"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var file = JsonNode.Parse(body)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((Guid)file["selection"]!["id"]!, (string)file["selection"]!["status"]!), Is.EqualTo((s.Selection, "Decided")));
            Assert.That((Guid)file["position"]!["id"]!, Is.EqualTo(s.Position));
            Assert.That((int)file["policy"]!["version"]!, Is.EqualTo(2), "the newest seeded policy");
            Assert.That(file["scoringRuns"]!.AsArray().Select(r => (Guid)r!["id"]!), Is.EqualTo(new[] { s.Run }));
            var stored = await _client.GetJsonAsync($"/api/v1/selections/{s.Selection}/decision");
            Assert.That(file["decision"]!.ToJsonString(), Is.EqualTo(stored.ToJsonString()));
            Assert.That((Guid)file["decision"]!["id"]!, Is.EqualTo((Guid)decision["id"]!));
            Assert.That(file["meritDeviations"]!.AsArray().Select(c => Choice(c!)),
                Is.EqualTo(new[] { (await CodeOfAsync(s, "D4"), 4, 85.00m, "MeritDeviation", false, true, true) }));
            Assert.That(file["reasonedChoices"]!.AsArray(), Is.Empty);

            // Every result of the latest run, ranked first, each with the seal fixed at scoring time.
            var rationales = file["latestRunRationales"]!.AsArray().Select(r => r!).ToList();
            Assert.That(rationales.Select(r => (Guid)r["candidateId"]!), Is.EquivalentTo(s.Candidates.Values));
            Assert.That(rationales.Select(r => (int?)r["rank"]!["rank"]), Is.EqualTo(new int?[] { 1, 2, 3, 4, 5, null }));
            Assert.That(rationales.Select(r => (string)r["seal"]!), Has.All.Match("^[0-9a-f]{64}$"));
            Assert.That(rationales.Select(r => (string)r["seal"]!).Distinct().Count(), Is.EqualTo(6));
            foreach (var rationale in rationales)
            {
                var published = await _client.GetJsonAsync(
                    $"/api/v1/selections/{s.Selection}/scoring-runs/{s.Run}/results/{(Guid)rationale["candidateId"]!}/rationale");
                Assert.That(rationale.ToJsonString(), Is.EqualTo(published.ToJsonString()), "the file carries the published rationale");
            }

            // The selection's audit entries, in order, ending with the decision.
            var entries = file["auditEntries"]!.AsArray().Select(e => e!).ToList();
            Assert.That(entries.Select(e => (string)e["command"]!), Is.EqualTo(new[] { "OpenSelection", "EnrolCandidates", "RunScoring", "RecordDecision" }));
            Assert.That(entries.Select(e => (long)e["sequence"]!), Is.Ordered.Ascending);
            Assert.That(entries.Select(e => e["touchedIds"]!.AsArray().Select(id => (Guid)id!)), Has.All.Contains(s.Selection));
            Assert.That(entries[^1]["touchedIds"]!.AsArray().Select(id => (Guid)id!),
                Is.EquivalentTo(new[] { s.Selection, (Guid)decision["id"]!, s.Run, s.Candidates["D4"] }));
        }
    }
}
