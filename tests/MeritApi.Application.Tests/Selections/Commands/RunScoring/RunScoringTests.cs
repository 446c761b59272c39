using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;
using MeritApi.Application.Selections;
using MeritApi.Application.Selections.Commands.RunScoring;
using MeritApi.Application.Selections.Queries.GetCandidateResult;
using MeritApi.Application.Selections.Queries.GetSelection;
using MeritApi.Application.Selections.Queries.ListScoringRuns;
using MeritApi.Application.Tests.Support;
using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Application.Tests.Selections.Commands.RunScoring;

/// <summary>
/// RunScoringCommand end to end: evidence recorded through the commands, scored by the handler, stored on
/// PostgreSQL, and compared with hand-computed figures and with the domain scorer on the same evidence.
/// </summary>
public sealed class RunScoringTests : IntegrationFixture
{
    private const string MinimumGrade = "III/a";
    private const int LatestYear = 2024; // the clock says 2025-06-15, so the last final SKP year is 2024

    /// <summary>What was recorded for one employee, and what DESIGN §4 says their figures must be.</summary>
    private sealed record Person(
        string Label,
        string Grade,
        (string Competency, int Level, DateOnly On)[] Assessments,
        (int Year, PerformanceRating Rating)[] Ratings,
        Dictionary<string, int> LatestLevels,
        Expected Expected);

    private sealed record Expected(
        decimal Jpm, JpmBand Band, decimal Performance, decimal Merit, int Box, int? Rank, params IneligibilityCode[] Reasons);

    /// <summary>
    /// Standard: T (technical, registered per test) 4, M-INTEGRITY 4, M-COOPERATION 4 — 12 levels, so JPMs are
    /// thirds and the merit score exercises half-even rounding. Default policy v1: 0.5/0.5, years 2024 × 0.6 and
    /// 2023 × 0.4, Filling bands, each counted year at least Good; the position requires grade III/a.
    /// </summary>
    private static List<Person> People(string t)
    {
        const string I = "M-INTEGRITY", C = "M-COOPERATION";
        DateOnly On(int year, int month, int day) => new(year, month, day);
        return
        [
            // 12/12 → 100; (0.6×5 + 0.4×4)/5×100 = 92; merit 96. Ratings outside 2023–2024 are ignored.
            new("A", "III/c",
                [(t, 4, On(2024, 2, 1)), (I, 4, On(2024, 2, 1)), (C, 4, On(2024, 2, 1)), ("M-COMMUNICATION", 1, On(2024, 2, 1))],
                [(2024, VeryGood), (2023, Good), (2022, VeryPoor), (2025, Poor)],
                new() { [t] = 4, [I] = 4, [C] = 4, ["M-COMMUNICATION"] = 1 },
                new(100.00m, JpmBand.Meets, 92.00m, 96.00m, 9, 1)),
            // The newer T assessment (2024-05-01, level 4) is recorded first, the older one (2023, level 1) after it:
            // the date assessed decides. Integrity 5 is credited only up to the required 4.
            // 10/12 → 83.33; performance 80; merit 0.5×83.33 + 40 = 81.665 → 81.66 (half-even).
            new("B", "III/d",
                [(t, 4, On(2024, 5, 1)), (t, 1, On(2023, 1, 10)), (I, 5, On(2024, 1, 1)), (C, 2, On(2024, 1, 1))],
                [(2024, Good), (2023, Good)],
                new() { [t] = 4, [I] = 5, [C] = 2 },
                new(83.33m, JpmBand.Meets, 80.00m, 81.66m, 8, 5)),
            // 9/12 → 75 (MarginallyMeets → medium potential); 100; merit 87.5; box 7. Exactly the minimum grade.
            new("C", "III/a",
                [(t, 3, On(2024, 1, 1)), (I, 3, On(2024, 1, 1)), (C, 3, On(2024, 1, 1))],
                [(2024, VeryGood), (2023, VeryGood)],
                new() { [t] = 3, [I] = 3, [C] = 3 },
                new(75.00m, JpmBand.MarginallyMeets, 100.00m, 87.50m, 7, 2)),
            // Same figures as C: the tie survives every tie-breaker, so D shares rank 2 (and the next rank is 4).
            new("D", "IV/a",
                [(t, 3, On(2023, 6, 1)), (I, 3, On(2023, 6, 1)), (C, 3, On(2023, 6, 1))],
                [(2024, VeryGood), (2023, VeryGood)],
                new() { [t] = 3, [I] = 3, [C] = 3 },
                new(75.00m, JpmBand.MarginallyMeets, 100.00m, 87.50m, 7, 2)),
            // Two cooperation assessments on the same day: the one recorded later (3) counts.
            // 11/12 → 91.67; 80; merit 45.835 + 40 = 85.835 → 85.84.
            new("G", "III/b",
                [(t, 4, On(2024, 1, 1)), (I, 4, On(2024, 1, 1)), (C, 2, On(2024, 3, 1)), (C, 3, On(2024, 3, 1))],
                [(2024, Good), (2023, Good)],
                new() { [t] = 4, [I] = 4, [C] = 3 },
                new(91.67m, JpmBand.Meets, 80.00m, 85.84m, 8, 4)),
            // No 2023 rating: performance 0.6×5/5×100 = 60 (below expectation → box 6), merit 80, ineligible.
            new("E", "III/c",
                [(t, 4, On(2024, 1, 1)), (I, 4, On(2024, 1, 1)), (C, 4, On(2024, 1, 1))],
                [(2024, VeryGood)],
                new() { [t] = 4, [I] = 4, [C] = 4 },
                new(100.00m, JpmBand.Meets, 60.00m, 80.00m, 6, null, IneligibilityCode.MissingPerformanceRating)),
            // T never assessed (counts 0): 8/12 → 66.67, DoesNotMeet (< 68); (0.6×3 + 0.4×4)/5×100 = 68;
            // merit 33.335 + 34 = 67.335 → 67.34; box 1; 2024 below Good → ineligible.
            new("F", "III/c",
                [(I, 4, On(2024, 1, 1)), (C, 4, On(2024, 1, 1))],
                [(2024, NeedsImprovement), (2023, Good)],
                new() { [I] = 4, [C] = 4 },
                new(66.67m, JpmBand.DoesNotMeet, 68.00m, 67.34m, 1, null, IneligibilityCode.PerformanceRatingBelowMinimum)),
            // The best figures of all, but grade II/d is below the position's III/a: ineligible, never ranked.
            new("H", "II/d",
                [(t, 5, On(2024, 1, 1)), (I, 4, On(2024, 1, 1)), (C, 4, On(2024, 1, 1))],
                [(2024, VeryGood), (2023, VeryGood)],
                new() { [t] = 5, [I] = 4, [C] = 4 },
                new(100.00m, JpmBand.Meets, 100.00m, 100.00m, 9, null, IneligibilityCode.GradeBelowMinimum)),
        ];
    }

