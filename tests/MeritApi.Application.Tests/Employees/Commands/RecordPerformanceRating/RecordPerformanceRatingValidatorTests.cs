using MeritApi.Application.Employees.Commands.RecordPerformanceRating;
using MeritApi.Application.Tests.Support;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Tests.Employees.Commands.RecordPerformanceRating;

/// <summary>The command's own rule: the year its route names (the rating itself is the request validator's).</summary>
public sealed class RecordPerformanceRatingValidatorTests : ApplicationValidatorFixture
{
    private static RecordPerformanceRatingCommand Rating(int year) => new(Guid.NewGuid(), year, PerformanceRating.Good);

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
}
