using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests.Scoring;

[TestFixture]
public class PerformanceTests
{
    // Default policy: (0.6 × latest + 0.4 × previous) / 5 × 100 = 12 × latest + 8 × previous.
    [TestCase(VeryGood, Good, "92")]                   // (0.6×5 + 0.4×4) / 5 × 100 = 4.6 / 5 × 100 = 92.00
    [TestCase(VeryGood, VeryGood, "100")]              // (3.0 + 2.0) / 5 × 100 = 100
    [TestCase(Good, Good, "80")]                       // (2.4 + 1.6) / 5 × 100 = 80
    [TestCase(Good, VeryGood, "88")]                   // (2.4 + 2.0) / 5 × 100 = 88
    [TestCase(NeedsImprovement, NeedsImprovement, "60")] // (1.8 + 1.2) / 5 × 100 = 60
    [TestCase(Poor, Poor, "40")]                       // (1.2 + 0.8) / 5 × 100 = 40
    [TestCase(VeryPoor, VeryPoor, "20")]               // (0.6 + 0.4) / 5 × 100 = 20
    [TestCase(VeryPoor, VeryGood, "52")]               // (0.6 + 2.0) / 5 × 100 = 52
    public void DefaultPolicyWeighsTwoYears(PerformanceRating latest, PerformanceRating previous, decimal expected)
    {
        var result = MeritScorer.ComputePerformance(TestData.Context(), TestData.Ratings(latest, previous));

        Assert.That(result.Score, Is.EqualTo(expected));
    }

    [Test]
    public void CountedYearsAreTheLatestAndTheYearBeforeLatestFirst()
    {
        var ratings = new Dictionary<int, PerformanceRating>
        {
            [2022] = VeryPoor, // older than the counted years: ignored
            [2023] = Good,
            [2024] = VeryGood,
            [2025] = VeryPoor, // after the selection's latest year: ignored
        };

        var result = MeritScorer.ComputePerformance(TestData.Context(latestYear: 2024), ratings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Years, Is.EqualTo(new[]
            {
                new CountedYear(2024, 0.6m, VeryGood),
                new CountedYear(2023, 0.4m, Good),
            }));
            Assert.That(result.Score, Is.EqualTo(92m)); // (0.6×5 + 0.4×4) / 5 × 100
            Assert.That(result.LatestRating, Is.EqualTo(VeryGood));
        }
    }

    [Test]
    public void LatestPerformanceYearOfTheContextChoosesTheYears()
    {
        var ratings = new Dictionary<int, PerformanceRating> { [2019] = Good, [2020] = VeryGood, [2024] = VeryPoor };

        var result = MeritScorer.ComputePerformance(TestData.Context(latestYear: 2020), ratings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Years.Select(y => y.Year), Is.EqualTo(new[] { 2020, 2019 }));
            Assert.That(result.Score, Is.EqualTo(92m)); // (0.6×5 + 0.4×4) / 5 × 100; 2024 not read
        }
    }

    [Test]
    public void MissingPreviousYearCountsZeroAndIsListedWithNullRating()
    {
        var result = MeritScorer.ComputePerformance(TestData.Context(), TestData.Ratings(VeryGood, null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Score, Is.EqualTo(60m)); // (0.6×5 + 0.4×0) / 5 × 100 = 3 / 5 × 100 = 60
            Assert.That(result.Years, Is.EqualTo(new[]
            {
                new CountedYear(TestData.LatestYear, 0.6m, VeryGood),
                new CountedYear(TestData.PreviousYear, 0.4m, null),
            }));
        }
    }

    [Test]
    public void MissingLatestYearCountsZeroAndLatestRatingIsNull()
    {
        var result = MeritScorer.ComputePerformance(TestData.Context(), TestData.Ratings(null, VeryGood));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Score, Is.EqualTo(40m)); // (0.6×0 + 0.4×5) / 5 × 100 = 2 / 5 × 100 = 40
            Assert.That(result.LatestRating, Is.Null);
            Assert.That(result.Years[0].Rating, Is.Null);
        }
    }

    [Test]
    public void NoRatingsGiveZero()
    {
        var result = MeritScorer.ComputePerformance(TestData.Context(), TestData.Ratings(null, null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Score, Is.EqualTo(0m));
            Assert.That(result.Years.Select(y => y.Rating), Is.EqualTo(new PerformanceRating?[] { null, null }));
        }
    }

    [Test]
    public void ThreeYearPolicyCountsThreeYears()
    {
        var policy = TestData.Policy(0.5m, 0.5m, [0.5m, 0.3m, 0.2m]);
        var ratings = new Dictionary<int, PerformanceRating> { [2024] = VeryGood, [2023] = Good, [2022] = NeedsImprovement };

        var result = MeritScorer.ComputePerformance(TestData.Context(policy: policy), ratings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Years.Select(y => (y.Year, y.Weight)), Is.EqualTo(new[] { (2024, 0.5m), (2023, 0.3m), (2022, 0.2m) }));
            Assert.That(result.Score, Is.EqualTo(86m)); // (0.5×5 + 0.3×4 + 0.2×3) / 5 × 100 = 4.3 / 5 × 100 = 86
        }
    }

    // Year weights 0.99975 / 0.00025 make the performance score land on a third decimal of 5.
    [TestCase(Good, VeryPoor, "79.98")]  // (0.99975×4 + 0.00025×1) / 5 × 100 = 3.99925 / 5 × 100 = 79.985 → half-even 79.98 (half-away 79.99)
    [TestCase(VeryGood, Good, "100")]    // (0.99975×5 + 0.00025×4) / 5 × 100 = 4.99975 / 5 × 100 = 99.995 → 100.00 (9 is odd: up)
    public void PerformanceScoreRoundsHalfEven(PerformanceRating latest, PerformanceRating previous, decimal expected)
    {
        var policy = TestData.Policy(0.5m, 0.5m, [0.99975m, 0.00025m]);

        var result = MeritScorer.ComputePerformance(TestData.Context(policy: policy), TestData.Ratings(latest, previous));

        Assert.That(result.Score, Is.EqualTo(expected));
    }
}

