using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Queries.ListMappingPlacements;

/// <summary>The placements of a run, optionally of one unit or one box, by box (9 first), then total, then NIP.</summary>
public sealed record ListMappingPlacementsQuery(Guid RunId, string? Unit, int? Box, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<MappingPlacementDto>>, IPagedQuery;

internal sealed class ListMappingPlacementsQueryValidator : AbstractValidator<ListMappingPlacementsQuery>
{
    public ListMappingPlacementsQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
        RuleFor(q => q.Box).InclusiveBetween(1, 9);
    }
}

internal sealed class ListMappingPlacementsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListMappingPlacementsQuery, PagedList<MappingPlacementDto>>
{
    public async ValueTask<PagedList<MappingPlacementDto>> Handle(ListMappingPlacementsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.TalentMappingRuns.AnyAsync(r => r.Id == query.RunId, cancellationToken))
            throw new NotFoundException("Talent-mapping run", query.RunId);
        var rows = PlacementRow.Of(db, query.RunId, query.Unit).Where(p => query.Box == null || p.TalentBox == query.Box)
            .OrderByDescending(p => p.TalentBox).ThenByDescending(p => p.Total).ThenBy(p => p.Nip);
        var page = await rows.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<MappingPlacementDto>([.. page.Items.Select(p => p.ToDto())], page.Page, page.PageSize, page.TotalCount);
    }
}
