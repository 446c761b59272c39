using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Commands.RevealIdentities;

/// <summary>
/// The committee lifts blind review once it has the ranking: shortlists then show names. An audited command like
/// any other, so the trail shows who saw identities and when.
/// </summary>
public sealed record RevealIdentitiesCommand(Guid SelectionId) : Command<SelectionDto>, IAuditedCommand
{
    public static string AuditName => "RevealIdentities";
}

internal sealed class RevealIdentitiesCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<RevealIdentitiesCommand, SelectionDto>
{
    public async ValueTask<SelectionDto> Handle(RevealIdentitiesCommand command, CancellationToken cancellationToken)
    {
        var selection = await db.Selections.FirstOrDefaultAsync(s => s.Id == command.SelectionId, cancellationToken)
                        ?? throw new NotFoundException("Selection", command.SelectionId);
        selection.RevealIdentities(clock.Now());
        audit.Touch(selection.Id);
        return SelectionDto.From(selection);
    }
}
