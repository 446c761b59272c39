using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Development;

namespace MeritApi.Application.DevelopmentPlans.Commands.CreateDevelopmentPlan;

/// <summary>
/// Makes an individual development plan from the inventory's gaps of one employee, against the position they hold or
/// <see cref="TargetPositionId"/>, with actions that each address one of those gaps.
/// </summary>
public sealed record CreateDevelopmentPlanCommand(Guid EmployeeId, Guid? TargetPositionId, IReadOnlyList<PlanActionInput> Actions)
    : Command<IndividualDevelopmentPlanDto>, IAuditedCommand
{
    public static string AuditName => "CreateDevelopmentPlan";
}

public sealed record PlanActionInput(string CompetencyCode, DevelopmentForm Form, string Title, DateOnly TargetDate);
