using MeritApi.Domain.Employees;
using MeritApi.Domain.Placement;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Testing;

namespace MeritApi.Domain.Tests.Placement;

/// <summary>
/// Placement plans, hand-computed. Unless a test says otherwise the policy weighs competence alone (merit = JPM), so each
/// figure below is a JPM: vacancy V1 asks P at 5, V2 Q at 5, V3 R at 5, one seat each; a level is worth 20 points. Every
/// candidate is rated VeryGood in 2025 and 2024 and has held their post for three years on the reference date, 2026-06-01.
/// </summary>
public sealed class PlacementPlannerTests
{
    private static readonly DateOnly ReferenceDate = new(2026, 6, 1);
    private static readonly ScoringPolicy MeritIsJpm = new(9, 1m, 0m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good, null, DateTimeOffset.UnixEpoch);
    private static readonly Vacancy V1 = new(Guid.NewGuid(), "V1", 1, [("P", 5)], null);
    private static readonly Vacancy V2 = new(Guid.NewGuid(), "V2", 1, [("Q", 5)], null);
    private static readonly Vacancy V3 = new(Guid.NewGuid(), "V3", 1, [("R", 5)], null);

    private static PlacementCandidate Candidate(Dictionary<string, int> levels, DateOnly? since = null,
        PerformanceRating r2025 = PerformanceRating.VeryGood, PerformanceRating r2024 = PerformanceRating.VeryGood) =>
        new(Guid.NewGuid(), new CandidateEvidence(Guid.NewGuid(), Grade.Parse("III/c"), levels,
            new Dictionary<int, PerformanceRating> { [2025] = r2025, [2024] = r2024 }), since ?? ReferenceDate.AddYears(-3));

    private static PlacementOutcome Plan(IReadOnlyList<Vacancy> vacancies, IReadOnlyList<PlacementCandidate> candidates,
        IReadOnlyList<ConflictOfInterest>? conflicts = null, ScoringPolicy? policy = null) =>
        PlacementPlanner.Plan(policy ?? MeritIsJpm, ReferenceDate, 2025, JpmBand.DoesNotMeet, vacancies, candidates, conflicts ?? [], new ExhaustiveSolver());

    private static Dictionary<string, Guid?> Assigned(PlacementOutcome plan) =>
        plan.Vacancies.ToDictionary(v => v.Vacancy.PositionCode, v => v.Seats.Single().EmployeeId);

    [Test]
    public void The_plan_is_the_optimum_where_the_best_candidate_to_the_first_vacancy_is_worse()
    {
        //            V1   V2   V3
        // A          100   80   40     greedy: V1 ← A (100), V2 ← B (40), V3 ← C (60) = 200
        // B           80   40   20     optimum: V1 ← B (80), V2 ← A (80), V3 ← C (60) = 220
        // C           60   20   60
        var a = Candidate(new() { ["P"] = 5, ["Q"] = 4, ["R"] = 2 });
        var b = Candidate(new() { ["P"] = 4, ["Q"] = 2, ["R"] = 1 });
        var c = Candidate(new() { ["P"] = 3, ["Q"] = 1, ["R"] = 3 });

        var plan = Plan([V1, V2, V3], [a, b, c]);

        Assert.That(Assigned(plan), Is.EqualTo(new Dictionary<string, Guid?> { ["V1"] = b.EmployeeId, ["V2"] = a.EmployeeId, ["V3"] = c.EmployeeId }));
        Assert.That(plan.TotalMerit, Is.EqualTo(220m));
    }

    [Test]
    public void Two_plans_of_equal_total_merit_are_decided_by_the_higher_JPM_as_the_ranking_rules_say()
    {
        // Competence and performance 0.5 each, one seat. A: JPM 80, SKP 100 → 90. B: JPM 100, SKP 80 (Good twice) → 90.
        var policy = new ScoringPolicy(9, 0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good, null, DateTimeOffset.UnixEpoch);
        var a = Candidate(new() { ["P"] = 4 });
        var b = Candidate(new() { ["P"] = 5 }, r2025: PerformanceRating.Good, r2024: PerformanceRating.Good);

        foreach (var order in new[] { new[] { a, b }, [b, a] })
        {
            var plan = Plan([V1], order, policy: policy);
            Assert.That(Assigned(plan)["V1"], Is.EqualTo(b.EmployeeId), "whatever order the pool is given in");
            Assert.That(plan.Vacancies.Single().Alternates.Select(p => (p.EmployeeId, p.Score.MeritScore)), Is.EqualTo(new[] { (a.EmployeeId, 90m) }));
        }
    }

