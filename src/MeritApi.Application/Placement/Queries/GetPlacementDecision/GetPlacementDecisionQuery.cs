using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Placement.Queries.GetPlacementDecision;

public sealed record GetPlacementDecisionQuery(Guid PlanId) : IQuery<PlacementDecisionDto>;

internal sealed class GetPlacementDecisionQueryHandler(IApplicationDbContext db) : IQueryHandler<GetPlacementDecisionQuery, PlacementDecisionDto>
{
    public async ValueTask<PlacementDecisionDto> Handle(GetPlacementDecisionQuery query, CancellationToken cancellationToken)
    {
        if (!await db.PlacementPlans.AnyAsync(p => p.Id == query.PlanId, cancellationToken))
            throw new NotFoundException("Placement plan", query.PlanId);
        var decision = await db.PlacementDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == query.PlanId, cancellationToken)
                       ?? throw new NotFoundException("Decision on placement plan", query.PlanId);
        return PlacementDecisionDto.From(decision);
    }
}
