using MeritApi.Application.Employees.Commands.RecordCompetencyAssessment;
using MeritApi.Application.Employees.Commands.RecordPerformanceRating;
using MeritApi.Application.Employees.Commands.RegisterEmployee;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Tests.Validation;

public sealed class RegisterEmployeeValidatorTests : ValidatorFixture
{
    private static readonly RegisterEmployeeCommand Valid = new("198503152010011002", "Siti Rahmawati", "III/c", "Biro Umum");

    [Test]
    public void A_complete_employee_is_valid() => AssertValid(Valid);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("19850315201001100")]
    [TestCase("1985031520100110021")]
    [TestCase("19850315201001100A")]
    [TestCase("198503152010 11002")]
    [TestCase("１９８５０３１５２０１００１１００２")]
    public void A_nip_that_is_not_exactly_18_ascii_digits_is_reported_on_nip(string? nip) =>
        AssertInvalid(Valid with { Nip = nip }, "nip");

    [TestCase("I/a")]
    [TestCase("I/d")]
    [TestCase("II/b")]
    [TestCase("III/d")]
    [TestCase("IV/a")]
    [TestCase("IV/e")]
    public void Every_grade_of_the_ladder_is_valid(string grade) => AssertValid(Valid with { Grade = grade });

    [TestCase(null)]
    [TestCase("")]
    [TestCase("III/e")]
    [TestCase("I/e")]
    [TestCase("IV/f")]
    [TestCase("V/a")]
    [TestCase("iii/a")]
    [TestCase("III/A")]
    [TestCase("III-a")]
    [TestCase("III/")]
    [TestCase("/a")]
    [TestCase(" III/a")]
    [TestCase("III/ab")]
    public void A_grade_outside_I_a_to_IV_e_is_reported_on_grade(string? grade) =>
        AssertInvalid(Valid with { Grade = grade }, "grade");

    [Test]
    public void Name_and_unit_are_required_and_bounded()
    {
        AssertInvalid(Valid with { Name = "", Unit = null }, "name", "unit");
        AssertInvalid(Valid with { Name = new string('n', Employee.NameMaxLength + 1), Unit = new string('u', Employee.UnitMaxLength + 1) },
            "name", "unit");
        AssertValid(Valid with { Name = new string('n', Employee.NameMaxLength), Unit = new string('u', Employee.UnitMaxLength) });
    }
}

public sealed class RecordCompetencyAssessmentValidatorTests : ValidatorFixture
{
    private RecordCompetencyAssessmentCommand Valid =>
        new(Guid.NewGuid(), "M-INTEGRITY", 3, Clock.Today.AddYears(-1), "UPT Penilaian Kompetensi");

    [Test]
    public void A_complete_assessment_is_valid() => AssertValid(Valid);

    [TestCase(1)]
    [TestCase(5)]
    public void Levels_one_to_five_are_valid(int level) => AssertValid(Valid with { Level = level });

    [TestCase(0)]
    [TestCase(6)]
    [TestCase(-3)]
    [TestCase(null)]
    public void A_level_outside_one_to_five_is_reported_on_level(int? level) =>
        AssertInvalid(Valid with { Level = level }, "level");

    [Test]
    public void An_assessment_dated_today_is_valid() => AssertValid(Valid with { AssessedOn = Clock.Today });

    [Test]
    public void An_assessment_dated_tomorrow_is_reported_on_assessedOn()
    {
        var result = AssertInvalid(Valid with { AssessedOn = Clock.Today.AddDays(1) }, "assessedOn");
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("future"));
    }

    [Test]
    public void An_assessment_before_2000_is_reported_on_assessedOn()
    {
        AssertInvalid(Valid with { AssessedOn = new DateOnly(1999, 12, 31) }, "assessedOn");
        AssertValid(Valid with { AssessedOn = new DateOnly(2000, 1, 1) });
    }

    /// <summary>
    /// A request without the date must be a 400 on "assessedOn". Today the Must(d => d!.Value…) rules run after
    /// NotNull fails (the rule does not stop on the first failure) and throw InvalidOperationException (a 500).
    /// </summary>
    [Test]
    public void A_missing_assessment_date_is_reported_on_assessedOn() =>
        AssertInvalid(Valid with { AssessedOn = null }, "assessedOn");

    [Test]
    public void Code_and_assessor_are_checked()
    {
        AssertInvalid(Valid with { CompetencyCode = "integrity", Assessor = " " }, "competencyCode", "assessor");
        AssertInvalid(Valid with { Assessor = new string('a', CompetencyAssessment.AssessorMaxLength + 1) }, "assessor");
    }
}

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