    [Test]
    public void The_years_in_post_window_is_two_years_inclusive_to_five_exclusive()
    {
        var oneYear = Candidate(new() { ["P"] = 5 }, since: ReferenceDate.AddYears(-1));
        var exactlyTwo = Candidate(new() { ["P"] = 1 }, since: ReferenceDate.AddYears(-2));
        var exactlyFive = Candidate(new() { ["P"] = 5 }, since: ReferenceDate.AddYears(-5));
        var unknown = Candidate(new() { ["P"] = 5 }) with { InPositionSince = null };

        var plan = Plan([V1], [oneYear, exactlyTwo, exactlyFive, unknown]);

        Assert.That(Assigned(plan)["V1"], Is.EqualTo(exactlyTwo.EmployeeId), "the only one in the window, though the lowest JPM");
        var refused = plan.Pairs.Where(p => !p.Allowed).ToDictionary(p => p.EmployeeId, p => p.Refusals.Single().Refusal);
        Assert.That(refused, Is.EquivalentTo(new Dictionary<Guid, PairRefusal>
        {
            [oneYear.EmployeeId] = PairRefusal.YearsInPost,
            [exactlyFive.EmployeeId] = PairRefusal.YearsInPost,
            [unknown.EmployeeId] = PairRefusal.YearsInPost,
        }));
    }

    [Test]
    public void A_declared_conflict_of_interest_keeps_a_candidate_out_of_that_vacancy_only()
    {
        var a = Candidate(new() { ["P"] = 5, ["Q"] = 3 });
        var b = Candidate(new() { ["P"] = 2, ["Q"] = 2 });
        var conflict = new ConflictOfInterest(a.EmployeeId, V1.PositionId, "The vacancy reports to the candidate's spouse.");

        var plan = Plan([V1, V2], [a, b], [conflict]);

        Assert.That(Assigned(plan), Is.EqualTo(new Dictionary<string, Guid?> { ["V1"] = b.EmployeeId, ["V2"] = a.EmployeeId }));
        var pair = plan.Pairs.Single(p => p.EmployeeId == a.EmployeeId && p.PositionId == V1.PositionId);
        Assert.That(pair.Refusals.Single(), Is.EqualTo(new PairRefusalReason(PairRefusal.ConflictOfInterest, conflict.Reason)));
    }

    [Test]
    public void A_seat_nobody_may_take_is_unfilled_with_why()
    {
        var ineligible = Candidate(new() { ["P"] = 5 }, r2025: PerformanceRating.Poor);

        var plan = Plan([V1], [ineligible]);

        var seat = plan.Vacancies.Single().Seats.Single();
        Assert.That((seat.EmployeeId, seat.UnfilledReason), Is.EqualTo(((Guid?)null, "No candidate of the pool may take it (see each pair's refusals).")));
        Assert.That(plan.Pairs.Single().Refusals.Select(r => r.Refusal), Is.EqualTo(new[] { PairRefusal.Ineligible }));
    }

    /// <summary>The exhaustive solver, claiming a smaller exact range than it has.</summary>
    private sealed class NarrowSolver(long maxValue) : IAssignmentSolver
    {
        public long MaxValue(int rows, int columns) => maxValue;

        public int[] Solve(long[,] value, bool[,] allowed) => new ExhaustiveSolver().Solve(value, allowed);
    }

    [TestCase(long.MaxValue / 4, TieBreak.ThenJpmThenRating)]
    [TestCase(10_001L * (10_000L * 3 + 1), TieBreak.ThenJpm)]
    [TestCase(10_000L, TieBreak.MeritOnly)]
    public void Where_the_solver_cannot_hold_every_tie_level_the_plan_keeps_the_highest_merit_and_says_how_far_its_ties_go(long range,
        TieBreak tieBreak)
    {
        var a = Candidate(new() { ["P"] = 5, ["Q"] = 4, ["R"] = 2 });
        var b = Candidate(new() { ["P"] = 4, ["Q"] = 2, ["R"] = 1 });
        var c = Candidate(new() { ["P"] = 3, ["Q"] = 1, ["R"] = 3 });

        var plan = PlacementPlanner.Plan(MeritIsJpm, ReferenceDate, 2025, JpmBand.DoesNotMeet, [V1, V2, V3], [a, b, c], [], new NarrowSolver(range));

        Assert.That((plan.TotalMerit, plan.TieBreak), Is.EqualTo((220m, tieBreak)));
    }
}
