using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Succession;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Succession.Queries.GetSuccessionPool;

/// <summary>
/// A pool with its members: who, their box and readiness, their steps, and — read now, not stored — whether a later mapping
/// run put them below box 7 (or did not place them), and how their gaps become a development plan.
/// </summary>
public sealed record GetSuccessionPoolQuery(Guid PoolId) : IQuery<SuccessionPoolDto>;

internal sealed class GetSuccessionPoolQueryHandler(IApplicationDbContext db) : IQueryHandler<GetSuccessionPoolQuery, SuccessionPoolDto>
{
    public async ValueTask<SuccessionPoolDto> Handle(GetSuccessionPoolQuery query, CancellationToken cancellationToken)
    {
        var pool = await db.SuccessionPools.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == query.PoolId, cancellationToken)
                   ?? throw new NotFoundException("Succession pool", query.PoolId);
        var ids = pool.Members.Select(m => m.EmployeeId).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Nip, e.Name, e.Unit })
            .ToDictionaryAsync(e => e.Id, cancellationToken);

        // Per member, the latest later run that covered them: where it put them, or that it could not place them.
        var placed = await db.MappingPlacements.AsNoTracking().Where(p => ids.Contains(p.EmployeeId))
            .Join(db.TalentMappingRuns.Where(r => r.Sequence > pool.MappingRunSequence), p => p.MappingRunId, r => r.Id,
                (p, r) => new { p.EmployeeId, RunId = r.Id, r.Sequence, Box = (int?)p.TalentBox })
            .ToListAsync(cancellationToken);
        var unplaced = await db.MappingExclusions.AsNoTracking().Where(x => ids.Contains(x.EmployeeId))
            .Join(db.TalentMappingRuns.Where(r => r.Sequence > pool.MappingRunSequence), x => x.MappingRunId, r => r.Id,
                (x, r) => new { x.EmployeeId, RunId = r.Id, r.Sequence, Box = (int?)null })
            .ToListAsync(cancellationToken);
        var review = placed.Concat(unplaced).GroupBy(x => x.EmployeeId).Select(g => g.MaxBy(x => x.Sequence)!)
            .Where(x => x.Box is null || x.Box < SuccessionPool.MinimumBox)
            .ToDictionary(x => x.EmployeeId, x => new ReviewFlag(x.RunId, x.Sequence, x.Box, x.Box is { } box
                ? $"Mapping run {x.Sequence} puts them in box {box}, below {SuccessionPool.MinimumBox}: review their membership."
                : $"Mapping run {x.Sequence} could not place them (see its unplaced list): review their membership."));

        var plans = (await db.DevelopmentPlans.AsNoTracking().Where(p => ids.Contains(p.EmployeeId) && p.TargetPosition && p.PositionId == pool.TargetPositionId)
            .Select(p => new { p.EmployeeId, p.Id }).ToListAsync(cancellationToken)).ToLookup(p => p.EmployeeId, p => p.Id);

        var members = pool.Members.OrderBy(m => m.Readiness).ThenByDescending(m => m.TargetJpm).ThenByDescending(m => m.TalentBox).ThenBy(m => m.EmployeeId)
            .Select(m =>
            {
                var who = people[m.EmployeeId];
                var offer = m.Readiness == Readiness.ReadyAfterDevelopment
                    ? new DevelopmentOffer("POST", $"/api/v1/employees/{m.EmployeeId}/development-plans", pool.TargetPositionId, [.. plans[m.EmployeeId]])
                    : null;
                return new SuccessionMemberDto(m.EmployeeId, who.Nip.ToString(), who.Name, who.Unit, m.TalentBox, m.MappingTotal, m.TargetJpm, m.Readiness,
                    m.Gaps, m.EligibleForTarget, m.IneligibilityReasons, m.Status, m.Steps, review.GetValueOrDefault(m.EmployeeId), offer);
            }).ToList();
        return new SuccessionPoolDto(SuccessionPoolSummaryDto.From(pool), members);
    }
}
