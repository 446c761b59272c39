using MeritApi.Application.Competencies.Queries.ListCompetencies;
using MeritApi.Application.Employees.Queries.ListEmployees;
using MeritApi.Application.Positions.Queries.ListPositions;
using MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;
using MeritApi.Application.ScoringPolicies.Queries.ListScoringPolicies;
using MeritApi.Application.Selections.Commands.EnrolCandidates;
using MeritApi.Application.Selections.Commands.OpenSelection;
using MeritApi.Application.Selections.Queries.GetShortlist;
using MeritApi.Application.Selections.Queries.ListCandidates;
using MeritApi.Application.Selections.Queries.ListScoringRuns;
using MeritApi.Application.Selections.Queries.ListSelections;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Tests.Validation;

public sealed class CreateScoringPolicyValidatorTests : ValidatorFixture
{
    private static readonly CreateScoringPolicyCommand Valid =
        new(0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good, "Like version 1");

    [Test]
    public void The_default_policy_shape_is_valid()
    {
        AssertValid(Valid);
        AssertValid(Valid with { CompetenceWeight = 1m, PerformanceWeight = 0m, PerformanceYearWeights = [1m], Description = null });
        AssertValid(Valid with { CompetenceWeight = 0.625m, PerformanceWeight = 0.375m, BandSet = JpmBandSet.Mapping });
    }

    [TestCase(0.6, 0.5)]
    [TestCase(0.3, 0.3)]
    [TestCase(0.0, 0.0)]
    public void Weights_that_do_not_add_up_to_one_are_reported_on_performanceWeight(double competence, double performance)
    {
        var result = AssertInvalid(Valid with { CompetenceWeight = (decimal)competence, PerformanceWeight = (decimal)performance },
            "performanceWeight");
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("add up to 1"));
    }

    [Test]
    public void Missing_or_out_of_range_weights_are_reported_on_their_fields()
    {
        AssertInvalid(Valid with { CompetenceWeight = null }, "competenceWeight");
        AssertInvalid(Valid with { PerformanceWeight = null }, "performanceWeight");
        AssertInvalid(Valid with { CompetenceWeight = 1.5m, PerformanceWeight = -0.5m }, "competenceWeight", "performanceWeight");
    }

    [Test]
    public void Year_weights_that_do_not_add_up_to_one_are_reported_on_performanceYearWeights()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = [0.5m, 0.4m] }, "performanceYearWeights");
        AssertInvalid(Valid with { PerformanceYearWeights = [0.7m, 0.4m] }, "performanceYearWeights");
    }

    [Test]
    public void At_most_five_years_can_be_counted()
    {
        AssertValid(Valid with { PerformanceYearWeights = [0.2m, 0.2m, 0.2m, 0.2m, 0.2m] });
        AssertInvalid(Valid with { PerformanceYearWeights = [0.2m, 0.2m, 0.2m, 0.2m, 0.1m, 0.1m] }, "performanceYearWeights");
    }

    [Test]
    public void At_least_one_year_is_counted()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = null }, "performanceYearWeights");
        AssertInvalid(Valid with { PerformanceYearWeights = [] }, "performanceYearWeights");
    }

    [Test]
    public void Each_year_weight_must_be_positive_and_is_reported_on_its_index()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = [1m, 0m] }, "performanceYearWeights[1]");
        AssertInvalid(Valid with { PerformanceYearWeights = [1.2m, -0.2m] }, "performanceYearWeights[0]", "performanceYearWeights[1]");
    }

    [Test]
    public void Weights_have_at_most_three_decimals()
    {
        AssertInvalid(Valid with { PerformanceYearWeights = [0.3333m, 0.6667m] }, "performanceYearWeights[0]", "performanceYearWeights[1]");
        AssertInvalid(Valid with { CompetenceWeight = 0.5005m, PerformanceWeight = 0.4995m }, "competenceWeight", "performanceWeight");
    }

    [Test]
    public void Band_set_and_minimum_rating_are_required_enums()
    {
        AssertInvalid(Valid with { BandSet = null, MinimumRating = null }, "bandSet", "minimumRating");
        AssertInvalid(Valid with { BandSet = (JpmBandSet)3, MinimumRating = (PerformanceRating)9 }, "bandSet", "minimumRating");
    }

    [Test]
    public void A_description_over_500_characters_is_reported_on_description() =>
        AssertInvalid(Valid with { Description = new string('x', ScoringPolicy.DescriptionMaxLength + 1) }, "description");
}

