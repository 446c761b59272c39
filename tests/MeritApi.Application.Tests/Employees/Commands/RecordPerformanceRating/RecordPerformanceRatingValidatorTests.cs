using MeritApi.Application.Employees.Commands.RecordPerformanceRating;
using MeritApi.Application.Tests.Support;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Tests.Employees.Commands.RecordPerformanceRating;

public sealed class RecordPerformanceRatingValidatorTests : ValidatorFixture
{
    private static RecordPerformanceRatingCommand Rating(int year, PerformanceRating? rating = PerformanceRating.Good) =>
        new(Guid.NewGuid(), year, rating);

    [TestCase(2000)]
    [TestCase(2018)]
    [TestCase(2024)]
    public void Years_from_2000_to_the_current_year_are_valid(int year) => AssertValid(Rating(year));

    [Test]
    public void The_current_year_is_valid_and_the_next_is_reported_on_year()
    {
        AssertValid(Rating(Clock.Now.Year));
        AssertInvalid(Rating(Clock.Now.Year + 1), "year");
    }

    [TestCase(1999)]
    [TestCase(0)]
    [TestCase(-2024)]
    public void Years_before_2000_are_reported_on_year(int year) => AssertInvalid(Rating(year), "year");

    [Test]
    public void A_missing_or_undefined_rating_is_reported_on_rating()
    {
        AssertInvalid(Rating(2024, null), "rating");
        AssertInvalid(Rating(2024, (PerformanceRating)0), "rating");
        AssertInvalid(Rating(2024, (PerformanceRating)6), "rating");
    }

    [TestCase(PerformanceRating.VeryPoor)]
    [TestCase(PerformanceRating.VeryGood)]
    public void Every_defined_rating_is_valid(PerformanceRating rating) => AssertValid(Rating(2024, rating));
}
