using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Development;

namespace MeritApi.Application.DevelopmentPlans.Commands.RecordPlanProgress;

/// <summary>
/// Moves an action of a plan on (in progress, completed, cancelled), optionally naming the recorded activity that carried it
/// out. It never closes a gap: only a later valid assessment does.
/// </summary>
public sealed record RecordPlanProgressCommand(Guid PlanId, Guid ActionId, PlanActionStatus Status, Guid? ActivityId)
    : Command<IndividualDevelopmentPlanDto>, IAuditedCommand
{
    public static string AuditName => "RecordPlanProgress";
}
