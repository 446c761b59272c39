using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Placement.Commands.DecidePlacementPlan;

public sealed record PlacementChoice(Guid PositionId, Guid EmployeeId);

/// <summary>Records the PPK's decision on plan <see cref="PlanId"/>: every placement it makes, and why it departs, if it does.</summary>
public sealed record DecidePlacementPlanCommand(Guid PlanId, IReadOnlyList<PlacementChoice> Placements, string? Justification, string DecidedBy)
    : Command<PlacementDecisionDto>, IAuditedCommand
{
    public static string AuditName => "DecidePlacementPlan";
}
