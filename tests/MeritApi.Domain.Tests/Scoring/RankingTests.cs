using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests.Scoring;

[TestFixture]
public class RankingTests
{
    /// <summary>Scores candidate n against the ten-point standard (JPM = 10 × credited) under the given policy.</summary>
    private static CandidateScore Score(int n, int credited, PerformanceRating? latest, PerformanceRating? previous,
        ScoringPolicy? policy = null) =>
        MeritScorer.Score(TestData.Context(policy: policy),
            EvidenceBuilder.Candidate(n).WithTenPointJpm(credited).Rated(latest, previous).Build());

    private static Dictionary<Guid, int?> RanksById(IReadOnlyList<CandidateScore> scores)
    {
        var ranks = Ranking.Assign(scores);
        return scores.Select((s, i) => (s.CandidateId, ranks[i])).ToDictionary(x => x.CandidateId, x => x.Item2);
    }

    [Test]
    public void OrdersByMeritDescending()
    {
        var c = Score(3, 7, Good, Good);          // JPM 70, perf 80  → merit 0.5×70 + 0.5×80 = 75
        var a = Score(1, 10, VeryGood, VeryGood); // JPM 100, perf 100 → merit 100
        var b = Score(2, 8, VeryGood, Good);      // JPM 80, perf 92  → merit 40 + 46 = 86

        var ranks = Ranking.Assign([c, a, b]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { a.MeritScore, b.MeritScore, c.MeritScore }, Is.EqualTo(new[] { 100m, 86m, 75m }));
            Assert.That(ranks, Is.EqualTo(new int?[] { 3, 1, 2 }));
        }
    }

    [Test]
    public void MeritTieIsBrokenByJpm()
    {
        var lowerJpm = Score(1, 8, VeryGood, VeryGood); // JPM 80, perf 100 → merit 40 + 50 = 90
        var higherJpm = Score(2, 10, Good, Good);       // JPM 100, perf 80 → merit 50 + 40 = 90

        var ranks = Ranking.Assign([lowerJpm, higherJpm]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lowerJpm.MeritScore, Is.EqualTo(higherJpm.MeritScore));
            Assert.That(ranks, Is.EqualTo(new int?[] { 2, 1 }));
        }
    }

    [Test]
    public void MeritAndJpmTieIsBrokenByLatestYearsRating()
    {
        // With the default 0.6/0.4 year weights, two eligible candidates (ratings Good or VeryGood) with equal
        // JPM and equal merit always have the same latest rating; equal year weights make the tie reachable.
        var policy = TestData.Policy(0.5m, 0.5m, [0.5m, 0.5m]);
        var goodLatest = Score(1, 8, Good, VeryGood, policy);     // perf (0.5×4 + 0.5×5)/5×100 = 90; merit 40 + 45 = 85
        var veryGoodLatest = Score(2, 8, VeryGood, Good, policy); // perf (0.5×5 + 0.5×4)/5×100 = 90; merit 85

        var ranks = Ranking.Assign([goodLatest, veryGoodLatest]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(goodLatest.MeritScore, Is.EqualTo(85m));
            Assert.That(veryGoodLatest.MeritScore, Is.EqualTo(85m));
            Assert.That(goodLatest.JobPersonMatch.Percentage, Is.EqualTo(veryGoodLatest.JobPersonMatch.Percentage));
            Assert.That(ranks, Is.EqualTo(new int?[] { 2, 1 }));
        }
    }

    private static CandidateScore[] CompetitionField() =>
    [
        Score(1, 10, VeryGood, VeryGood),       // A: JPM 100, perf 100 → merit 100
        Score(2, 9, VeryGood, Good),            // B: JPM 90, perf 92 → merit 45 + 46 = 91
        Score(3, 9, VeryGood, Good),            // C: identical figures to B → shares B's rank
        Score(4, 8, Good, Good),                // D: JPM 80, perf 80 → merit 80
        Score(5, 10, VeryGood, NeedsImprovement), // E: JPM 100, perf (3.0+1.2)/5×100 = 84 → merit 92, but ineligible
    ];

    [Test]
    public void FullTieSharesARankWithCompetitionRanking()
    {
        var field = CompetitionField();

        var ranks = Ranking.Assign(field);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(field.Select(s => s.MeritScore), Is.EqualTo(new[] { 100m, 91m, 91m, 80m, 92m }));
            Assert.That(field[4].Eligible, Is.False);
            // 1, 2, 2, 4: the ineligible E (merit 92) takes no place in the order.
            Assert.That(ranks, Is.EqualTo(new int?[] { 1, 2, 2, 4, null }));
        }
    }

    [Test]
    public void TieAtTheTopGivesOneOneThree()
    {
        var a = Score(1, 9, VeryGood, Good); // merit 91
        var b = Score(2, 9, VeryGood, Good); // merit 91
        var c = Score(3, 8, Good, Good);     // merit 80

        Assert.That(Ranking.Assign([a, b, c]), Is.EqualTo(new int?[] { 1, 1, 3 }));
    }

    [Test]
    public void RanksDoNotDependOnInputOrder()
    {
        var field = CompetitionField();
        var expected = new Dictionary<Guid, int?>
        {
            [TestData.Id(1)] = 1,
            [TestData.Id(2)] = 2,
            [TestData.Id(3)] = 2,
            [TestData.Id(4)] = 4,
            [TestData.Id(5)] = null,
        };

        var permutations = Permutations(field).ToList();

        Assert.That(permutations, Has.Count.EqualTo(120)); // 5!
        foreach (var permutation in permutations)
            Assert.That(RanksById(permutation), Is.EquivalentTo(expected),
                () => string.Join(", ", permutation.Select(s => s.CandidateId.ToString()[^1..])));
    }

    [Test]
    public void IneligibleCandidatesAreNotRanked()
    {
        var eligible = Score(1, 6, Good, Good);              // merit 0.5×60 + 0.5×80 = 70
        var missingYear = Score(2, 10, VeryGood, null);      // merit 0.5×100 + 0.5×60 = 80, ineligible
        var lowRating = Score(3, 10, VeryGood, Poor);        // perf (3.0+0.8)/5×100 = 76 → merit 88, ineligible

        var ranks = Ranking.Assign([missingYear, eligible, lowRating]);

        Assert.That(ranks, Is.EqualTo(new int?[] { null, 1, null }));
    }

    [Test]
    public void NoEligibleCandidatesMeansNoRanks()
    {
        Assert.That(Ranking.Assign([Score(1, 10, null, null), Score(2, 10, Poor, Good)]),
            Is.EqualTo(new int?[] { null, null }));
    }

    [Test]
    public void RankSaysWhichCriterionDecided()
    {
        var field = CompetitionField();

        var outcomes = Ranking.Rank(field);

        Assert.That(outcomes, Is.EqualTo(new RankOutcome?[]
        {
            new(1, RankDecision.MeritScore), // A: 100 vs B's 91
            new(2, RankDecision.SharedRank), // B: identical to C
            new(2, RankDecision.SharedRank), // C: identical to B
            new(4, RankDecision.MeritScore), // D: 80 vs C's 91
            null,                            // E: ineligible
        }));
    }

    [Test]
    public void RankNamesTheJpmAndLatestRatingTieBreakers()
    {
        var byJpm = Ranking.Rank([
            Score(1, 8, VeryGood, VeryGood).RankKey, // merit 90, JPM 80
            Score(2, 10, Good, Good).RankKey,        // merit 90, JPM 100
        ]);
        var policy = TestData.Policy(0.5m, 0.5m, [0.5m, 0.5m]);
        var byRating = Ranking.Rank([
            Score(1, 8, Good, VeryGood, policy).RankKey, // merit 85, JPM 80, latest Good
            Score(2, 8, VeryGood, Good, policy).RankKey, // merit 85, JPM 80, latest VeryGood
        ]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byJpm, Is.EqualTo(new RankOutcome?[] { new(2, RankDecision.JobPersonMatch), new(1, RankDecision.JobPersonMatch) }));
            Assert.That(byRating, Is.EqualTo(new RankOutcome?[] { new(2, RankDecision.LatestRating), new(1, RankDecision.LatestRating) }));
        }
    }

    [Test]
    public void EmptyFieldGivesNoRanks() => Assert.That(Ranking.Assign([]), Is.Empty);

    private static IEnumerable<CandidateScore[]> Permutations(CandidateScore[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
                yield return [items[i], .. tail];
        }
    }
}