    private sealed record Setup(Guid SelectionId, string TechnicalCode, List<(Person Person, EmployeeEvidence Employee, CandidateDto Candidate)> Candidates);

    private sealed record EmployeeEvidence(Guid Id, string Nip);

    private async Task<Setup> ArrangeAsync()
    {
        var technical = await Given.CompetencyAsync();
        var position = await Given.PositionAsync(MinimumGrade, (technical.Code, 4), ("M-INTEGRITY", 4), ("M-COOPERATION", 4));
        var selection = await Given.SelectionAsync(position.Id);
        Assert.That((selection.PolicyVersion, selection.LatestPerformanceYear, selection.Status),
            Is.EqualTo((1, LatestYear, SelectionStatus.Open)));

        var people = People(technical.Code);
        var employees = new List<EmployeeEvidence>();
        foreach (var person in people)
        {
            var employee = await Given.EmployeeWithEvidenceAsync(person.Grade, person.Assessments, person.Ratings);
            employees.Add(new EmployeeEvidence(employee.Id, employee.Nip));
        }
        var candidates = await Given.EnrolAsync(selection.Id, [.. employees.Select(e => e.Id)]);
        Assert.That(candidates.Select(c => c.EmployeeId), Is.EqualTo(employees.Select(e => e.Id)));
        return new Setup(selection.Id, technical.Code,
            [.. people.Select((p, i) => (p, employees[i], candidates[i]))]);
    }

