using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentPlans.Queries.GetIndividualDevelopmentPlan;

/// <summary>One plan as it stands today: open and closed gaps, actions, the nine-box follow-up.</summary>
public sealed record GetIndividualDevelopmentPlanQuery(Guid PlanId) : IQuery<IndividualDevelopmentPlanDto>;

internal sealed class GetIndividualDevelopmentPlanQueryHandler(IApplicationDbContext db, TimeProvider clock)
    : IQueryHandler<GetIndividualDevelopmentPlanQuery, IndividualDevelopmentPlanDto>
{
    public async ValueTask<IndividualDevelopmentPlanDto> Handle(GetIndividualDevelopmentPlanQuery query, CancellationToken cancellationToken)
    {
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PlanId, cancellationToken)
                   ?? throw new NotFoundException("Development plan", query.PlanId);
        return (await PlanViews.ViewAsync(db, clock, [plan], cancellationToken))[0];
    }
}