[TestFixture]
public class MeritScoreTests
{
    // Default policy: merit = 0.5 × JPM + 0.5 × performance.
    [TestCase("100", "80", "90")]       // 50 + 40 = 90
    [TestCase("33.33", "80", "56.66")]  // 16.665 + 40 = 56.665 → half-even 56.66 (half-away 56.67)
    [TestCase("64.29", "92", "78.14")]  // 32.145 + 46 = 78.145 → half-even 78.14 (half-away 78.15)
    [TestCase("33.33", "100", "66.66")] // 16.665 + 50 = 66.665 → half-even 66.66 (half-away 66.67)
    [TestCase("66.67", "92", "79.34")]  // 33.335 + 46 = 79.335 → 79.34 (3 is odd: rounds up)
    [TestCase("66.67", "80", "73.34")]  // 33.335 + 40 = 73.335 → 73.34 (3 is odd: rounds up)
    [TestCase("0", "0", "0")]
    public void DefaultWeightsRoundHalfEven(decimal jpm, decimal performance, decimal expected)
    {
        var merit = MeritScorer.ComputeMeritScore(TestData.DefaultPolicy(), jpm, performance);

        Assert.That(merit, Is.EqualTo(expected));
    }

    [Test]
    public void TheHalfEvenCasesReallyDifferFromHalfAwayFromZero()
    {
        // Guards the test cases above: 56.665 and 78.145 are true midpoints that the two modes round apart.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Math.Round(56.665m, 2, MidpointRounding.AwayFromZero), Is.EqualTo(56.67m));
            Assert.That(Math.Round(78.145m, 2, MidpointRounding.AwayFromZero), Is.EqualTo(78.15m));
            Assert.That(MeritScorer.ComputeMeritScore(TestData.DefaultPolicy(), 33.33m, 80m), Is.Not.EqualTo(56.67m));
        }
    }

    [Test]
    public void OtherWeightsApply()
    {
        var policy = TestData.Policy(0.7m, 0.3m, [0.6m, 0.4m]);

        var merit = MeritScorer.ComputeMeritScore(policy, 66.67m, 92m);

        Assert.That(merit, Is.EqualTo(74.27m)); // 0.7×66.67 + 0.3×92 = 46.669 + 27.6 = 74.269 → 74.27
    }

    [Test]
    public void FullScoreRoundsMeritHalfEvenDown()
    {
        // Standard A:3, assessed 1 → JPM 1/3 × 100 = 33.33; Good, Good → performance 80.
        var context = TestData.Context(standard: [("A", 3)]);
        var evidence = EvidenceBuilder.Candidate(1).Assessed("A", 1).Rated(Good, Good).Build();

        var score = MeritScorer.Score(context, evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.JobPersonMatch.Percentage, Is.EqualTo(33.33m));
            Assert.That(score.Performance.Score, Is.EqualTo(80m));         // (0.6×4 + 0.4×4) / 5 × 100
            Assert.That(score.MeritScore, Is.EqualTo(56.66m));             // 0.5×33.33 + 0.5×80 = 56.665 → 56.66
        }
    }

    [Test]
    public void FullScoreRoundsMeritHalfEvenUp()
    {
        // Standard A:3, assessed 2 → JPM 2/3 × 100 = 66.67; VeryGood, Good → performance 92.
        var context = TestData.Context(standard: [("A", 3)]);
        var evidence = EvidenceBuilder.Candidate(1).Assessed("A", 2).Rated(VeryGood, Good).Build();

        var score = MeritScorer.Score(context, evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.JobPersonMatch.Percentage, Is.EqualTo(66.67m));
            Assert.That(score.Performance.Score, Is.EqualTo(92m));
            Assert.That(score.MeritScore, Is.EqualTo(79.34m));             // 0.5×66.67 + 0.5×92 = 79.335 → 79.34
        }
    }

    [Test]
    public void MeritIsComputedFromTheRoundedJpm()
    {
        // 2/3 unrounded would give 0.5×66.666… + 0.5×80 = 73.333… → 73.33; DESIGN uses the published JPM 66.67:
        // 0.5×66.67 + 0.5×80 = 73.335 → 73.34.
        var context = TestData.Context(standard: [("A", 3)]);
        var evidence = EvidenceBuilder.Candidate(1).Assessed("A", 2).Rated(Good, Good).Build();

        Assert.That(MeritScorer.Score(context, evidence).MeritScore, Is.EqualTo(73.34m));
    }
}

