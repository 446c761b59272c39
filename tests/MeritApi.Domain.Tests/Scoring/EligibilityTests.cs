using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests.Scoring;

[TestFixture]
public class EligibilityTests
{
    private static readonly Grade MinimumGrade = Grade.Parse("III/c");

    private static ScoringContext GatedContext() => TestData.Context(minimumGrade: MinimumGrade);

    [Test]
    public void CandidateMeetingEveryGateIsEligibleAndRanked()
    {
        var evidence = EvidenceBuilder.Candidate(1).WithGrade("III/c").WithTenPointJpm(8).Rated(VeryGood, Good).Build();

        var score = MeritScorer.Score(GatedContext(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.IneligibilityReasons, Is.Empty);
            Assert.That(score.Eligible, Is.True);
            Assert.That(Ranking.Assign([score]), Is.EqualTo(new int?[] { 1 }));
        }
    }

    [Test]
    public void MissingRatingForACountedYear()
    {
        // JPM 80; VeryGood 2024, nothing for 2023.
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(8).Rated(VeryGood, null).Build();

        var score = MeritScorer.Score(GatedContext(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.IneligibilityReasons.Select(r => r.Code), Is.EqualTo(new[] { IneligibilityCode.MissingPerformanceRating }));
            Assert.That(score.IneligibilityReasons[0].Detail, Does.Contain("2023"));
            Assert.That(score.Eligible, Is.False);
            // All figures are still there.
            Assert.That(score.JobPersonMatch.Percentage, Is.EqualTo(80m)); // 8 / 10 × 100
            Assert.That(score.Band, Is.EqualTo(JpmBand.Meets));
            Assert.That(score.Performance.Score, Is.EqualTo(60m));         // (0.6×5 + 0.4×0)/5 × 100
            Assert.That(score.MeritScore, Is.EqualTo(70m));                // 0.5×80 + 0.5×60
            Assert.That(score.TalentBox.Number, Is.EqualTo(6));            // high potential, 60 < 70 below expectation
            Assert.That(Ranking.Assign([score]), Is.EqualTo(new int?[] { null }));
        }
    }

    [TestCase(NeedsImprovement)]
    [TestCase(Poor)]
    [TestCase(VeryPoor)]
    public void RatingBelowGood(PerformanceRating previous)
    {
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(9).Rated(Good, previous).Build();

        var score = MeritScorer.Score(GatedContext(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.IneligibilityReasons.Select(r => r.Code),
                Is.EqualTo(new[] { IneligibilityCode.PerformanceRatingBelowMinimum }));
            Assert.That(score.IneligibilityReasons[0].Detail, Does.Contain("2023"));
            Assert.That(score.JobPersonMatch.Percentage, Is.EqualTo(90m));                 // 9 / 10 × 100
            Assert.That(score.Performance.Score, Is.EqualTo(48m + 8m * (int)previous));   // 0.6×4/5×100 = 48, + 0.4×r/5×100 = 8r
            Assert.That(Ranking.Assign([score]), Is.EqualTo(new int?[] { null }));
        }
    }

    [Test]
    public void RatingBelowGoodFigures()
    {
        // Good 2024, NeedsImprovement 2023: perf (0.6×4 + 0.4×3)/5×100 = 3.6/5×100 = 72; JPM 90; merit 45 + 36 = 81.
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(9).Rated(Good, NeedsImprovement).Build();

        var score = MeritScorer.Score(GatedContext(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Performance.Score, Is.EqualTo(72m));
            Assert.That(score.MeritScore, Is.EqualTo(81m));
            Assert.That(score.TalentBox.Number, Is.EqualTo(8)); // high potential (JPM 90 ≥ 80), meets (72 ≥ 70)
        }
    }

    [TestCase("III/b")]
    [TestCase("II/d")]
    [TestCase("I/a")]
    public void GradeBelowThePositionsMinimum(string grade)
    {
        var evidence = EvidenceBuilder.Candidate(1).WithGrade(grade).WithTenPointJpm(10).Rated(VeryGood, VeryGood).Build();

        var score = MeritScorer.Score(GatedContext(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.IneligibilityReasons.Select(r => r.Code), Is.EqualTo(new[] { IneligibilityCode.GradeBelowMinimum }));
            Assert.That(score.IneligibilityReasons[0].Detail, Does.Contain(grade).And.Contain("III/c"));
            Assert.That(score.MeritScore, Is.EqualTo(100m)); // 0.5×100 + 0.5×100: the gate never changes the figures
            Assert.That(score.TalentBox.Number, Is.EqualTo(9));
            Assert.That(Ranking.Assign([score]), Is.EqualTo(new int?[] { null }));
        }
    }

