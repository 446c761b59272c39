using MeritApi.Domain.Common;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Tests.Scoring;

[TestFixture]
public class JobPersonMatchTests
{
    // INT 3 + KS 3 + KOM 4 + TEK-01 4 = 14 required levels.
    private static readonly (string CompetencyCode, int RequiredLevel)[] MixedStandard =
        [("INT", 3), ("KS", 3), ("KOM", 4), ("TEK-01", 4)];

    private static Dictionary<string, int> MixedAssessment() => new()
    {
        ["INT"] = 5,    // above the requirement: credited 3, gap +2
        ["KS"] = 2,     // below: credited 2, gap −1
        // KOM missing:    credited 0, gap −4
        ["TEK-01"] = 4, // exactly: credited 4, gap 0
    };

    [Test]
    public void MixedGapsCapsAboveRequirementAndCountsMissingAsZero()
    {
        var jpm = MeritScorer.ComputeJobPersonMatch(MixedStandard, MixedAssessment());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jpm.CreditedLevels, Is.EqualTo(9));   // 3 + 2 + 0 + 4
            Assert.That(jpm.RequiredLevels, Is.EqualTo(14));  // 3 + 3 + 4 + 4
            Assert.That(jpm.Percentage, Is.EqualTo(64.29m));  // 9 / 14 × 100 = 64.2857… → 64.29
            Assert.That(jpm.Gaps, Is.EqualTo(new[]
            {
                new CompetencyGap("INT", 3, 5),
                new CompetencyGap("KS", 3, 2),
                new CompetencyGap("KOM", 4, null),
                new CompetencyGap("TEK-01", 4, 4),
            }));
            Assert.That(jpm.Gaps.Select(g => g.Gap), Is.EqualTo(new[] { 2, -1, -4, 0 }));          // assessed − required
            Assert.That(jpm.Gaps.Select(g => g.CreditedLevel), Is.EqualTo(new[] { 3, 2, 0, 4 })); // min(assessed, required)
            Assert.That(jpm.MissingCompetencies, Is.EqualTo(new[] { "KOM" }));
        }
    }

    [Test]
    public void AssessmentsOutsideTheStandardAreIgnored()
    {
        var assessed = MixedAssessment();
        assessed["XTRA"] = 5;

        var jpm = MeritScorer.ComputeJobPersonMatch(MixedStandard, assessed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jpm.Percentage, Is.EqualTo(64.29m)); // still 9 / 14 × 100
            Assert.That(jpm.Gaps.Select(g => g.CompetencyCode), Is.EqualTo(new[] { "INT", "KS", "KOM", "TEK-01" }));
        }
    }

    [Test]
    public void EveryCompetencyAboveRequirementGivesExactly100()
    {
        var jpm = MeritScorer.ComputeJobPersonMatch(TestData.TenPointStandard,
            new Dictionary<string, int> { ["INT"] = 5, ["KS"] = 5, ["KOM"] = 5 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jpm.CreditedLevels, Is.EqualTo(10));  // min(5,3) + min(5,3) + min(5,4) = 10, not 15
            Assert.That(jpm.Percentage, Is.EqualTo(100m));    // 10 / 10 × 100
            Assert.That(jpm.Gaps.Select(g => g.Gap), Is.EqualTo(new[] { 2, 2, 1 }));
            Assert.That(jpm.MissingCompetencies, Is.Empty);
        }
    }

    [Test]
    public void NoAssessmentsAtAllGivesZeroAndNamesEveryCompetency()
    {
        var jpm = MeritScorer.ComputeJobPersonMatch(TestData.TenPointStandard, new Dictionary<string, int>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jpm.Percentage, Is.EqualTo(0m)); // 0 / 10 × 100
            Assert.That(jpm.Gaps.Select(g => g.Gap), Is.EqualTo(new[] { -3, -3, -4 }));
            Assert.That(jpm.MissingCompetencies, Is.EqualTo(new[] { "INT", "KS", "KOM" }));
        }
    }

    // Single competency required at level 3.
    [TestCase(1, "33.33")] // 1 / 3 × 100 = 33.333… → 33.33
    [TestCase(2, "66.67")] // 2 / 3 × 100 = 66.666… → 66.67
    [TestCase(3, "100")]   // 3 / 3 × 100
    public void ThirdsRoundToTwoDecimals(int assessed, decimal expected)
    {
        var jpm = MeritScorer.ComputeJobPersonMatch([("A", 3)], new Dictionary<string, int> { ["A"] = assessed });

        Assert.That(jpm.Percentage, Is.EqualTo(expected));
    }

    // Eight competencies at level 4 = 32 required levels; 100/32 = 3.125, so odd credited sums land on a midpoint.
    [TestCase(1, "3.12")]  // 1 / 32 × 100 = 3.125  → half-even 3.12 (half-away would give 3.13)
    [TestCase(3, "9.38")]  // 3 / 32 × 100 = 9.375  → 9.38 (7 is odd: rounds up)
    [TestCase(5, "15.62")] // 5 / 32 × 100 = 15.625 → half-even 15.62 (half-away would give 15.63)
    [TestCase(7, "21.88")] // 7 / 32 × 100 = 21.875 → 21.88
    public void MidpointsRoundHalfEven(int credited, decimal expected)
    {
        var standard = Enumerable.Range(1, 8).Select(i => ($"C{i}", 4)).ToArray();
        // Credit `credited` levels: as many full 4s as fit, the rest in the next competency.
        var assessed = new Dictionary<string, int>();
        var remaining = credited;
        for (var i = 1; remaining > 0; i++)
        {
            assessed[$"C{i}"] = Math.Min(remaining, 4);
            remaining -= assessed[$"C{i}"];
        }

        var jpm = MeritScorer.ComputeJobPersonMatch(standard, assessed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jpm.RequiredLevels, Is.EqualTo(32));
            Assert.That(jpm.CreditedLevels, Is.EqualTo(credited));
            Assert.That(jpm.Percentage, Is.EqualTo(expected));
        }
    }

    [Test]
    public void EmptyStandardThrowsDomainException()
    {
        var ex = Assert.Throws<DomainException>(() =>
            MeritScorer.ComputeJobPersonMatch([], new Dictionary<string, int> { ["A"] = 3 }));

        Assert.That(ex.Rule.Id, Is.EqualTo("empty-standard"));
    }
}

