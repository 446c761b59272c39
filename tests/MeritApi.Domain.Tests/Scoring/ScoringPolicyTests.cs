using MeritApi.Domain.Common;
using MeritApi.Domain.Scoring;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests.Scoring;

[TestFixture]
public class ScoringPolicyTests
{
    [Test]
    public void DefaultPolicyIsVersionOneOfTheDesign()
    {
        var policy = ScoringPolicy.CreateDefault(TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Version, Is.EqualTo(1));
            Assert.That(policy.CompetenceWeight, Is.EqualTo(0.5m));
            Assert.That(policy.PerformanceWeight, Is.EqualTo(0.5m));
            Assert.That(policy.PerformanceYearWeights, Is.EqualTo(new[] { 0.6m, 0.4m }));
            Assert.That(policy.CountedYears, Is.EqualTo(2));
            Assert.That(policy.BandSet, Is.EqualTo(JpmBandSet.Filling));
            Assert.That(policy.MinimumRating, Is.EqualTo(Good));
        }
    }

    [TestCase("0.6", "0.5")]  // 1.1
    [TestCase("0.5", "0.4")]  // 0.9
    [TestCase("0.5", "0.49")] // 0.99
    [TestCase("-0.1", "1.1")] // adds to 1 but negative
    [TestCase("0", "0")]
    public void WeightsMustAddUpToOne(decimal competence, decimal performance)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new ScoringPolicy(2, competence, performance, [0.6m, 0.4m], JpmBandSet.Filling, Good, null, TestData.Now));

        Assert.That(ex.Rule.Id, Is.EqualTo("policy-weights"));
    }

    [TestCase("1", "0")]
    [TestCase("0.7", "0.3")]
    [TestCase("0.25", "0.75")]
    public void WeightsAddingUpToOneAreAccepted(decimal competence, decimal performance) =>
        Assert.That(new ScoringPolicy(2, competence, performance, [1m], JpmBandSet.Mapping, Good, null, TestData.Now).Version,
            Is.EqualTo(2));

    [Test]
    public void YearWeightsAreChecked()
    {
        static string RuleOf(decimal[] weights) => Assert.Throws<DomainException>(() =>
            new ScoringPolicy(2, 0.5m, 0.5m, weights, JpmBandSet.Filling, Good, null, TestData.Now)).Rule.Id;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RuleOf([]), Is.EqualTo("policy-years"));
            Assert.That(RuleOf([0.2m, 0.2m, 0.2m, 0.2m, 0.1m, 0.1m]), Is.EqualTo("policy-years")); // 6 > 5 years
            Assert.That(RuleOf([0.6m, 0.3m]), Is.EqualTo("policy-year-weights"));                  // 0.9
            Assert.That(RuleOf([1m, 0m]), Is.EqualTo("policy-year-weights"));                      // a zero weight
            Assert.That(RuleOf([1.2m, -0.2m]), Is.EqualTo("policy-year-weights"));                 // a negative weight
        }
    }

    [Test]
    public void VersionStartsAtOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ScoringPolicy(0, 0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, Good, null, TestData.Now));
}