    [TestCase("III/c")]
    [TestCase("III/d")]
    [TestCase("IV/e")]
    public void GradeAtOrAboveTheMinimumIsEligible(string grade)
    {
        var evidence = EvidenceBuilder.Candidate(1).WithGrade(grade).WithTenPointJpm(10).Rated(Good, Good).Build();

        Assert.That(MeritScorer.Score(GatedContext(), evidence).Eligible, Is.True);
    }

    [Test]
    public void PositionWithoutMinimumGradeHasNoGradeGate()
    {
        var evidence = EvidenceBuilder.Candidate(1).WithGrade("I/a").WithTenPointJpm(10).Rated(Good, Good).Build();

        Assert.That(MeritScorer.Score(TestData.Context(minimumGrade: null), evidence).Eligible, Is.True);
    }

    [Test]
    public void RatingsOutsideTheCountedYearsDoNotMatter()
    {
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(8).Rated(Good, Good)
            .Rated(2022, VeryPoor).Build();

        var score = MeritScorer.Score(GatedContext(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Eligible, Is.True);
            Assert.That(score.Performance.Score, Is.EqualTo(80m)); // 2022 not counted
        }
    }

    [Test]
    public void EveryFailedGateIsReported()
    {
        // No ratings at all and grade II/c: two missing years and the grade gate.
        var evidence = EvidenceBuilder.Candidate(1).WithGrade("II/c").WithTenPointJpm(10).Build();

        var score = MeritScorer.Score(GatedContext(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.IneligibilityReasons.Select(r => r.Code), Is.EqualTo(new[]
            {
                IneligibilityCode.MissingPerformanceRating,  // 2024
                IneligibilityCode.MissingPerformanceRating,  // 2023
                IneligibilityCode.GradeBelowMinimum,
            }));
            Assert.That(score.Performance.Score, Is.EqualTo(0m));
            Assert.That(score.MeritScore, Is.EqualTo(50m)); // 0.5×100 + 0.5×0
        }
    }

    [Test]
    public void PolicyMinimumRatingIsTheGate()
    {
        // A policy that accepts NeedsImprovement makes the same evidence eligible.
        var lenient = TestData.Policy(0.5m, 0.5m, [0.6m, 0.4m], minimumRating: NeedsImprovement);
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(8).Rated(NeedsImprovement, Good).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MeritScorer.Score(TestData.Context(), evidence).Eligible, Is.False);
            Assert.That(MeritScorer.Score(TestData.Context(policy: lenient), evidence).Eligible, Is.True);
        }
    }

    [Test]
    public void IneligibleCandidatesDoNotDisplaceEligibleOnesInAMixedField()
    {
        var context = GatedContext();
        var scores = new[]
        {
            MeritScorer.Score(context, EvidenceBuilder.Candidate(1).WithGrade("III/b").WithTenPointJpm(10).Rated(VeryGood, VeryGood).Build()), // 100, grade gate
            MeritScorer.Score(context, EvidenceBuilder.Candidate(2).WithTenPointJpm(7).Rated(Good, Good).Build()),       // 0.5×70 + 0.5×80 = 75
            MeritScorer.Score(context, EvidenceBuilder.Candidate(3).WithTenPointJpm(10).Rated(VeryGood, null).Build()),  // 0.5×100 + 0.5×60 = 80, missing year
            MeritScorer.Score(context, EvidenceBuilder.Candidate(4).WithTenPointJpm(9).Rated(VeryGood, Good).Build()),   // 0.5×90 + 0.5×92 = 91
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scores.Select(s => s.MeritScore), Is.EqualTo(new[] { 100m, 75m, 80m, 91m }));
            Assert.That(Ranking.Assign(scores), Is.EqualTo(new int?[] { null, 2, null, 1 }));
        }
    }
}