[TestFixture]
public class JpmBandTests
{
    [TestCase("100", JpmBand.Meets)]
    [TestCase("80", JpmBand.Meets)]            // ≥ 80
    [TestCase("79.99", JpmBand.MarginallyMeets)]
    [TestCase("68", JpmBand.MarginallyMeets)]  // 68 to < 80
    [TestCase("67.99", JpmBand.DoesNotMeet)]   // < 68
    [TestCase("0", JpmBand.DoesNotMeet)]
    public void FillingEdges(decimal jpm, JpmBand expected) =>
        Assert.That(JpmBands.Classify(JpmBandSet.Filling, jpm), Is.EqualTo(expected));

    [TestCase("100", JpmBand.Optimal)]
    [TestCase("90", JpmBand.Optimal)]          // ≥ 90
    [TestCase("89.99", JpmBand.FairlyOptimal)]
    [TestCase("78", JpmBand.FairlyOptimal)]    // 78 to < 90
    [TestCase("77.99", JpmBand.NotOptimal)]    // < 78
    [TestCase("0", JpmBand.NotOptimal)]
    public void MappingEdges(decimal jpm, JpmBand expected) =>
        Assert.That(JpmBands.Classify(JpmBandSet.Mapping, jpm), Is.EqualTo(expected));

    [TestCase(JpmBand.Meets, Potential.High)]
    [TestCase(JpmBand.MarginallyMeets, Potential.Medium)]
    [TestCase(JpmBand.DoesNotMeet, Potential.Low)]
    [TestCase(JpmBand.Optimal, Potential.High)]
    [TestCase(JpmBand.FairlyOptimal, Potential.Medium)]
    [TestCase(JpmBand.NotOptimal, Potential.Low)]
    public void PotentialOfEachBand(JpmBand band, Potential expected) =>
        Assert.That(JpmBands.PotentialOf(band), Is.EqualTo(expected));

    [Test]
    public void ThresholdsMatchDesign()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JpmBands.Thresholds(JpmBandSet.Filling), Is.EqualTo((80m, 68m)));
            Assert.That(JpmBands.Thresholds(JpmBandSet.Mapping), Is.EqualTo((90m, 78m)));
        }
    }

    [Test]
    public void ScoreUsesThePolicysBandSet()
    {
        // JPM 80 (8 of 10 levels): Meets under Filling, FairlyOptimal under Mapping.
        var evidence = EvidenceBuilder.Candidate(1).WithTenPointJpm(8)
            .Rated(MeritApi.Domain.Employees.PerformanceRating.Good, MeritApi.Domain.Employees.PerformanceRating.Good).Build();
        var mapping = TestData.Policy(0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Mapping);

        var filling = MeritScorer.Score(TestData.Context(), evidence);
        var mapped = MeritScorer.Score(TestData.Context(policy: mapping), evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(filling.JobPersonMatch.Percentage, Is.EqualTo(80m)); // 8 / 10 × 100
            Assert.That(filling.Band, Is.EqualTo(JpmBand.Meets));
            Assert.That(mapped.Band, Is.EqualTo(JpmBand.FairlyOptimal));
        }
    }
}
