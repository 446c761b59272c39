using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Common;
using MeritApi.Domain.Positions;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Positions.Commands.CreatePosition;

internal sealed class CreatePositionCommandHandler(IApplicationDbContext db, IAuditScope audit) : ICommandHandler<CreatePositionCommand, PositionDto>
{
    public async ValueTask<PositionDto> Handle(CreatePositionCommand command, CancellationToken cancellationToken)
    {
        var code = command.Code.Trim();
        if (await db.Positions.AnyAsync(p => p.Code == code, cancellationToken))
            throw new ConflictException(Rules.DuplicatePosition, $"A position with code '{code}' already exists.");
        await db.EnsureCompetenciesExistAsync("standard", command.Standard, cancellationToken);

        var position = new Position(Guid.CreateVersion7(), code, command.Title, command.Kind,
            command.MinimumGrade, command.Standard.ToDomain());
        db.Positions.Add(position);
        audit.Touch(position.Id);
        return PositionDto.From(position);
    }
}