[TestFixture]
public class DeterminismTests
{
    [Test]
    public void ScoringTheSameEvidenceTwiceGivesEqualFigures()
    {
        var context = TestData.Context(minimumGrade: MeritApi.Domain.Positions.Grade.Parse("III/a"));
        var evidence = EvidenceBuilder.Candidate(1).Assessed("INT", 5).Assessed("KS", 2)
            .Rated(VeryGood, Good).Build();

        var first = MeritScorer.Score(context, evidence);
        var second = MeritScorer.Score(context, evidence);

        AssertSameFigures(first, second);
        Assert.That(first.MeritScore, Is.EqualTo(71m)); // JPM min(5,3)+2+0 = 5 of 10 → 50; perf 92; 0.5×50 + 0.5×92 = 71
    }

    [Test]
    public void IndependentlyBuiltEqualEvidenceAndPolicyGiveEqualFigures()
    {
        // Same evidence, dictionaries filled in a different order, a fresh policy instance.
        var a = new CandidateEvidence(TestData.Id(7), MeritApi.Domain.Positions.Grade.Parse("III/d"),
            new Dictionary<string, int> { ["INT"] = 3, ["KS"] = 1, ["KOM"] = 4 },
            new Dictionary<int, PerformanceRating> { [2024] = Good, [2023] = VeryGood });
        var b = new CandidateEvidence(TestData.Id(7), MeritApi.Domain.Positions.Grade.Parse("III/d"),
            new Dictionary<string, int> { ["KOM"] = 4, ["KS"] = 1, ["INT"] = 3 },
            new Dictionary<int, PerformanceRating> { [2023] = VeryGood, [2024] = Good });

        var first = MeritScorer.Score(TestData.Context(policy: TestData.DefaultPolicy()), a);
        var second = MeritScorer.Score(TestData.Context(policy: ScoringPolicy.CreateDefault(TestData.Now.AddYears(1))), b);

        AssertSameFigures(first, second);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.JobPersonMatch.Percentage, Is.EqualTo(80m)); // (3+1+4)/10 × 100
            Assert.That(first.Performance.Score, Is.EqualTo(88m));         // (0.6×4 + 0.4×5)/5 × 100
            Assert.That(first.MeritScore, Is.EqualTo(84m));                // 0.5×80 + 0.5×88
        }
    }

    private static void AssertSameFigures(CandidateScore first, CandidateScore second)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.CandidateId, Is.EqualTo(first.CandidateId));
            Assert.That(second.JobPersonMatch.Percentage, Is.EqualTo(first.JobPersonMatch.Percentage));
            Assert.That(second.JobPersonMatch.CreditedLevels, Is.EqualTo(first.JobPersonMatch.CreditedLevels));
            Assert.That(second.JobPersonMatch.RequiredLevels, Is.EqualTo(first.JobPersonMatch.RequiredLevels));
            Assert.That(second.JobPersonMatch.Gaps, Is.EqualTo(first.JobPersonMatch.Gaps));
            Assert.That(second.Band, Is.EqualTo(first.Band));
            Assert.That(second.Performance.Score, Is.EqualTo(first.Performance.Score));
            Assert.That(second.Performance.Years, Is.EqualTo(first.Performance.Years));
            Assert.That(second.MeritScore, Is.EqualTo(first.MeritScore));
            Assert.That(second.TalentBox, Is.EqualTo(first.TalentBox));
            Assert.That(second.IneligibilityReasons, Is.EqualTo(first.IneligibilityReasons));
        }
    }
}
