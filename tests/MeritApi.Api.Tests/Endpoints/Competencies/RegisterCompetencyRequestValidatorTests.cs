using MeritApi.Api.Endpoints.Competencies;
using MeritApi.Domain.Competencies;

namespace MeritApi.Api.Tests.Endpoints.Competencies;

public sealed class RegisterCompetencyRequestValidatorTests : RequestValidatorFixture
{
    private static readonly RegisterCompetencyRequest Valid =
        new("T-BUDGETING", "Budgeting (Penganggaran)", CompetencyCategory.Technical, "Plans and controls budgets.");

    [Test]
    public void A_complete_competency_is_valid()
    {
        AssertValid(Valid);
        AssertValid(Valid with { Description = null, Code = "M-1", Category = CompetencyCategory.SocioCultural });
        AssertValid(Valid with { Code = "A" + new string('B', Competency.CodeMaxLength - 1) });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("t-budgeting")]
    [TestCase("1-BUDGET")]
    [TestCase("-BUDGET")]
    [TestCase("T_BUDGET")]
    [TestCase("T BUDGET")]
    [TestCase("T-BUDGÉT")]
    public void An_invalid_code_is_reported_on_code(string? code) => AssertInvalid(Valid with { Code = code }, "code");

    [Test]
    public void A_code_longer_than_32_characters_is_reported_on_code() =>
        AssertInvalid(Valid with { Code = "A" + new string('B', Competency.CodeMaxLength) }, "code");

    [TestCase(null)]
    [TestCase("   ")]
    [TestCase("Bad\u0007name")]
    public void A_missing_or_unprintable_name_is_reported_on_name(string? name) =>
        AssertInvalid(Valid with { Name = name }, "name");

    [Test]
    public void A_name_over_200_characters_is_reported_on_name() =>
        AssertInvalid(Valid with { Name = new string('N', Competency.NameMaxLength + 1) }, "name");

    [Test]
    public void A_missing_or_unknown_category_is_reported_on_category()
    {
        AssertInvalid(Valid with { Category = null }, "category");
        AssertInvalid(Valid with { Category = (CompetencyCategory)42 }, "category");
    }

    [Test]
    public void A_description_over_2000_characters_is_reported_on_description() =>
        AssertInvalid(Valid with { Description = new string('d', 2001) }, "description");

    [Test]
    public void Messages_name_the_field_as_clients_send_it()
    {
        var result = AssertInvalid(Valid with { Name = null }, "name");
        Assert.That(result.Errors.Select(e => e.ErrorMessage), Has.Some.Contains("'name'"));
    }
}
