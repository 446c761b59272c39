using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.AssessingBodies;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.AssessingBodies.Commands.RegisterAccreditation;

internal sealed class RegisterAccreditationCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<RegisterAccreditationCommand, AccreditationDto>
{
    public async ValueTask<AccreditationDto> Handle(RegisterAccreditationCommand command, CancellationToken cancellationToken)
    {
        var accreditation = new Accreditation(Guid.CreateVersion7(), command.Name, command.AccreditedFrom, command.AccreditedUntil, clock.Now());
        // The list is an administrator's few dozen bodies: read whole, and the domain picks the same body as people write it.
        // The unique index on the lower-cased name and start date stops two racing registrations.
        accreditation.EnsureNoOverlapWith(await db.Accreditations.AsNoTracking().ToListAsync(cancellationToken));
        db.Accreditations.Add(accreditation);
        audit.Touch(accreditation.Id);
        return AccreditationDto.From(accreditation);
    }
}
