using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Queries.GetMappingPlacement;

/// <summary>One employee's place in a run, with the sealed rationale that explains it.</summary>
public sealed record GetMappingPlacementQuery(Guid RunId, Guid EmployeeId) : IQuery<MappingPlacementDetailDto>;

internal sealed class GetMappingPlacementQueryHandler(IApplicationDbContext db) : IQueryHandler<GetMappingPlacementQuery, MappingPlacementDetailDto>
{
    public async ValueTask<MappingPlacementDetailDto> Handle(GetMappingPlacementQuery query, CancellationToken cancellationToken)
    {
        var found = await (from x in db.MappingPlacements.AsNoTracking()
                           join e in db.Employees.AsNoTracking() on x.EmployeeId equals e.Id
                           where x.MappingRunId == query.RunId && x.EmployeeId == query.EmployeeId
                           select new { Placement = x, e.Nip, e.Name }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Placement", $"{query.RunId}/{query.EmployeeId}",
                        "The employee has no placement in this run (not in its population, or listed as unplaced).");
        var p = found.Placement;
        return new MappingPlacementDetailDto(new MappingPlacementDto(p.EmployeeId, found.Nip.Value, found.Name, p.Unit, p.PositionId, p.PositionCode,
            p.Jpm, p.JpmBand, p.PerformanceScore, p.Total, p.TalentBox, p.InTalentPool), p.Rationale);
    }
}
