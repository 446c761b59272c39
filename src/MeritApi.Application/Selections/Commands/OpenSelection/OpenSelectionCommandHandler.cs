using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Common;
using MeritApi.Domain.Selections;
using MeritApi.Domain.Succession;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Commands.OpenSelection;

internal sealed class OpenSelectionCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<OpenSelectionCommand, SelectionDto>
{
    public async ValueTask<SelectionDto> Handle(OpenSelectionCommand command, CancellationToken cancellationToken)
    {
        SuccessionPool? pool = null;
        if (command.SuccessionPoolId is { } poolId)
        {
            pool = await db.SuccessionPools.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == poolId, cancellationToken)
                   ?? throw new NotFoundException("Succession pool", poolId);
            if (command.PositionId is { } asked && asked != pool.TargetPositionId)
                throw RequestValidation.Failure("positionId", $"The pool is for position {pool.TargetPositionCode}; leave 'positionId' out or name it.");
            if (pool.ApprovedMembers().Count == 0)
                throw new DomainException(Rules.NoApprovedMembers, "The pool has no approved member to enrol: a selection from it would have no candidate.");
        }
        var positionId = pool?.TargetPositionId ?? command.PositionId!.Value;
        if (!await db.Positions.AnyAsync(p => p.Id == positionId, cancellationToken))
            throw new NotFoundException("Position", positionId);

        int policyVersion;
        if (command.PolicyVersion is { } requested)
        {
            if (!await db.ScoringPolicies.AnyAsync(p => p.Version == requested, cancellationToken))
                throw new NotFoundException("Scoring policy version", requested);
            policyVersion = requested;
        }
        else
        {
            policyVersion = await db.ScoringPolicies.MaxAsync(p => p.Version, cancellationToken);
        }

        var now = clock.Now();
        var selection = new Selection(Guid.CreateVersion7(), positionId, command.Kind, command.Places ?? 1, policyVersion,
            command.LatestPerformanceYear ?? Selection.DefaultLatestPerformanceYear(now), command.Reference, now, pool?.Id);
        db.Selections.Add(selection);
        audit.Touch(selection.Id, positionId);
        if (pool is not null)
        {
            var candidates = pool.ApprovedMembers().Select(id => selection.Enrol(Guid.CreateVersion7(), id, now)).ToList();
            db.Candidates.AddRange(candidates);
            audit.Touch([pool.Id, .. candidates.Select(c => c.Id)]);
        }
        return SelectionDto.From(selection);
    }
}
