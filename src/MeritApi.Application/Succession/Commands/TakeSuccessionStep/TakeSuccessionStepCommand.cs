using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Succession;

namespace MeritApi.Application.Succession.Commands.TakeSuccessionStep;

/// <summary>Nominates, verifies or approves one member of a pool (<see cref="Accepted"/> false: refuses them), with a reason.</summary>
public sealed record TakeSuccessionStepCommand(Guid PoolId, Guid EmployeeId, SuccessionStep Step, bool Accepted, string Reason)
    : Command<SuccessionMemberStepDto>, IAuditedCommand
{
    public static string AuditName => "TakeSuccessionStep";
}

public sealed record SuccessionMemberStepDto(Guid PoolId, Guid EmployeeId, MemberStatus Status, IReadOnlyList<MemberStepRecord> Steps);
