using Mediator;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;

internal sealed class ReplaceCompetencyStandardCommandHandler(IApplicationDbContext db, IAuditScope audit, IRowVersions versions)
    : ICommandHandler<ReplaceCompetencyStandardCommand, PositionDto>
{
    public async ValueTask<PositionDto> Handle(ReplaceCompetencyStandardCommand command, CancellationToken cancellationToken)
    {
        await versions.EnsureAsync(VersionedResource.Position, command.PositionId, command.IfMatch, cancellationToken);
        var position = await db.Positions.Include(p => p.Standard)
                           .FirstOrDefaultAsync(p => p.Id == command.PositionId, cancellationToken)
                       ?? throw new NotFoundException("Position", command.PositionId);
        await db.EnsureCompetenciesExistAsync("requirements", command.Requirements, cancellationToken);
        position.ReplaceStandard(command.Requirements.ToDomain());
        audit.Touch(position.Id);
        return PositionDto.From(position);
    }
}
