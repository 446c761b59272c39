using MeritApi.Application.AssessingBodies;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentNeeds;

/// <summary>
/// What an inventory is judged by, stated in its answer: the day (default today), and the assessment validity rule of the
/// newest policy that has one (the rule a selection opened that day would apply), with the accredited bodies when it asks
/// for them. Without any such policy, the statutory three years (Peraturan BKN 26/2019 Art. 29(4)).
/// </summary>
public sealed record InventoryBasis(DateOnly AsOf, int ValidityYears, bool AccreditedBodiesOnly, int? PolicyVersion, Guid? TargetPositionId)
{
    internal static async Task<(InventoryBasis Basis, AssessmentScreen Screen)> ForAsync(IApplicationDbContext db, DateOnly asOf,
        Guid? targetPositionId, CancellationToken cancellationToken)
    {
        if (targetPositionId is { } target && !await db.Positions.AnyAsync(p => p.Id == target, cancellationToken))
            throw new NotFoundException("Position", target);
        var policy = await db.ScoringPolicies.AsNoTracking().Where(p => p.AssessmentValidityYears != null)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        var rule = policy?.AssessmentValidity ?? new AssessmentValidityRule(AssessmentValidityRule.DefaultValidityYears, accreditedBodiesOnly: false);
        var accredited = await db.AccreditedBodiesAsync(rule.AccreditedBodiesOnly, cancellationToken);
        return (new InventoryBasis(asOf, rule.ValidityYears, rule.AccreditedBodiesOnly, policy?.Version, targetPositionId),
            new AssessmentScreen(rule, asOf, accredited));
    }
}
