using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.ListSelections;

/// <summary>Selections, newest first, optionally of one position or in one status.</summary>
public sealed record ListSelectionsQuery(Guid? PositionId, SelectionStatus? Status, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<SelectionDto>>, IPagedQuery;

internal sealed class ListSelectionsQueryValidator : AbstractValidator<ListSelectionsQuery>
{
    public ListSelectionsQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListSelectionsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListSelectionsQuery, PagedList<SelectionDto>>
{
    public async ValueTask<PagedList<SelectionDto>> Handle(ListSelectionsQuery query, CancellationToken cancellationToken) =>
        await db.Selections.AsNoTracking()
            .Where(s => query.PositionId == null || s.PositionId == query.PositionId)
            .Where(s => query.Status == null || s.Status == query.Status)
            .OrderByDescending(s => s.OpenedAt).ThenBy(s => s.Id)
            .Select(s => new SelectionDto(s.Id, s.PositionId, s.Kind, s.Places, s.PolicyVersion, s.LatestPerformanceYear, s.Reference,
                s.Status, s.OpenedAt, s.CandidateCount, s.ScoringRunCount, s.IdentitiesRevealedAt, s.SuccessionPoolId))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
}
