using MeritApi.Application.Competencies.Queries.ListCompetencies;
using MeritApi.Application.Employees.Queries.ListEmployees;
using MeritApi.Application.Positions.Queries.ListPositions;
using MeritApi.Application.ScoringPolicies.Queries.ListScoringPolicies;
using MeritApi.Application.Selections.Queries.GetShortlist;
using MeritApi.Application.Selections.Queries.ListCandidates;
using MeritApi.Application.Selections.Queries.ListScoringRuns;
using MeritApi.Application.Selections.Queries.ListSelections;
using MeritApi.Application.Tests.Support;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Tests.Common.Validation;

public sealed class PagedQueryValidatorTests : ApplicationValidatorFixture
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
