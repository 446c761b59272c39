using MeritApi.Api.Infrastructure;
using MeritApi.Application.Audit.Queries.ListAuditEntries;

namespace MeritApi.Api.Endpoints.Audit;

/// <summary>The query of <c>GET /api/v1/audit/entries</c>.</summary>
public sealed record ListAuditEntriesRequest(Guid? SelectionId, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
    : IQueryRequest<ListAuditEntriesRequest>
{
    public static ListAuditEntriesRequest Read(QueryReader query) => new(query.Id(nameof(SelectionId)), query.Text(nameof(Actor)),
        query.Instant(nameof(From)), query.Instant(nameof(To)), query.Page(), query.PageSize());

    public ListAuditEntriesQuery ToQuery() => new(SelectionId, Actor, From, To, Page, PageSize);
}
