using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests.Scoring;

[TestFixture]
public class TalentBoxTests
{
    // DESIGN §4 table: rows performance, columns potential (low, medium, high).
    [TestCase(Potential.Low, PerformanceLevel.AboveExpectation, 4)]
    [TestCase(Potential.Medium, PerformanceLevel.AboveExpectation, 7)]
    [TestCase(Potential.High, PerformanceLevel.AboveExpectation, 9)]
    [TestCase(Potential.Low, PerformanceLevel.MeetsExpectation, 2)]
    [TestCase(Potential.Medium, PerformanceLevel.MeetsExpectation, 5)]
    [TestCase(Potential.High, PerformanceLevel.MeetsExpectation, 8)]
    [TestCase(Potential.Low, PerformanceLevel.BelowExpectation, 1)]
    [TestCase(Potential.Medium, PerformanceLevel.BelowExpectation, 3)]
    [TestCase(Potential.High, PerformanceLevel.BelowExpectation, 6)]
    public void EveryCellMatchesTheDesignTable(Potential potential, PerformanceLevel performance, int expected)
    {
        var box = TalentBox.Of(potential, performance);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(box.Number, Is.EqualTo(expected));
            Assert.That(box.Potential, Is.EqualTo(potential));
            Assert.That(box.Performance, Is.EqualTo(performance));
        }
    }

    [Test]
    public void TheNineCellsAreNumberedOneToNineOnce()
    {
        var numbers = Enum.GetValues<Potential>()
            .SelectMany(p => Enum.GetValues<PerformanceLevel>().Select(q => TalentBox.Of(p, q).Number));

        Assert.That(numbers.Order(), Is.EqualTo(Enumerable.Range(1, 9)));
    }

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(3, false)]
    [TestCase(4, false)]
    [TestCase(5, false)]
    [TestCase(6, false)]
    [TestCase(7, true)]
    [TestCase(8, true)]
    [TestCase(9, true)]
    public void TalentPoolIsExactlySevenEightNine(int number, bool expected)
    {
        var box = TalentBox.FromNumber(number);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(box.InTalentPool, Is.EqualTo(expected));
            Assert.That(box.Meaning.Contains("talent pool", StringComparison.Ordinal), Is.EqualTo(expected));
        }
    }

    [Test]
    public void FromNumberRoundTrips([Range(1, 9)] int number)
    {
        var box = TalentBox.FromNumber(number);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(box.Number, Is.EqualTo(number));
            Assert.That(TalentBox.Of(box.Potential, box.Performance), Is.EqualTo(box));
            Assert.That(box.Meaning, Does.StartWith($"Box {number}:"));
        }
    }

    [TestCase(0)]
    [TestCase(10)]
    [TestCase(-1)]
    public void FromNumberRejectsOutOfRange(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TalentBox.FromNumber(number));

    [TestCase("100", PerformanceLevel.AboveExpectation)]
    [TestCase("90", PerformanceLevel.AboveExpectation)]    // ≥ 90
    [TestCase("89.99", PerformanceLevel.MeetsExpectation)]
    [TestCase("70", PerformanceLevel.MeetsExpectation)]    // ≥ 70
    [TestCase("69.99", PerformanceLevel.BelowExpectation)] // < 70
    [TestCase("0", PerformanceLevel.BelowExpectation)]
    public void PerformanceLevelEdges(decimal performanceScore, PerformanceLevel expected) =>
        Assert.That(TalentBox.PerformanceLevelOf(performanceScore), Is.EqualTo(expected));

    [Test]
    public void MeaningNamesBothAxes()
    {
        Assert.That(TalentBox.FromNumber(9).Meaning, Is.EqualTo(
            "Box 9: performance above expectation (kinerja di atas ekspektasi), high potential (potensial tinggi); " +
            "in the talent pool (kelompok rencana suksesi)"));
    }

    // Through the full scorer, default policy (Filling bands), ten-point standard: JPM = 10 × credited levels.
    [TestCase(10, VeryGood, Good, 9)]  // JPM 100 → Meets → high;        perf (3.0+1.6)/5×100 = 92 → above → box 9
    [TestCase(7, Good, Good, 5)]       // JPM 70 → MarginallyMeets → medium; perf (2.4+1.6)/5×100 = 80 → meets → box 5
    [TestCase(6, VeryGood, Good, 4)]   // JPM 60 → DoesNotMeet → low;     perf 92 → above → box 4
    [TestCase(8, Good, VeryGood, 8)]   // JPM 80 → Meets → high;          perf (2.4+2.0)/5×100 = 88 → meets → box 8
    [TestCase(7, VeryGood, VeryGood, 7)] // JPM 70 → medium;              perf 100 → above → box 7
    [TestCase(5, Good, Good, 2)]       // JPM 50 → low;                   perf 80 → meets → box 2
    public void ScoreAssignsTheBox(int credited, PerformanceRating latest, PerformanceRating previous, int expectedBox)
    {
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(credited).Rated(latest, previous).Build();

        var score = MeritScorer.Score(TestData.Context(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.JobPersonMatch.Percentage, Is.EqualTo(credited * 10m));
            Assert.That(score.TalentBox.Number, Is.EqualTo(expectedBox));
            Assert.That(score.TalentBox.InTalentPool, Is.EqualTo(expectedBox >= 7));
        }
    }

    [Test]
    public void IneligibleCandidateStillGetsABox()
    {
        // JPM 80 → Meets → high; Good latest, previous missing: (0.6×4 + 0)/5×100 = 48 → below → box 6.
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(8).Rated(Good, null).Build();

        var score = MeritScorer.Score(TestData.Context(), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Performance.Score, Is.EqualTo(48m));
            Assert.That(score.TalentBox.Number, Is.EqualTo(6));
            Assert.That(score.Eligible, Is.False);
        }
    }

    [Test]
    public void MappingBandsMoveTheSameCandidateToAnotherBox()
    {
        // JPM 80, perf 92. Filling: Meets → high → box 9. Mapping: 78 ≤ 80 < 90 → FairlyOptimal → medium → box 7.
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(8).Rated(VeryGood, Good).Build();
        var mapping = TestData.Policy(0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Mapping);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MeritScorer.Score(TestData.Context(), evidence).TalentBox.Number, Is.EqualTo(9));
            Assert.That(MeritScorer.Score(TestData.Context(policy: mapping), evidence).TalentBox.Number, Is.EqualTo(7));
        }
    }
}
