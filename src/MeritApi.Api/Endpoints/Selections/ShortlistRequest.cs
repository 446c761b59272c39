using MeritApi.Api.Infrastructure;
using MeritApi.Application.Selections.Queries.GetShortlist;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>The query of <c>GET /api/v1/selections/{id}/shortlist</c>; <see cref="Format"/> <c>csv</c> asks for the CSV.</summary>
public sealed record ShortlistRequest(Guid? RunId, int? Top, bool IncludeIneligible, int Page, int PageSize, string? Format)
    : IQueryRequest<ShortlistRequest>
{
    public static ShortlistRequest Read(QueryReader query) => new(query.Id(nameof(RunId)), query.Number(nameof(Top)),
        query.Bool(nameof(IncludeIneligible)) ?? false, query.Page(), query.PageSize(), query.Text(nameof(Format)));

    public GetShortlistQuery ToQuery(Guid selectionId) => new(selectionId, RunId, Top, IncludeIneligible, Page, PageSize);
}
