using MeritApi.Api.Endpoints.Employees;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Tests.Endpoints.Employees;

public sealed class RecordCompetencyAssessmentRequestValidatorTests : RequestValidatorFixture
{
    private RecordCompetencyAssessmentRequest Valid =>
        new("M-INTEGRITY", 3, Clock.Today.AddYears(-1), "UPT Penilaian Kompetensi");

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
