using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Tests.Scoring;

public sealed class RankRobustnessTests
{
    private static RankedFigures Candidate(string code, int rank, decimal jpm, decimal performance, decimal weight = 0.5m) =>
        new(Guid.NewGuid(), code, rank, jpm, performance, weight * jpm + (1 - weight) * performance);

    // At w = 0.5: A 100, B 95, C 85, D 83.5, E 80 (one place: the best 3 are A, B, C).
    private static readonly RankedFigures[] Five =
    [
        Candidate("A", 1, 100, 100), Candidate("B", 2, 95, 95), Candidate("C", 3, 80, 90), Candidate("D", 4, 71, 96), Candidate("E", 5, 90, 70),
    ];

    [Test]
    public void The_interval_ends_where_an_outsider_s_line_crosses_an_insider_s_on_either_side()
    {
        // C − D = −6 + 15w: zero at w = 2/5, below the policy's 0.5 (D overtakes C as competence weighs less).
        // C − E = 20 − 30w: zero at w = 2/3 (E overtakes C as competence weighs more). B − D crosses at 1/25, further away.
        var sensitivity = RankRobustness.Sensitivity(Five, 0.5m, places: 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((sensitivity.BestCount, sensitivity.Lower, sensitivity.Upper), Is.EqualTo((3, 0.4m, 0.6666m)));
            Assert.That((sensitivity.LowerCrossing!.Exact, sensitivity.LowerCrossing.EnteringCode, sensitivity.LowerCrossing.LeavingCode),
                Is.EqualTo(("2/5", "D", "C")));
            Assert.That((sensitivity.UpperCrossing!.Exact, sensitivity.UpperCrossing.EnteringCode, sensitivity.UpperCrossing.LeavingCode),
                Is.EqualTo(("2/3", "E", "C")));
        }
    }

    [Test]
    public void With_no_more_candidates_than_the_best_3n_the_set_holds_over_the_whole_scale()
    {
        var sensitivity = RankRobustness.Sensitivity(Five[..3], 0.5m, places: 1);
        Assert.That((sensitivity.Lower, sensitivity.Upper, sensitivity.LowerCrossing, sensitivity.UpperCrossing), Is.EqualTo((0m, 1m, (WeightCrossing?)null, (WeightCrossing?)null)));
    }

    [Test]
    public void Parallel_lines_never_bound_the_interval()
    {
        // D runs 5 points under C at every weight: only E (crossing at 2/3) bounds it, above; nothing below.
        RankedFigures[] candidates = [Candidate("A", 1, 100, 100), Candidate("B", 2, 95, 95), Candidate("C", 3, 80, 90),
            Candidate("D", 4, 75, 85), Candidate("E", 5, 90, 70)];
        var sensitivity = RankRobustness.Sensitivity(candidates, 0.5m, places: 1);
        Assert.That((sensitivity.Lower, sensitivity.LowerCrossing, sensitivity.Upper), Is.EqualTo((0m, (WeightCrossing?)null, 0.6666m)));
    }

    [Test]
    public void A_set_held_by_a_tie_break_at_the_policy_s_weight_holds_on_one_side_only()
    {
        // C and D both merit 85 at 0.5 (C ranked above on JPM 90 > 80): C − D = 10 − 20w... at 0.5 zero, rising with w.
        RankedFigures[] candidates = [Candidate("A", 1, 100, 100), Candidate("B", 2, 95, 95), Candidate("C", 3, 90, 80),
            Candidate("D", 4, 80, 90)];
        var sensitivity = RankRobustness.Sensitivity(candidates, 0.5m, places: 1);
        Assert.That((sensitivity.Lower, sensitivity.Upper), Is.EqualTo((0.5m, 1m)));
        Assert.That(sensitivity.LowerCrossing!.EnteringCode, Is.EqualTo("D"));
    }

    [Test]
    public void Inside_the_interval_the_best_3n_are_the_same_and_just_beyond_a_crossing_they_are_not()
    {
        var random = new Random(2026);
        for (var trial = 0; trial < 300; trial++)
        {
            var count = random.Next(4, 12);
            var places = random.Next(1, 3);
            var figures = Enumerable.Range(0, count)
                .Select(i => (Code: $"C{i}", Jpm: random.Next(5000, 10001) / 100m, Performance: random.Next(5000, 10001) / 100m)).ToList();
            var policyWeight = random.Next(1, 10) / 10m;
            var ordered = figures.OrderByDescending(f => policyWeight * f.Jpm + (1 - policyWeight) * f.Performance).ThenByDescending(f => f.Jpm).ToList();
            // Competition ranks on the unrounded line (ties unlikely with these figures, and skipped when they occur).
            if (ordered.Select(f => policyWeight * f.Jpm + (1 - policyWeight) * f.Performance).Distinct().Count() < count)
                continue;
            var ranked = ordered.Select((f, i) => new RankedFigures(Guid.NewGuid(), f.Code, i + 1, f.Jpm, f.Performance,
                policyWeight * f.Jpm + (1 - policyWeight) * f.Performance)).ToList();
            var s = RankRobustness.Sensitivity(ranked, policyWeight, places);
            var atPolicy = Best(ranked, policyWeight, s.BestCount);

            const decimal epsilon = 0.00001m;
            foreach (var w in new[] { s.Lower + epsilon, (s.Lower + s.Upper) / 2, s.Upper - epsilon })
                Assert.That(Best(ranked, w, s.BestCount), Is.EquivalentTo(atPolicy), $"trial {trial}: w = {w} in ({s.Lower}, {s.Upper})");
            if (s.LowerCrossing is not null)
                Assert.That(Best(ranked, s.Lower - 0.0002m, s.BestCount), Is.Not.EquivalentTo(atPolicy), $"trial {trial}: below {s.Lower}");
            if (s.UpperCrossing is not null)
                Assert.That(Best(ranked, s.Upper + 0.0002m, s.BestCount), Is.Not.EquivalentTo(atPolicy), $"trial {trial}: above {s.Upper}");
        }
    }

    private static List<string> Best(IEnumerable<RankedFigures> ranked, decimal w, int best) =>
        [.. ranked.OrderByDescending(r => w * r.Jpm + (1 - w) * r.Performance).Take(best).Select(r => r.CandidateCode)];

    [Test]
    public void Each_rank_s_gap_to_the_next_and_near_ties_within_the_threshold()
    {
        // Gaps: A→B 5, B→C 10, C→D 1.5, D→E 3.5; with a threshold of 2, C and D are near-tied.
        var gaps = RankRobustness.Gaps(Five, threshold: 2m);
        Assert.That(gaps, Is.EqualTo(new (decimal?, bool)[] { (5m, false), (10m, false), (1.5m, true), (3.5m, true), (null, false) }));
    }

    [Test]
    public void A_shared_rank_has_one_gap_to_the_rank_after_it()
    {
        RankedFigures[] tied = [Candidate("A", 1, 90, 90), Candidate("B", 1, 90, 90), Candidate("C", 3, 80, 80)];
        var gaps = RankRobustness.Gaps(tied, RankRobustness.DefaultNearTieThreshold);
        Assert.That(gaps, Is.EqualTo(new (decimal?, bool)[] { (10m, false), (10m, false), (null, false) }));
    }
}
