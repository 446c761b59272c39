using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Positions.Queries.ListPositions;

public sealed record ListPositionsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<PositionDto>>, IPagedQuery;

internal sealed class ListPositionsQueryValidator : AbstractValidator<ListPositionsQuery>
{
    public ListPositionsQueryValidator() => this.IncludePaging();
}

internal sealed class ListPositionsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListPositionsQuery, PagedList<PositionDto>>
{
    public async ValueTask<PagedList<PositionDto>> Handle(ListPositionsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.Positions.AsNoTracking().Include(p => p.Standard).OrderBy(p => p.Code)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page.Map(PositionDto.From);
    }
}
