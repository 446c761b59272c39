using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Queries.GetTalentMappingRun;

/// <summary>A run with its distribution: how many in each box, and per unit how many placed, unplaced and in each box.</summary>
public sealed record GetTalentMappingRunQuery(Guid RunId) : IQuery<TalentMappingRunDistributionDto>;

internal sealed class GetTalentMappingRunQueryHandler(IApplicationDbContext db) : IQueryHandler<GetTalentMappingRunQuery, TalentMappingRunDistributionDto>
{
    public async ValueTask<TalentMappingRunDistributionDto> Handle(GetTalentMappingRunQuery query, CancellationToken cancellationToken)
    {
        var run = await db.TalentMappingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RunId, cancellationToken)
                  ?? throw new NotFoundException("Talent-mapping run", query.RunId);
        // Two grouped queries: the database counts, the API only arranges.
        var placed = await db.MappingPlacements.AsNoTracking().Where(p => p.MappingRunId == run.Id)
            .GroupBy(p => new { p.Unit, p.TalentBox }).Select(g => new { g.Key.Unit, g.Key.TalentBox, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var unplaced = await db.MappingExclusions.AsNoTracking().Where(e => e.MappingRunId == run.Id)
            .GroupBy(e => e.Unit).Select(g => new { Unit = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Unit, g => g.Count, cancellationToken);

        var boxes = BoxCount.AllBoxes(placed.GroupBy(p => p.TalentBox).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)));
        var byUnit = placed.Select(p => p.Unit).Concat(unplaced.Keys).Distinct().Order(StringComparer.Ordinal).Select(unit =>
        {
            var counts = placed.Where(p => p.Unit == unit).ToDictionary(p => p.TalentBox, p => p.Count);
            return new UnitDistribution(unit, counts.Values.Sum(), unplaced.GetValueOrDefault(unit),
                counts.Where(c => TalentBox.IsInTalentPool(c.Key)).Sum(c => c.Value), BoxCount.AllBoxes(counts));
        }).ToList();
        return new TalentMappingRunDistributionDto(TalentMappingRunDto.From(run), boxes, byUnit);
    }
}
