using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Placement.Queries.ListPlacementPlans;

/// <summary>Plans, newest first; <see cref="WithDepartures"/> true: only those the PPK decided with departures (for auditors).</summary>
public sealed record ListPlacementPlansQuery(bool? WithDepartures, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<PlacementPlanSummaryDto>>, IPagedQuery;

internal sealed class ListPlacementPlansQueryValidator : AbstractValidator<ListPlacementPlansQuery>
{
    public ListPlacementPlansQueryValidator() => this.IncludePaging();
}

internal sealed class ListPlacementPlansQueryHandler(IApplicationDbContext db) : IQueryHandler<ListPlacementPlansQuery, PagedList<PlacementPlanSummaryDto>>
{
    public async ValueTask<PagedList<PlacementPlanSummaryDto>> Handle(ListPlacementPlansQuery query, CancellationToken cancellationToken)
    {
        var plans = db.PlacementPlans.AsNoTracking();
        if (query.WithDepartures is { } departures)
            plans = plans.Where(p => db.PlacementDecisions.Any(d => d.PlanId == p.Id && d.Departures > 0) == departures);
        // The document stays in the database: a list shows headlines only.
        var page = await plans.OrderByDescending(p => p.Sequence)
            .Select(p => new
            {
                p.Id,
                p.Sequence,
                p.PolicyVersion,
                p.ReferenceDate,
                p.MinimumBand,
                p.VacancyCount,
                p.SeatCount,
                p.FilledSeats,
                p.CandidateCount,
                p.TotalMerit,
                p.CreatedAt,
                p.Seal,
                Departures = db.PlacementDecisions.Where(d => d.PlanId == p.Id).Select(d => (int?)d.Departures).FirstOrDefault(),
            })
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<PlacementPlanSummaryDto>([.. page.Items.Select(p => new PlacementPlanSummaryDto(p.Id, p.Sequence, p.PolicyVersion,
            p.ReferenceDate, p.MinimumBand, p.VacancyCount, p.SeatCount, p.FilledSeats, p.CandidateCount, p.TotalMerit, p.CreatedAt, p.Seal,
            p.Departures is not null, p.Departures is { } d ? d > 0 : null))], page.Page, page.PageSize, page.TotalCount);
    }
}
