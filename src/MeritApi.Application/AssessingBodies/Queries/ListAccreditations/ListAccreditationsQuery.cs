using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.AssessingBodies.Queries.ListAccreditations;

/// <summary>The administrator's list of accredited assessing bodies, by name, then period.</summary>
public sealed record ListAccreditationsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AccreditationDto>>, IPagedQuery;

internal sealed class ListAccreditationsQueryValidator : AbstractValidator<ListAccreditationsQuery>
{
    public ListAccreditationsQueryValidator() => this.IncludePaging();
}

internal sealed class ListAccreditationsQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListAccreditationsQuery, PagedList<AccreditationDto>>
{
    public async ValueTask<PagedList<AccreditationDto>> Handle(ListAccreditationsQuery query, CancellationToken cancellationToken) =>
        await db.Accreditations.AsNoTracking()
            .OrderBy(a => a.Name).ThenBy(a => a.AccreditedFrom).ThenBy(a => a.Id)
            .Select(a => AccreditationDto.From(a))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
}
