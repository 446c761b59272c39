using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Placement.Queries.GetPlacementPlan;

public sealed record GetPlacementPlanQuery(Guid PlanId) : IQuery<PlacementPlanDto>;

internal sealed class GetPlacementPlanQueryHandler(IApplicationDbContext db) : IQueryHandler<GetPlacementPlanQuery, PlacementPlanDto>
{
    public async ValueTask<PlacementPlanDto> Handle(GetPlacementPlanQuery query, CancellationToken cancellationToken)
    {
        var plan = await db.PlacementPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PlanId, cancellationToken)
                   ?? throw new NotFoundException("Placement plan", query.PlanId);
        var decision = await db.PlacementDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == plan.Id, cancellationToken);
        return new PlacementPlanDto(PlacementPlanSummaryDto.From(plan, decision), plan.Document);
    }
}
