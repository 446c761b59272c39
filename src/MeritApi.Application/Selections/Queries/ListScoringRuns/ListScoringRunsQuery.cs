using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.ListScoringRuns;

/// <summary>A selection's scoring runs, latest first.</summary>
public sealed record ListScoringRunsQuery(Guid SelectionId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ScoringRunDto>>, IPagedQuery;

internal sealed class ListScoringRunsQueryValidator : AbstractValidator<ListScoringRunsQuery>
{
    public ListScoringRunsQueryValidator() => this.IncludePaging();
}

internal sealed class ListScoringRunsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListScoringRunsQuery, PagedList<ScoringRunDto>>
{
    public async ValueTask<PagedList<ScoringRunDto>> Handle(ListScoringRunsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Selections.AnyAsync(s => s.Id == query.SelectionId, cancellationToken))
            throw new NotFoundException("Selection", query.SelectionId);
        var page = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.SelectionId == query.SelectionId)
            .OrderByDescending(r => r.Sequence)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page.Map(ScoringRunDto.From);
    }
}
