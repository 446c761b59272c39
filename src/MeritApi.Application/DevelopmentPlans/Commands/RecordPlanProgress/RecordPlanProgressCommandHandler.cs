using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentPlans.Commands.RecordPlanProgress;

internal sealed class RecordPlanProgressCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<RecordPlanProgressCommand, IndividualDevelopmentPlanDto>
{
    public async ValueTask<IndividualDevelopmentPlanDto> Handle(RecordPlanProgressCommand command, CancellationToken cancellationToken)
    {
        var plan = await db.DevelopmentPlans.FirstOrDefaultAsync(p => p.Id == command.PlanId, cancellationToken)
                   ?? throw new NotFoundException("Development plan", command.PlanId);
        if (plan.Actions.All(a => a.Id != command.ActionId))
            throw new NotFoundException("Plan action", command.ActionId);
        if (command.ActivityId is { } activityId
            && !await db.DevelopmentActivities.AnyAsync(a => a.Id == activityId && a.EmployeeId == plan.EmployeeId, cancellationToken))
            throw RequestValidation.Failure("activityId", $"No development activity '{activityId}' of this employee is recorded.");
        plan.Progress(command.ActionId, command.Status, command.ActivityId);
        audit.Touch(plan.EmployeeId, plan.Id, command.ActionId);
        return (await PlanViews.ViewAsync(db, clock, [plan], cancellationToken))[0];
    }
}
