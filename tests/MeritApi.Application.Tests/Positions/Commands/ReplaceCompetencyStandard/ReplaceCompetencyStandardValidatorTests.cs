using MeritApi.Application.Positions;
using MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;
using MeritApi.Application.Tests.Support;

namespace MeritApi.Application.Tests.Positions.Commands.ReplaceCompetencyStandard;

public sealed class ReplaceCompetencyStandardValidatorTests : ValidatorFixture
{
    private static CompetencyRequirementInput Line(string code, int level) => new(code, level);

    private static ReplaceCompetencyStandardCommand With(params CompetencyRequirementInput[] lines) =>
        new(Guid.NewGuid(), lines);

    [Test]
    public void A_valid_standard_is_valid() => AssertValid(With(Line("M-INTEGRITY", 3), Line("T-BUDGETING", 5)));

    [Test]
    public void Errors_are_reported_under_requirements()
    {
        AssertInvalid(new ReplaceCompetencyStandardCommand(Guid.NewGuid(), null), "requirements");
        AssertInvalid(With(), "requirements");
        AssertInvalid(With(Line("M-INTEGRITY", 3), Line("M-INTEGRITY", 4)), "requirements");
        AssertInvalid(With(Line("M-INTEGRITY", 3), Line("T-BUDGETING", 0)), "requirements[1].requiredLevel");
        AssertInvalid(With(Line("m-integrity", 3)), "requirements[0].competencyCode");
        AssertInvalid(With([.. Enumerable.Range(0, 41).Select(i => new CompetencyRequirementInput($"T-{i}", 2))]), "requirements");
    }
}
