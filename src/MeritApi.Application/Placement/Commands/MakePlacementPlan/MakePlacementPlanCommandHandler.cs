using Mediator;
using MeritApi.Application.AssessingBodies;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Placement;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Placement.Commands.MakePlacementPlan;

internal sealed class MakePlacementPlanCommandHandler(IApplicationDbContext db, IAssignmentSolver solver, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<MakePlacementPlanCommand, PlacementPlanSummaryDto>
{
    public async ValueTask<PlacementPlanSummaryDto> Handle(MakePlacementPlanCommand command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var referenceDate = command.ReferenceDate ?? today;
        if (referenceDate > today)
            throw RequestValidation.Failure("referenceDate", "A plan is judged on a day that has come: the reference date cannot be after today.");
        var latestYear = command.LatestPerformanceYear ?? referenceDate.Year - 1;
        if (latestYear > referenceDate.Year)
            throw RequestValidation.Failure("latestPerformanceYear", "The latest counted SKP year cannot be after the reference date's year.");
        var policy = command.PolicyVersion is { } version
            ? await db.ScoringPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Version == version, cancellationToken)
              ?? throw new NotFoundException("Scoring policy", version)
            : await db.ScoringPolicies.AsNoTracking().OrderByDescending(p => p.Version).FirstAsync(cancellationToken);

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
        var employees = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Unit, e.Grade, e.CurrentPositionId, e.InPositionSince }).ToDictionaryAsync(e => e.Id, cancellationToken);
        for (var i = 0; i < ids.Count; i++)
            if (!employees.ContainsKey(ids[i]))
                throw RequestValidation.Failure($"employeeIds[{i}]", $"No employee {ids[i]} is recorded.");
        for (var i = 0; i < command.Conflicts.Count; i++)
        {
            if (!employees.ContainsKey(command.Conflicts[i].EmployeeId))
                throw RequestValidation.Failure($"conflicts[{i}].employeeId", "A conflict of interest names an employee of the pool.");
            if (!positions.ContainsKey(command.Conflicts[i].PositionId))
                throw RequestValidation.Failure($"conflicts[{i}].positionId", "A conflict of interest names a position of the vacancies.");
        }

        // The evidence of every competency any vacancy asks for, newest first, read once for the whole pool.
        var codes = vacancies.SelectMany(v => v.Standard.Select(s => s.CompetencyCode)).Distinct().ToList();
        var countedYears = Enumerable.Range(0, policy.CountedYears).Select(i => latestYear - i).ToList();
        var assessments = (await db.CompetencyAssessments.AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && codes.Contains(a.CompetencyCode))
                .OrderBy(a => a.EmployeeId).ThenBy(a => a.CompetencyCode).ThenByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(a => new { a.EmployeeId, a.CompetencyCode, a.Level, a.AssessedOn, a.Assessor }).ToListAsync(cancellationToken))
            .ToLookup(a => a.EmployeeId);
        var ratings = (await db.PerformanceRatings.AsNoTracking().Where(r => ids.Contains(r.EmployeeId) && countedYears.Contains(r.Year))
            .Select(r => new { r.EmployeeId, r.Year, r.Rating }).ToListAsync(cancellationToken)).ToLookup(r => r.EmployeeId);

        var accredited = await db.AccreditedBodiesAsync(policy.AccreditedBodiesOnly, cancellationToken);
        var screen = ScoringContext.ForPolicy(policy, [.. codes.Select(c => (c, 0))], null, latestYear, referenceDate, accredited);
        var candidates = ids.Select(id =>
        {
            var e = employees[id];
            var subject = new MappingSubject(id, e.Unit, e.Grade, e.CurrentPositionId,
                assessments[id].GroupBy(a => a.CompetencyCode).ToDictionary(g => g.Key,
                    g => (IReadOnlyList<AssessmentEvidence>)[.. g.Select(a => new AssessmentEvidence(a.Level, a.AssessedOn, a.Assessor))]),
                ratings[id].ToDictionary(r => r.Year, r => r.Rating));
            return new PlacementCandidate(id, TalentMappingRun.EvidenceOf(subject, screen), e.InPositionSince);
        }).ToList();

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
