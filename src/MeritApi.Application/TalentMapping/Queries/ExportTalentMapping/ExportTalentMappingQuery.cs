using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Queries.ExportTalentMapping;

/// <summary>A run and every placement of it (or of one unit), streamed by NIP: the upload file and the nine-box picture.</summary>
public sealed record TalentMappingExport(TalentMappingRunDto Run, string? Unit, IAsyncEnumerable<MappingPlacementDto> Placements);

public sealed record ExportTalentMappingQuery(Guid RunId, string? Unit) : IQuery<TalentMappingExport>;

internal sealed class ExportTalentMappingQueryValidator : AbstractValidator<ExportTalentMappingQuery>
{
    public ExportTalentMappingQueryValidator() => RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
}

internal sealed class ExportTalentMappingQueryHandler(IApplicationDbContext db) : IQueryHandler<ExportTalentMappingQuery, TalentMappingExport>
{
    public async ValueTask<TalentMappingExport> Handle(ExportTalentMappingQuery query, CancellationToken cancellationToken)
    {
        var run = await db.TalentMappingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RunId, cancellationToken)
                  ?? throw new NotFoundException("Talent-mapping run", query.RunId);
        var rows = PlacementRow.Of(db, run.Id, query.Unit).OrderBy(p => p.Nip).AsAsyncEnumerable().Select(p => p.ToDto());
        return new TalentMappingExport(TalentMappingRunDto.From(run), query.Unit, rows);
    }
}
