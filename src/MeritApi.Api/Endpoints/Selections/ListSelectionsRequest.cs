using MeritApi.Api.Infrastructure;
using MeritApi.Application.Selections.Queries.ListSelections;
using MeritApi.Domain.Selections;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>The query of <c>GET /api/v1/selections</c>.</summary>
public sealed record ListSelectionsRequest(Guid? PositionId, SelectionStatus? Status, int Page, int PageSize) : IQueryRequest<ListSelectionsRequest>
{
    public static ListSelectionsRequest Read(QueryReader query) =>
        new(query.Id(nameof(PositionId)), query.Enum<SelectionStatus>(nameof(Status)), query.Page(), query.PageSize());

    public ListSelectionsQuery ToQuery() => new(PositionId, Status, Page, PageSize);
}
