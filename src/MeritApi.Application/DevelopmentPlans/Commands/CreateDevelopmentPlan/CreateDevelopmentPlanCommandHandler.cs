using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.DevelopmentNeeds;
using MeritApi.Domain.Development;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentPlans.Commands.CreateDevelopmentPlan;

internal sealed class CreateDevelopmentPlanCommandHandler(IApplicationDbContext db, IDevelopmentEvidenceReader reader, TimeProvider clock,
    IAuditScope audit) : ICommandHandler<CreateDevelopmentPlanCommand, IndividualDevelopmentPlanDto>
{
    public async ValueTask<IndividualDevelopmentPlanDto> Handle(CreateDevelopmentPlanCommand command, CancellationToken cancellationToken)
    {
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EmployeeId, cancellationToken)
                       ?? throw new NotFoundException("Employee", command.EmployeeId);
        if (command.TargetPositionId is null && employee.CurrentPositionId is null)
            throw RequestValidation.Failure("targetPositionId", "The employee holds no recorded position: name the position the plan prepares for.");
        if (command.TargetPositionId is { } target && !await db.Positions.AnyAsync(p => p.Id == target, cancellationToken))
            throw RequestValidation.Failure("targetPositionId", $"No position '{target}' is registered.");

        // The same gaps the inventory shows for this employee today.
        var today = clock.Today();
        // The target was checked above (a 400 naming the field); the basis need not look it up again.
        var (_, screen) = await InventoryBasis.ForAsync(db, today, targetPositionId: null, cancellationToken);
        var evidence = await reader.ReadAsync(new DevelopmentScope(null, employee.Id, command.TargetPositionId), cancellationToken)
            .FirstOrDefaultAsync(cancellationToken);
        var needs = evidence is null ? [] : NeedsInventory.Of(evidence.Standard, screen);

        var plan = new IndividualDevelopmentPlan(Guid.CreateVersion7(), employee.Id, command.TargetPositionId ?? employee.CurrentPositionId!.Value,
            command.TargetPositionId is not null, today, needs, clock.Now());
        for (var i = 0; i < command.Actions.Count; i++)
        {
            var a = command.Actions[i];
            plan.AddAction(Guid.CreateVersion7(), a.CompetencyCode, a.Form, a.Title, a.TargetDate, $"actions[{i}]");
        }
        db.DevelopmentPlans.Add(plan);
        audit.Touch(employee.Id, plan.Id);
        return (await PlanViews.ViewAsync(db, clock, [plan], cancellationToken))[0];
    }
}
