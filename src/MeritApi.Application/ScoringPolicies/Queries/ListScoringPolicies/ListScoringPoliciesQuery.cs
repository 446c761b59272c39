using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.ScoringPolicies.Queries.ListScoringPolicies;

public sealed record ListScoringPoliciesQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ScoringPolicyDto>>, IPagedQuery;

internal sealed class ListScoringPoliciesQueryValidator : AbstractValidator<ListScoringPoliciesQuery>
{
    public ListScoringPoliciesQueryValidator() => this.IncludePaging();
}

internal sealed class ListScoringPoliciesQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListScoringPoliciesQuery, PagedList<ScoringPolicyDto>>
{
    public async ValueTask<PagedList<ScoringPolicyDto>> Handle(ListScoringPoliciesQuery query, CancellationToken cancellationToken)
    {
        var page = await db.ScoringPolicies.AsNoTracking().OrderByDescending(p => p.Version)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page.Map(ScoringPolicyDto.From);
    }
}
