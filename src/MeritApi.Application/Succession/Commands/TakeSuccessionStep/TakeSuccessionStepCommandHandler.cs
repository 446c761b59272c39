using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Succession.Commands.TakeSuccessionStep;

internal sealed class TakeSuccessionStepCommandHandler(IApplicationDbContext db, TimeProvider clock, IRequestContext request, IAuditScope audit)
    : ICommandHandler<TakeSuccessionStepCommand, SuccessionMemberStepDto>
{
    public async ValueTask<SuccessionMemberStepDto> Handle(TakeSuccessionStepCommand command, CancellationToken cancellationToken)
    {
        // The member row carries a concurrency token: two steps racing on one member cannot both pass (the second is a 409).
        var member = await db.SuccessionMembers.FirstOrDefaultAsync(m => m.PoolId == command.PoolId && m.EmployeeId == command.EmployeeId, cancellationToken)
                     ?? (await db.SuccessionPools.AnyAsync(p => p.Id == command.PoolId, cancellationToken)
                         ? throw new NotFoundException("Pool member", command.EmployeeId, $"Employee '{command.EmployeeId}' is not a member of this pool.")
                         : throw new NotFoundException("Succession pool", command.PoolId));
        member.Take(command.Step, command.Accepted, request.Actor, command.Reason, clock.Now());
        audit.Touch(command.PoolId, command.EmployeeId);
        return new SuccessionMemberStepDto(member.PoolId, member.EmployeeId, member.Status, member.Steps);
    }
}
