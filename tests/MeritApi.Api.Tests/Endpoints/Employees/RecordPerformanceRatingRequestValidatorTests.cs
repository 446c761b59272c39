using MeritApi.Api.Endpoints.Employees;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Tests.Endpoints.Employees;

public sealed class RecordPerformanceRatingRequestValidatorTests : RequestValidatorFixture
{
    [Test]
    public void A_missing_or_undefined_rating_is_reported_on_rating()
    {
        AssertInvalid(new RecordPerformanceRatingRequest(null), "rating");
        AssertInvalid(new RecordPerformanceRatingRequest((PerformanceRating)0), "rating");
        AssertInvalid(new RecordPerformanceRatingRequest((PerformanceRating)6), "rating");
    }

    [TestCase(PerformanceRating.VeryPoor)]
    [TestCase(PerformanceRating.VeryGood)]
    public void Every_defined_rating_is_valid(PerformanceRating rating) => AssertValid(new RecordPerformanceRatingRequest(rating));
}
