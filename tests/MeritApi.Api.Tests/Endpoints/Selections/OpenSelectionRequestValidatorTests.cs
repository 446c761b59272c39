using MeritApi.Api.Endpoints.Selections;
using MeritApi.Domain.Selections;

namespace MeritApi.Api.Tests.Endpoints.Selections;

public sealed class OpenSelectionRequestValidatorTests : RequestValidatorFixture
{
    private static readonly OpenSelectionRequest Valid = new(Guid.NewGuid(), SelectionKind.Promotion, 2, 1, 2024, "PENG-001/2025");

    [Test]
    public void A_complete_selection_is_valid_and_optional_fields_may_be_omitted()
    {
        AssertValid(Valid);
        AssertValid(Valid with { Places = null, PolicyVersion = null, LatestPerformanceYear = null, Reference = null });
        AssertValid(Valid with { Kind = SelectionKind.Placement, Places = Selection.MaxPlaces, LatestPerformanceYear = 2025 });
    }

    [Test]
    public void A_missing_position_or_kind_is_reported()
    {
        AssertInvalid(Valid with { PositionId = null }, "positionId");
        AssertInvalid(Valid with { Kind = null }, "kind");
        AssertInvalid(Valid with { Kind = (SelectionKind)5 }, "kind");
    }

    /// <summary>
    /// NotEmpty() on a Guid? only rejects null (the default of Guid? is null), so the all-zero id slips through
    /// to the handler and comes back as a 404 for position 00000000-… instead of a 400 on "positionId".
    /// </summary>
    [Test]
    public void An_all_zero_position_id_is_reported_on_positionId() =>
        AssertInvalid(Valid with { PositionId = Guid.Empty }, "positionId");

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(Selection.MaxPlaces + 1)]
    public void Places_outside_one_to_a_thousand_are_reported_on_places(int places) =>
        AssertInvalid(Valid with { Places = places }, "places");

    [Test]
    public void A_policy_version_below_one_is_reported_on_policyVersion() =>
        AssertInvalid(Valid with { PolicyVersion = 0 }, "policyVersion");

    [TestCase(1999)]
    [TestCase(2026)]
    public void A_latest_performance_year_outside_2000_to_now_is_reported(int year) =>
        AssertInvalid(Valid with { LatestPerformanceYear = year }, "latestPerformanceYear");

    [Test]
    public void A_reference_over_100_characters_is_reported_on_reference()
    {
        AssertValid(Valid with { Reference = new string('r', Selection.ReferenceMaxLength) });
        AssertInvalid(Valid with { Reference = new string('r', Selection.ReferenceMaxLength + 1) }, "reference");
    }
}
