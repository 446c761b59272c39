using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Common;
using MeritApi.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Placement.Commands.DecidePlacementPlan;

internal sealed class DecidePlacementPlanCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<DecidePlacementPlanCommand, PlacementDecisionDto>
{
    public async ValueTask<PlacementDecisionDto> Handle(DecidePlacementPlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await db.PlacementPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.PlanId, cancellationToken)
                   ?? throw new NotFoundException("Placement plan", command.PlanId);
        // One decision per plan; a second racing the first fails on the unique plan id as a 409 too.
        if (await db.PlacementDecisions.AnyAsync(d => d.PlanId == plan.Id, cancellationToken))
            throw new DomainException(Rules.PlanDecided, "The PPK has already decided on this plan; make a new plan to place again.");
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == plan.PolicyVersion, cancellationToken);
        var decision = PlacementDecision.Decide(Guid.CreateVersion7(), plan, policy, [.. command.Placements.Select(p => (p.PositionId, p.EmployeeId))],
            command.Justification, command.DecidedBy, clock.Now());
        db.PlacementDecisions.Add(decision);
        audit.Touch(plan.Id, decision.Id);
        audit.RecordOutcome(decision.Digest);
        return PlacementDecisionDto.From(decision);
    }
}
