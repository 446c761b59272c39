using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Endpoints;

/// <summary>The query of a read that only pages: <c>?page=&amp;pageSize=</c>.</summary>
public sealed record PageRequest(int Page, int PageSize) : IQueryRequest<PageRequest>
{
    public static PageRequest Read(QueryReader query) => new(query.Page(), query.PageSize());
}
