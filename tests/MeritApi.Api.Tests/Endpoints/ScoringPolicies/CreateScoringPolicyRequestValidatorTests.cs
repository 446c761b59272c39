using MeritApi.Api.Endpoints.ScoringPolicies;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Api.Tests.Endpoints.ScoringPolicies;

public sealed class CreateScoringPolicyRequestValidatorTests : RequestValidatorFixture
{
    private static readonly CreateScoringPolicyRequest Valid =
        new(0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good, "Like version 1");

    [Test]
    public void The_default_policy_shape_is_valid()
    {
        AssertValid(Valid);
        AssertValid(Valid with { CompetenceWeight = 1m, PerformanceWeight = 0m, PerformanceYearWeights = [1m], Description = null });
        AssertValid(Valid with { CompetenceWeight = 0.625m, PerformanceWeight = 0.375m, BandSet = JpmBandSet.Mapping });
    }

    [TestCase(0.6, 0.5)]
    [TestCase(0.3, 0.3)]
    [TestCase(0.0, 0.0)]
    public void Weights_that_do_not_add_up_to_one_are_reported_on_performanceWeight(double competence, double performance)
    {
        var result = AssertInvalid(Valid with { CompetenceWeight = (decimal)competence, PerformanceWeight = (decimal)performance },
            "performanceWeight");
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("add up to 1"));
    }

    [Test]
    public void Missing_or_out_of_range_weights_are_reported_on_their_fields()
    {
        AssertInvalid(Valid with { CompetenceWeight = null }, "competenceWeight");
        AssertInvalid(Valid with { PerformanceWeight = null }, "performanceWeight");
        AssertInvalid(Valid with { CompetenceWeight = 1.5m, PerformanceWeight = -0.5m }, "competenceWeight", "performanceWeight");
    }

    [Test]
    public void Year_weights_that_do_not_add_up_to_one_are_reported_on_performanceYearWeights()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = [0.5m, 0.4m] }, "performanceYearWeights");
        AssertInvalid(Valid with { PerformanceYearWeights = [0.7m, 0.4m] }, "performanceYearWeights");
    }

    [Test]
    public void At_most_five_years_can_be_counted()
    {
        AssertValid(Valid with { PerformanceYearWeights = [0.2m, 0.2m, 0.2m, 0.2m, 0.2m] });
        AssertInvalid(Valid with { PerformanceYearWeights = [0.2m, 0.2m, 0.2m, 0.2m, 0.1m, 0.1m] }, "performanceYearWeights");
    }

    [Test]
    public void At_least_one_year_is_counted()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = null }, "performanceYearWeights");
        AssertInvalid(Valid with { PerformanceYearWeights = [] }, "performanceYearWeights");
    }

    [Test]
    public void Each_year_weight_must_be_positive_and_is_reported_on_its_index()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = [1m, 0m] }, "performanceYearWeights[1]");
        AssertInvalid(Valid with { PerformanceYearWeights = [1.2m, -0.2m] }, "performanceYearWeights[0]", "performanceYearWeights[1]");
    }

    [Test]
    public void Weights_have_at_most_three_decimals()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = [0.3333m, 0.6667m] }, "performanceYearWeights[0]", "performanceYearWeights[1]");
        AssertInvalid(Valid with { CompetenceWeight = 0.5005m, PerformanceWeight = 0.4995m }, "competenceWeight", "performanceWeight");
    }

    [Test]
    public void Band_set_and_minimum_rating_are_required_enums()
    {
        AssertInvalid(Valid with { BandSet = null, MinimumRating = null }, "bandSet", "minimumRating");
        AssertInvalid(Valid with { BandSet = (JpmBandSet)3, MinimumRating = (PerformanceRating)9 }, "bandSet", "minimumRating");
    }

    [Test]
    public void A_description_over_500_characters_is_reported_on_description() =>
        AssertInvalid(Valid with { Description = new string('x', ScoringPolicy.DescriptionMaxLength + 1) }, "description");
}
