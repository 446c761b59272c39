using MeritApi.Api.Endpoints.Positions;
using MeritApi.Domain.Positions;

namespace MeritApi.Api.Tests.Endpoints.Positions;

public sealed class CreatePositionRequestValidatorTests : RequestValidatorFixture
{
    private static readonly CreatePositionRequest Valid = new("KABAG-UMUM", "Head of General Affairs", PositionKind.Structural, "III/d",
        [new CompetencyRequirementRequest("M-INTEGRITY", 3), new CompetencyRequirementRequest("T-BUDGETING", 4)]);

    private static List<CompetencyRequirementRequest> Lines(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new CompetencyRequirementRequest($"T-C{i}", 1 + i % 5))];

    [Test]
    public void A_complete_position_is_valid()
    {
        AssertValid(Valid);
        AssertValid(Valid with { MinimumGrade = null, Kind = PositionKind.Functional });
    }

    [Test]
    public void Missing_scalar_fields_are_reported_by_their_json_names() =>
        AssertInvalid(Valid with { Code = " ", Title = null, Kind = null }, "code", "title", "kind");

    [Test]
    public void An_unknown_kind_is_reported_on_kind() => AssertInvalid(Valid with { Kind = (PositionKind)9 }, "kind");

    [Test]
    public void A_code_over_50_characters_is_reported_on_code() =>
        AssertInvalid(Valid with { Code = new string('P', Position.CodeMaxLength + 1) }, "code");

    [TestCase("III/e")]
    [TestCase("V/a")]
    [TestCase("iii/a")]
    [TestCase("")]
    public void An_invalid_minimum_grade_is_reported_on_minimumGrade(string grade) =>
        AssertInvalid(Valid with { MinimumGrade = grade }, "minimumGrade");

    [Test]
    public void A_missing_or_empty_standard_is_reported_on_standard()
    {
        AssertInvalid(Valid with { Standard = null }, "standard");
        AssertInvalid(Valid with { Standard = [] }, "standard");
    }

    [TestCase(0)]
    [TestCase(6)]
    [TestCase(-1)]
    [TestCase(null)]
    public void An_out_of_range_required_level_is_reported_on_its_line(int? level) =>
        AssertInvalid(Valid with { Standard = [Valid.Standard![0], new CompetencyRequirementRequest("T-BUDGETING", level)] },
            "standard[1].requiredLevel");

    [TestCase(1)]
    [TestCase(5)]
    public void Levels_one_to_five_are_valid(int level) =>
        AssertValid(Valid with { Standard = [new CompetencyRequirementRequest("T-BUDGETING", level)] });

    [Test]
    public void An_invalid_competency_code_is_reported_on_its_line() =>
        AssertInvalid(Valid with { Standard = [new CompetencyRequirementRequest("bad code", 3), new CompetencyRequirementRequest(null, 7)] },
            "standard[0].competencyCode", "standard[1].competencyCode", "standard[1].requiredLevel");

    /// <summary>
    /// JSON "standard": [{…}, null] deserialises to a null line. The duplicate check dereferences every line
    /// before ForEach's NotNull can report it, so today this throws NullReferenceException (a 500) instead.
    /// </summary>
    [Test]
    public void A_null_line_is_reported_on_its_index() =>
        AssertInvalid(Valid with { Standard = [Valid.Standard![0], null!] }, "standard[1]");

    [Test]
    public void A_competency_listed_twice_is_reported_on_standard() =>
        AssertInvalid(Valid with
        {
            Standard = [new("T-BUDGETING", 3), new("M-INTEGRITY", 2), new("T-BUDGETING", 4)],
        }, "standard");

    [Test]
    public void Forty_lines_are_valid_but_forty_one_are_reported_on_standard()
    {
        AssertValid(Valid with { Standard = Lines(Position.MaxStandardSize) });
        AssertInvalid(Valid with { Standard = Lines(Position.MaxStandardSize + 1) }, "standard");
    }
}
