using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Common;
using MeritApi.Domain.Competencies;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Competencies.Commands.RegisterCompetency;

internal sealed class RegisterCompetencyCommandHandler(IApplicationDbContext db, IRequestContext request, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<RegisterCompetencyCommand, CompetencyDto>
{
    public async ValueTask<CompetencyDto> Handle(RegisterCompetencyCommand command, CancellationToken cancellationToken)
    {
        if (await db.Competencies.AnyAsync(c => c.Code == command.Code, cancellationToken))
            throw new ConflictException(Rules.DuplicateCompetency, $"Competency '{command.Code}' already exists.");

        VocabularyJustification? justification = null;
        if (command.Justification is not null)
        {
            if (!request.IsAdministrator)
                throw new ForbiddenException("Only an administrator may register a competency with a justification for non-merit vocabulary.");
            justification = new VocabularyJustification(command.Justification, request.Actor, clock.Now());
        }
        var competency = new Competency(command.Code, command.Name, command.Category, command.Description, justification);
        db.Competencies.Add(competency);
        audit.Touch(AuditIds.ForCompetency(competency.Code));
        return CompetencyDto.From(competency);
    }
}