    [Test]
    public async Task Stored_results_equal_the_hand_computed_figures()
    {
        var setup = await ArrangeAsync();

        var run = await Given.ScoreAsync(setup.SelectionId);

        Assert.That((run.Sequence, run.PolicyVersion, run.LatestPerformanceYear, run.CandidateCount, run.EligibleCount, run.ScoredAt),
            Is.EqualTo((1, 1, LatestYear, 8, 5, App.Clock.Now)));
        foreach (var (person, employee, candidate) in setup.Candidates)
        {
            var result = await App.Send(new GetCandidateResultQuery(setup.SelectionId, run.Id, candidate.Id));
            var expected = person.Expected;
            Assert.Multiple(() =>
            {
                var who = $"candidate {person.Label}";
                Assert.That(result.Jpm, Is.EqualTo(expected.Jpm), who);
                Assert.That(result.JpmBand, Is.EqualTo(expected.Band), who);
                Assert.That(result.PerformanceScore, Is.EqualTo(expected.Performance), who);
                Assert.That(result.MeritScore, Is.EqualTo(expected.Merit), who);
                Assert.That(result.TalentBox, Is.EqualTo(expected.Box), who);
                Assert.That(result.InTalentPool, Is.EqualTo(expected.Box >= 7), who);
                Assert.That(result.TalentBoxMeaning, Does.StartWith($"Box {expected.Box}:"), who);
                Assert.That(result.Rank, Is.EqualTo(expected.Rank), who);
                Assert.That(result.Eligible, Is.EqualTo(expected.Reasons.Length == 0), who);
                Assert.That(result.IneligibilityReasons.Select(r => r.Code), Is.EqualTo(expected.Reasons), who);
                Assert.That(result.CandidateCode, Is.EqualTo(candidate.Code), who);
                Assert.That((result.Nip, result.Name), Is.EqualTo(((string?)null, (string?)null)), $"{who}: blind before the reveal");
                Assert.That(result.PerformanceYears.Select(y => (y.Year, y.Weight)), Is.EqualTo(new[] { (2024, 0.6m), (2023, 0.4m) }), who);
                Assert.That(result.LatestRating, Is.EqualTo(person.Ratings.Where(r => r.Year == LatestYear).Select(r => (PerformanceRating?)r.Rating).SingleOrDefault()), who);
            });
        }

        // The per-competency gaps keep the capped and missing levels visible.
        var b = setup.Candidates.Single(c => c.Person.Label == "B");
        var bResult = await App.Send(new GetCandidateResultQuery(setup.SelectionId, run.Id, b.Candidate.Id));
        Assert.That(bResult.CompetencyGaps.Select(g => (g.CompetencyCode, g.RequiredLevel, g.AssessedLevel, g.Gap)), Is.EqualTo(new[]
        {
            ("M-COOPERATION", 4, (int?)2, -2), ("M-INTEGRITY", 4, (int?)5, 1), (setup.TechnicalCode, 4, (int?)4, 0),
        }));
        var f = setup.Candidates.Single(c => c.Person.Label == "F");
        var fResult = await App.Send(new GetCandidateResultQuery(setup.SelectionId, run.Id, f.Candidate.Id));
        Assert.That(fResult.CompetencyGaps.Single(g => g.CompetencyCode == setup.TechnicalCode),
            Is.EqualTo(new CompetencyGap(setup.TechnicalCode, 4, null)));
        Assert.That(fResult.IneligibilityReasons.Single().Detail, Does.Contain("2024"));
    }

