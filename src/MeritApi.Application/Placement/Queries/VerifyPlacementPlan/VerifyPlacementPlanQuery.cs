using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Placement.Queries.VerifyPlacementPlan;

/// <summary>
/// Whether a stored plan holds: its seal (the stored column, the one in its document, and recomputed over the document); the
/// plan re-run from the evidence its document records under the policy it names, seat by seat; the audit trail's digest of
/// the plan; and, if decided, the decision's digest.
/// </summary>
public sealed record PlacementPlanVerificationDto(Guid PlanId, string Status, string StoredSeal, string RecomputedSeal, string RebuiltSeal,
    string? RecordedInAuditTrail, bool SealMatches, bool RebuildMatches, IReadOnlyList<string> Differences, bool? DecisionDigestMatches);

public sealed record VerifyPlacementPlanQuery(Guid PlanId) : IQuery<PlacementPlanVerificationDto>;

internal sealed class VerifyPlacementPlanQueryHandler(IApplicationDbContext db, IAssignmentSolver solver)
    : IQueryHandler<VerifyPlacementPlanQuery, PlacementPlanVerificationDto>
{
    public async ValueTask<PlacementPlanVerificationDto> Handle(VerifyPlacementPlanQuery query, CancellationToken cancellationToken)
    {
        var plan = await db.PlacementPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PlanId, cancellationToken)
                   ?? throw new NotFoundException("Placement plan", query.PlanId);
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == plan.PolicyVersion, cancellationToken);
        var document = plan.Document;
        var recomputed = PlacementPlan.ComputeSeal(document);
        var rebuilt = PlacementPlan.Rebuild(document, policy, solver);

        var differences = new List<string>();
        foreach (var (stored, again) in document.Vacancies.Zip(rebuilt.Vacancies))
            foreach (var (a, b) in stored.Seats.Zip(again.Seats))
                if (a != b)
                    differences.Add($"{stored.PositionCode} seat {a.Seat}: stored {a.EmployeeId?.ToString() ?? "unfilled"} ({a.MeritScore}), " +
                                    $"re-run {b.EmployeeId?.ToString() ?? "unfilled"} ({b.MeritScore})");
        if (document.TotalMerit != rebuilt.TotalMerit)
            differences.Add($"total merit: stored {document.TotalMerit}, re-run {rebuilt.TotalMerit}");
        if (differences.Count == 0 && rebuilt.Seal != recomputed)
            differences.Add("the re-run's document differs from the stored one outside the seats (alternates, outcomes or refusals)");

        var audited = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Command == Commands.MakePlacementPlan.MakePlacementPlanCommand.AuditName && e.TouchedIds.Contains(plan.Id))
            .Select(e => e.OutcomeDigest).FirstOrDefaultAsync(cancellationToken);
        var decision = await db.PlacementDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.PlanId == plan.Id, cancellationToken);
        bool? decisionHolds = decision is null ? null : decision.ComputeDigest(recomputed) == decision.Digest;

        var sealMatches = plan.Seal == document.Seal && document.Seal == recomputed && audited == recomputed;
        var rebuildMatches = differences.Count == 0;
        var holds = sealMatches && rebuildMatches && decisionHolds != false;
        return new PlacementPlanVerificationDto(plan.Id, holds ? "match" : "mismatch", plan.Seal, recomputed, rebuilt.Seal!, audited, sealMatches,
            rebuildMatches, differences, decisionHolds);
    }
}
