using System.ComponentModel.DataAnnotations;
using MeritApi.Api.Infrastructure;
using MeritApi.Application.Selections.Queries.ExportShortlist;
using MeritApi.Application.Selections.Queries.GetShortlist;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>
/// The query of <c>GET /api/v1/selections/{id}/shortlist</c>. <see cref="Format"/> (<c>json</c>, <c>csv</c> or <c>html</c>)
/// overrides the Accept header; the CSV and the HTML page carry every line the filter selects, so paging applies to JSON only.
/// </summary>
public sealed record ShortlistRequest(Guid? RunId, int? Top, bool IncludeIneligible, int Page, int PageSize,
    [AllowedValues(ShortlistRequest.Json, ShortlistRequest.Csv, ShortlistRequest.Html)] string? Format)
    : IQueryRequest<ShortlistRequest>
{
    public const string Json = "json", Csv = "csv", Html = "html";

    public static ShortlistRequest Read(QueryReader query) => new(query.Id(nameof(RunId)), query.Number(nameof(Top)),
        query.Bool(nameof(IncludeIneligible)) ?? false, query.Page(), query.PageSize(), query.OneOf(nameof(Format), Json, Csv, Html));

    public GetShortlistQuery ToQuery(Guid selectionId) => new(selectionId, RunId, Top, IncludeIneligible, Page, PageSize);

    public ExportShortlistQuery ToExport(Guid selectionId) => new(selectionId, RunId, Top, IncludeIneligible);
}
