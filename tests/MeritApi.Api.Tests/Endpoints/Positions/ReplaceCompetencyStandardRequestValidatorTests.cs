using MeritApi.Api.Endpoints.Positions;

namespace MeritApi.Api.Tests.Endpoints.Positions;

public sealed class ReplaceCompetencyStandardRequestValidatorTests : RequestValidatorFixture
{
    private static CompetencyRequirementRequest Line(string code, int level) => new(code, level);

    private static ReplaceCompetencyStandardRequest With(params CompetencyRequirementRequest[] lines) =>
        new(lines);

    [Test]
    public void A_valid_standard_is_valid() => AssertValid(With(Line("M-INTEGRITY", 3), Line("T-BUDGETING", 5)));

    [Test]
    public void Errors_are_reported_under_requirements()
    {
        AssertInvalid(new ReplaceCompetencyStandardRequest(null), "requirements");
        AssertInvalid(With(), "requirements");
        AssertInvalid(With(Line("M-INTEGRITY", 3), Line("M-INTEGRITY", 4)), "requirements");
        AssertInvalid(With(Line("M-INTEGRITY", 3), Line("T-BUDGETING", 0)), "requirements[1].requiredLevel");
        AssertInvalid(With(Line("m-integrity", 3)), "requirements[0].competencyCode");
        AssertInvalid(With([.. Enumerable.Range(0, 41).Select(i => new CompetencyRequirementRequest($"T-{i}", 2))]), "requirements");
    }
}
