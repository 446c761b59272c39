using MeritApi.Api.Infrastructure;
using MeritApi.Application.Competencies.Queries.ListCompetencies;
using MeritApi.Domain.Competencies;

namespace MeritApi.Api.Endpoints.Competencies;

/// <summary>The query of <c>GET /api/v1/competencies</c>.</summary>
public sealed record ListCompetenciesRequest(CompetencyCategory? Category, int Page, int PageSize) : IQueryRequest<ListCompetenciesRequest>
{
    public static ListCompetenciesRequest Read(QueryReader query) =>
        new(query.Enum<CompetencyCategory>(nameof(Category)), query.Page(), query.PageSize());

    public ListCompetenciesQuery ToQuery() => new(Category, Page, PageSize);
}