public sealed class OpenSelectionValidatorTests : ValidatorFixture
{
    private static readonly OpenSelectionCommand Valid = new(Guid.NewGuid(), SelectionKind.Promotion, 2, 1, 2024, "PENG-001/2025");

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

public sealed class EnrolCandidatesValidatorTests : ValidatorFixture
{
    private static EnrolCandidatesCommand Enrol(IReadOnlyList<Guid>? ids) => new(Guid.NewGuid(), ids);

    private static List<Guid> NewIds(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];

    [Test]
    public void Distinct_employee_ids_are_valid() => AssertValid(Enrol(NewIds(3)));

    [Test]
    public void A_missing_or_empty_list_is_reported_on_employeeIds()
    {
        AssertInvalid(Enrol(null), "employeeIds");
        AssertInvalid(Enrol([]), "employeeIds");
    }

    [Test]
    public void A_duplicate_id_is_reported_on_employeeIds()
    {
        var id = Guid.NewGuid();
        var result = AssertInvalid(Enrol([id, Guid.NewGuid(), id]), "employeeIds");
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("only once"));
    }

    [Test]
    public void Ten_thousand_ids_are_valid_but_more_are_reported_on_employeeIds()
    {
        AssertValid(Enrol(NewIds(EnrolCandidatesCommand.MaxPerRequest)));
        var result = AssertInvalid(Enrol(NewIds(EnrolCandidatesCommand.MaxPerRequest + 1)), "employeeIds");
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("10000"));
    }

    [Test]
    public void An_empty_guid_is_reported_on_its_index() =>
        AssertInvalid(Enrol([Guid.NewGuid(), Guid.Empty]), "employeeIds[1]");
}

public sealed class PagedQueryValidatorTests : ValidatorFixture
{
    private static readonly Guid SomeId = Guid.NewGuid();

    private static readonly (string Name, Func<int, int, object> Create)[] Queries =
    [
        ("GetShortlist", (page, size) => new GetShortlistQuery(SomeId, null, null, false, page, size)),
        ("ListCompetencies", (page, size) => new ListCompetenciesQuery(null, page, size)),
        ("ListPositions", (page, size) => new ListPositionsQuery(page, size)),
        ("ListEmployees", (page, size) => new ListEmployeesQuery(null, null, page, size)),
        ("ListScoringPolicies", (page, size) => new ListScoringPoliciesQuery(page, size)),
        ("ListSelections", (page, size) => new ListSelectionsQuery(null, null, page, size)),
        ("ListCandidates", (page, size) => new ListCandidatesQuery(SomeId, page, size)),
        ("ListScoringRuns", (page, size) => new ListScoringRunsQuery(SomeId, page, size)),
    ];

    private static IEnumerable<TestCaseData> Cases(params (int Page, int PageSize, string? Error)[] pages) =>
        from query in Queries
        from p in pages
        select new TestCaseData(query.Create(p.Page, p.PageSize), p.Error)
            .SetArgDisplayNames(query.Name, $"page={p.Page}", $"pageSize={p.PageSize}");

    private static IEnumerable<TestCaseData> ValidPages() =>
        Cases((1, 1, null), (1, 50, null), (7, 500, null));

    private static IEnumerable<TestCaseData> InvalidPages() =>
        Cases((0, 50, "page"), (-1, 50, "page"), (1, 0, "pageSize"), (1, -5, "pageSize"), (1, 501, "pageSize"));

    [TestCaseSource(nameof(ValidPages))]
    public void Pages_from_one_with_sizes_up_to_500_are_valid(object query, string? error)
    {
        Assert.That(error, Is.Null);
        AssertValid(query);
    }

    [TestCaseSource(nameof(InvalidPages))]
    public void Invalid_paging_is_reported_on_its_field(object query, string error) => AssertInvalid(query, error);

    [Test]
    public void The_defaults_are_page_one_of_fifty()
    {
        var query = new ListPositionsQuery();
        Assert.That((query.Page, query.PageSize), Is.EqualTo((1, 50)));
        AssertValid(query);
    }

    [Test]
    public void Shortlist_top_must_be_at_least_one()
    {
        AssertValid(new GetShortlistQuery(SomeId, null, 1));
        AssertInvalid(new GetShortlistQuery(SomeId, null, 0), "top");
        AssertInvalid(new GetShortlistQuery(SomeId, null, -3, true, 0), "top", "page");
    }

    [Test]
    public void List_filters_are_checked()
    {
        AssertInvalid(new ListEmployeesQuery("12345", null), "nip");
        AssertInvalid(new ListSelectionsQuery(null, (SelectionStatus)9), "status");
        AssertInvalid(new ListCompetenciesQuery((Domain.Competencies.CompetencyCategory)9), "category");
    }
}