    [Test]
    public async Task Stored_results_equal_what_the_domain_scorer_and_ranking_give_on_the_same_evidence()
    {
        var setup = await ArrangeAsync();

        var run = await Given.ScoreAsync(setup.SelectionId);

        await using var db = Database.CreateDbContext();
        var policy = await db.ScoringPolicies.AsNoTracking().SingleAsync(p => p.Version == 1);
        var standard = new List<(string, int)> { ("M-COOPERATION", 4), ("M-INTEGRITY", 4), (setup.TechnicalCode, 4) };
        var context = new ScoringContext(policy, standard, Grade.Parse(MinimumGrade), LatestYear);
        var scores = setup.Candidates.Select(c => MeritScorer.Score(context, new CandidateEvidence(
                c.Candidate.Id, Grade.Parse(c.Person.Grade), c.Person.LatestLevels,
                c.Person.Ratings.ToDictionary(r => r.Year, r => r.Rating))))
            .ToList();
        var ranks = Ranking.Assign(scores);

        var stored = await db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == run.Id).ToDictionaryAsync(r => r.CandidateId);
        Assert.That(stored.Keys, Is.EquivalentTo(setup.Candidates.Select(c => c.Candidate.Id)));
        for (var i = 0; i < scores.Count; i++)
        {
            var (score, rank, result) = (scores[i], ranks[i], stored[scores[i].CandidateId]);
            var who = $"candidate {setup.Candidates[i].Person.Label}";
            Assert.Multiple(() =>
            {
                Assert.That(result.Jpm, Is.EqualTo(score.JobPersonMatch.Percentage), who);
                Assert.That(result.JpmBand, Is.EqualTo(score.Band), who);
                Assert.That(result.CompetencyGaps, Is.EqualTo(score.JobPersonMatch.Gaps), who);
                Assert.That(result.PerformanceScore, Is.EqualTo(score.Performance.Score), who);
                Assert.That(result.PerformanceYears, Is.EqualTo(score.Performance.Years), who);
                Assert.That(result.LatestRating, Is.EqualTo(score.Performance.LatestRating), who);
                Assert.That(result.MeritScore, Is.EqualTo(score.MeritScore), who);
                Assert.That(result.TalentBox, Is.EqualTo(score.TalentBox.Number), who);
                Assert.That(result.Eligible, Is.EqualTo(score.Eligible), who);
                Assert.That(result.IneligibilityReasons, Is.EqualTo(score.IneligibilityReasons), who);
                Assert.That(result.Rank, Is.EqualTo(rank), who);
                Assert.That(result.Grade, Is.EqualTo(Grade.Parse(setup.Candidates[i].Person.Grade)), who);
                // …and both agree with the hand-computed figures.
                Assert.That((score.MeritScore, rank), Is.EqualTo((setup.Candidates[i].Person.Expected.Merit, setup.Candidates[i].Person.Expected.Rank)), who);
            });
        }
    }

    [Test]
    public async Task Scoring_twice_stores_a_second_run_with_identical_figures()
    {
        var setup = await ArrangeAsync();

        var first = await Given.ScoreAsync(setup.SelectionId);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await Given.ScoreAsync(setup.SelectionId);

        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
        Assert.That((first.Sequence, second.Sequence), Is.EqualTo((1, 2)));
        Assert.That(second.ScoredAt, Is.GreaterThan(first.ScoredAt));
        await using var db = Database.CreateDbContext();
        var firstResults = await Figures(db, first.Id);
        var secondResults = await Figures(db, second.Id);
        Assert.That(firstResults, Has.Count.EqualTo(8));
        Assert.That(secondResults, Is.EqualTo(firstResults));

        var selection = await App.Send(new GetSelectionQuery(setup.SelectionId));
        Assert.That((selection.Status, selection.ScoringRunCount, selection.CandidateCount), Is.EqualTo((SelectionStatus.Scored, 2, 8)));
        var runs = await App.Send(new ListScoringRunsQuery(setup.SelectionId));
        Assert.That(runs.Items.Select(r => (r.Id, r.Sequence)), Is.EqualTo(new[] { (second.Id, 2), (first.Id, 1) }));
    }

    [Test]
    public async Task A_run_keeps_the_evidence_it_read_when_the_evidence_changes_later()
    {
        var setup = await ArrangeAsync();
        var first = await Given.ScoreAsync(setup.SelectionId);
        var c = setup.Candidates.Single(x => x.Person.Label == "C");

        // C's 2024 rating is corrected down to NeedsImprovement: C becomes ineligible in the next run only.
        await Given.RateAsync(c.Employee.Id, 2024, NeedsImprovement);
        var second = await Given.ScoreAsync(setup.SelectionId);

        var before = await App.Send(new GetCandidateResultQuery(setup.SelectionId, first.Id, c.Candidate.Id));
        var after = await App.Send(new GetCandidateResultQuery(setup.SelectionId, second.Id, c.Candidate.Id));
        Assert.That((before.LatestRating, before.PerformanceScore, before.Rank), Is.EqualTo(((PerformanceRating?)VeryGood, 100.00m, (int?)2)));
        // (0.6×3 + 0.4×5)/5×100 = 76; merit (75 + 76)/2 = 75.5
        Assert.That((after.LatestRating, after.PerformanceScore, after.MeritScore, after.Rank, after.Eligible),
            Is.EqualTo(((PerformanceRating?)NeedsImprovement, 76.00m, 75.50m, (int?)null, false)));
        // D no longer shares rank 2 with C: it holds it alone; G and B move up one.
        var d = setup.Candidates.Single(x => x.Person.Label == "D");
        var g = setup.Candidates.Single(x => x.Person.Label == "G");
        Assert.That((await App.Send(new GetCandidateResultQuery(setup.SelectionId, second.Id, d.Candidate.Id))).Rank, Is.EqualTo(2));
        Assert.That((await App.Send(new GetCandidateResultQuery(setup.SelectionId, second.Id, g.Candidate.Id))).Rank, Is.EqualTo(3));
        Assert.That(second.EligibleCount, Is.EqualTo(4));
    }

    [Test]
    public async Task Scoring_a_selection_without_candidates_breaks_the_no_candidates_rule()
    {
        var position = await Given.PositionAsync(null, ("M-INTEGRITY", 3));
        var selection = await Given.SelectionAsync(position.Id);

        var ex = Assert.ThrowsAsync<DomainException>(() => Given.ScoreAsync(selection.Id));

        Assert.That(ex!.Rule.Id, Is.EqualTo("no-candidates"));
    }

    [Test]
    public void Scoring_an_unknown_selection_is_not_found() =>
        Assert.ThrowsAsync<NotFoundException>(() => Given.ScoreAsync(Guid.NewGuid()));

    [Test]
    public async Task Enrolling_after_scoring_reopens_the_selection_and_the_next_run_covers_everyone()
    {
        var setup = await ArrangeAsync();
        await Given.ScoreAsync(setup.SelectionId);
        Assert.That((await App.Send(new GetSelectionQuery(setup.SelectionId))).Status, Is.EqualTo(SelectionStatus.Scored));

        var latecomer = await Given.EmployeeWithEvidenceAsync("III/c",
            [(setup.TechnicalCode, 4, new DateOnly(2024, 1, 1)), ("M-INTEGRITY", 4, new DateOnly(2024, 1, 1)), ("M-COOPERATION", 4, new DateOnly(2024, 1, 1))],
            [(2024, VeryGood), (2023, VeryGood)]);
        var enrolled = await Given.EnrolAsync(setup.SelectionId, latecomer.Id);

        var reopened = await App.Send(new GetSelectionQuery(setup.SelectionId));
        Assert.That((reopened.Status, reopened.CandidateCount, reopened.ScoringRunCount), Is.EqualTo((SelectionStatus.Open, 9, 1)));

        var run = await Given.ScoreAsync(setup.SelectionId);
        Assert.That((run.Sequence, run.CandidateCount, run.EligibleCount), Is.EqualTo((2, 9, 6)));
        Assert.That((await App.Send(new GetSelectionQuery(setup.SelectionId))).Status, Is.EqualTo(SelectionStatus.Scored));
        var result = await App.Send(new GetCandidateResultQuery(setup.SelectionId, run.Id, enrolled.Single().Id));
        Assert.That((result.MeritScore, result.Rank, result.CandidateCode), Is.EqualTo((100.00m, (int?)1, "C-00009")));
    }

    [Test]
    public async Task Concurrent_runs_never_share_a_sequence_and_never_store_a_partial_run()
    {
        var position = await Given.PositionAsync(null, ("M-INTEGRITY", 3), ("M-COOPERATION", 3));
        var employees = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var e = await Given.EmployeeWithEvidenceAsync("III/c",
                [("M-INTEGRITY", 1 + i % 5, new DateOnly(2024, 1, 1)), ("M-COOPERATION", 1 + i * 3 % 5, new DateOnly(2024, 1, 1))],
                [(2024, (PerformanceRating)(1 + i % 5)), (2023, Good)]);
            employees.Add(e.Id);
        }

        var outcomes = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var selection = await Given.SelectionAsync(position.Id);
            await Given.EnrolAsync(selection.Id, [.. employees]);

            var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Attempt(App.Send(new RunScoringCommand(selection.Id)))));

            var succeeded = attempts.Where(a => a.Run is not null).Select(a => a.Run!).ToList();
            var failed = attempts.Where(a => a.Error is not null).Select(a => a.Error!).ToList();
            Assert.That(failed, Is.All.TypeOf<ConflictException>(), string.Join("\n", failed));
            Assert.That(succeeded, Is.Not.Empty);
            Assert.That(succeeded.Select(r => r.Sequence), Is.EquivalentTo(Enumerable.Range(1, succeeded.Count)));
            outcomes.Add(succeeded.Count == 2 ? "both" : "one+conflict");

            await using var db = Database.CreateDbContext();
            var runs = await db.ScoringRuns.AsNoTracking().Where(r => r.SelectionId == selection.Id).OrderBy(r => r.Sequence).ToListAsync();
            Assert.That(runs.Select(r => r.Id), Is.EquivalentTo(succeeded.Select(r => r.Id)));
            Assert.That(runs.Select(r => r.Sequence), Is.EqualTo(Enumerable.Range(1, runs.Count)));
            foreach (var run in runs)
            {
                Assert.That(run.CandidateCount, Is.EqualTo(30));
                Assert.That(await db.CandidateResults.CountAsync(r => r.ScoringRunId == run.Id), Is.EqualTo(30), $"results of run {run.Sequence}");
            }
            var stored = await db.Selections.AsNoTracking().SingleAsync(s => s.Id == selection.Id);
            Assert.That((stored.ScoringRunCount, stored.Status), Is.EqualTo((runs.Count, SelectionStatus.Scored)));
        }
        TestContext.Out.WriteLine($"Concurrent scoring outcomes: {string.Join(", ", outcomes)}");
    }

    [Test]
    public async Task A_selection_is_scored_under_its_own_policy_version()
    {
        var policy = await App.Send(new CreateScoringPolicyCommand(0.7m, 0.3m, [1m], JpmBandSet.Mapping, Good, "Competence-heavy, one year"));
        var position = await Given.PositionAsync(null, ("M-INTEGRITY", 4));
        var newest = await Given.SelectionAsync(position.Id, policyVersion: null);
        var pinned = await Given.SelectionAsync(position.Id, policyVersion: 1);
        Assert.That((newest.PolicyVersion, pinned.PolicyVersion), Is.EqualTo((policy.Version, 1)));

        // Integrity 3 of 4 → JPM 75; only 2024 counts (VeryGood → 100); no 2023 rating.
        var employee = await Given.EmployeeWithEvidenceAsync("III/c", [("M-INTEGRITY", 3, new DateOnly(2024, 1, 1))], [(2024, VeryGood)]);
        var inNewest = (await Given.EnrolAsync(newest.Id, employee.Id)).Single();
        var inPinned = (await Given.EnrolAsync(pinned.Id, employee.Id)).Single();
        var newestRun = await Given.ScoreAsync(newest.Id);
        var pinnedRun = await Given.ScoreAsync(pinned.Id);

        // v(new): 0.7×75 + 0.3×100 = 82.5; Mapping: 75 < 78 → NotOptimal → low potential; above expectation → box 4; eligible.
        var underNew = await App.Send(new GetCandidateResultQuery(newest.Id, newestRun.Id, inNewest.Id));
        Assert.That((newestRun.PolicyVersion, underNew.Jpm, underNew.JpmBand, underNew.PerformanceScore, underNew.MeritScore, underNew.TalentBox, underNew.Rank),
            Is.EqualTo((policy.Version, 75.00m, JpmBand.NotOptimal, 100.00m, 82.50m, 4, (int?)1)));
        // v1: 2023 missing → performance 60, merit (75 + 60)/2 = 67.5; Filling: MarginallyMeets; box 3; ineligible.
        var underV1 = await App.Send(new GetCandidateResultQuery(pinned.Id, pinnedRun.Id, inPinned.Id));
        Assert.That((pinnedRun.PolicyVersion, underV1.JpmBand, underV1.PerformanceScore, underV1.MeritScore, underV1.TalentBox, underV1.Rank),
            Is.EqualTo((1, JpmBand.MarginallyMeets, 60.00m, 67.50m, 3, (int?)null)));
    }

    private static async Task<List<string>> Figures(Infrastructure.Persistence.MeritDbContext db, Guid runId)
    {
        var results = await db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == runId).OrderBy(r => r.CandidateCode).ToListAsync();
        return
        [
            .. results.Select(r => string.Join("|", r.CandidateId, r.CandidateCode, r.Grade, r.Jpm, r.JpmBand,
                string.Join(",", r.CompetencyGaps), r.PerformanceScore, string.Join(",", r.PerformanceYears), r.LatestRating, r.MeritScore,
                r.TalentBox, r.Eligible, string.Join(",", r.IneligibilityReasons), r.Rank)),
        ];
    }

    private static async Task<(ScoringRunDto? Run, Exception? Error)> Attempt(Task<ScoringRunDto> run)
    {
        try
        {
            return (await run, null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }
}
