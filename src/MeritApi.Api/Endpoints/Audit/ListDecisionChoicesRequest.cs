using MeritApi.Api.Infrastructure;
using MeritApi.Application.Audit.Queries.ListDecisionChoices;
using MeritApi.Domain.Decisions;

namespace MeritApi.Api.Endpoints.Audit;

/// <summary>The query of the auditor's lists of committee choices (merit deviations, reasoned choices).</summary>
public sealed record ListDecisionChoicesRequest(DateTimeOffset? From, DateTimeOffset? To, Guid? PositionId, int Page, int PageSize)
    : IQueryRequest<ListDecisionChoicesRequest>
{
    public static ListDecisionChoicesRequest Read(QueryReader query) => new(query.Instant(nameof(From)), query.Instant(nameof(To)),
        query.Id(nameof(PositionId)), query.Page(), query.PageSize());

    public ListDecisionChoicesQuery ToQuery(ChoiceStanding standing) => new(standing, From, To, PositionId, Page, PageSize);
}
