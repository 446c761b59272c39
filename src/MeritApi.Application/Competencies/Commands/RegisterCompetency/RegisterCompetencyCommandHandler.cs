using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Competencies;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Competencies.Commands.RegisterCompetency;

internal sealed class RegisterCompetencyCommandHandler(IApplicationDbContext db)
    : ICommandHandler<RegisterCompetencyCommand, CompetencyDto>
{
    public async ValueTask<CompetencyDto> Handle(RegisterCompetencyCommand command, CancellationToken cancellationToken)
    {
        if (await db.Competencies.AnyAsync(c => c.Code == command.Code, cancellationToken))
            throw new ConflictException("duplicate-competency", $"Competency '{command.Code}' already exists.");

        var competency = new Competency(command.Code!, command.Name!, command.Category!.Value, command.Description);
        db.Competencies.Add(competency);
        return CompetencyDto.From(competency);
    }
}
