using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Commands.OpenSelection;

internal sealed class OpenSelectionCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<OpenSelectionCommand, SelectionDto>
{
    public async ValueTask<SelectionDto> Handle(OpenSelectionCommand command, CancellationToken cancellationToken)
    {
        var positionId = command.PositionId;
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
            command.LatestPerformanceYear ?? Selection.DefaultLatestPerformanceYear(now), command.Reference, now);
        db.Selections.Add(selection);
        audit.Touch(selection.Id, positionId);
        return SelectionDto.From(selection);
    }
}
