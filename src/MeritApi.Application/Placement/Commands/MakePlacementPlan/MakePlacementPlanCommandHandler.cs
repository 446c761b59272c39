using Mediator;
using MeritApi.Application.AssessingBodies;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Employees;
using MeritApi.Application.ScoringPolicies;
using MeritApi.Domain.Placement;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Placement.Commands.MakePlacementPlan;

internal sealed class MakePlacementPlanCommandHandler(IApplicationDbContext db, IAssignmentSolver solver, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<MakePlacementPlanCommand, PlacementPlanSummaryDto>
{
    public async ValueTask<PlacementPlanSummaryDto> Handle(MakePlacementPlanCommand command, CancellationToken cancellationToken)
    {
        var (policy, referenceDate, latestYear) = await JudgingBasis.ResolveAsync(db, clock, command.PolicyVersion, command.ReferenceDate,
            command.LatestPerformanceYear, cancellationToken);

        var positionIds = command.Vacancies.Select(v => v.PositionId).ToList();
        var positions = await db.Positions.AsNoTracking().Include(p => p.Standard).Where(p => positionIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var vacancies = new List<Vacancy>();
        for (var i = 0; i < command.Vacancies.Count; i++)
        {
            var v = command.Vacancies[i];
            if (!positions.TryGetValue(v.PositionId, out var position))
                throw RequestValidation.Failure($"vacancies[{i}].positionId", $"No position {v.PositionId} is recorded.");
            if (position.Standard.Count == 0)
                throw RequestValidation.Failure($"vacancies[{i}].positionId", $"Position {position.Code} has no competency standard to score against.");
            vacancies.Add(new Vacancy(position.Id, position.Code, v.Places, position.StandardInCodeOrder(), position.MinimumGrade));
        }

        var ids = command.EmployeeIds;
        var known = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < ids.Count; i++)
            if (!known.Contains(ids[i]))
                throw RequestValidation.Failure($"employeeIds[{i}]", $"No employee {ids[i]} is recorded.");
        for (var i = 0; i < command.Conflicts.Count; i++)
        {
            if (!ids.Contains(command.Conflicts[i].EmployeeId))
                throw RequestValidation.Failure($"conflicts[{i}].employeeId", "A conflict of interest names an employee of the pool.");
            if (!positions.ContainsKey(command.Conflicts[i].PositionId))
                throw RequestValidation.Failure($"conflicts[{i}].positionId", "A conflict of interest names a position of the vacancies.");
        }

        // The evidence of every competency any vacancy asks for, read once for the whole pool under the policy's screen.
        var accredited = await db.AccreditedBodiesAsync(policy.AccreditedBodiesOnly, cancellationToken);
        var screen = ScoringContext.ForPolicy(policy, [.. vacancies.SelectMany(v => v.Standard).Select(s => (s.CompetencyCode, 0)).Distinct()], null,
            latestYear, referenceDate, accredited);
        List<PlacementCandidate> candidates;
        using (ApplicationTelemetry.Source.StartActivity("placement.read-evidence"))
            candidates = [.. (await db.ReadEvidenceAsync(ids, screen, cancellationToken))
                .Select(e => new PlacementCandidate(e.EmployeeId, e.Evidence, e.InPositionSince))];

        var sequence = (await db.PlacementPlans.MaxAsync(p => (int?)p.Sequence, cancellationToken) ?? 0) + 1;
        PlacementPlan plan;
        using (ApplicationTelemetry.Source.StartActivity("placement.plan"))
            plan = PlacementPlan.Make(Guid.CreateVersion7(), sequence, policy, referenceDate, latestYear, command.MinimumBand, vacancies, candidates,
                command.Conflicts, solver, clock.Now());
        db.PlacementPlans.Add(plan);
        audit.Touch(plan.Id);
        audit.RecordOutcome(plan.Seal);
        return PlacementPlanSummaryDto.From(plan, null);
    }
}
