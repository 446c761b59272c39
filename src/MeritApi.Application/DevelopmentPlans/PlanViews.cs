using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.DevelopmentNeeds;
using MeritApi.Domain.Development;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentPlans;

public sealed record PlanGapDto(string CompetencyCode, int RequiredLevel, int? AssessedLevelWhenPlanned, NeedKind Kind, bool Closed,
    DateOnly? ClosedByAssessmentOn, string Explanation);

public sealed record PlanActionDto(Guid Id, string CompetencyCode, DevelopmentForm Form, string Title, DateOnly TargetDate, PlanActionStatus Status,
    Guid? ActivityId, bool Overdue);

/// <summary>Where a box comes from: the agency's talent mapping, or a selection's scoring run.</summary>
public enum TalentBoxSource
{
    TalentMapping = 1,
    Selection = 2,
}

/// <summary>
/// The nine-box follow-up (PermenPANRB 3/2020) of the employee's box: from their latest talent-mapping run, which measures them
/// against their own position, or else from their latest scoring run in a selection; none when neither has placed them.
/// </summary>
public sealed record TalentRecommendationDto(int Box, string Meaning, string FollowUp, TalentBoxSource Source, Guid RunId, DateTimeOffset At);

public sealed record IndividualDevelopmentPlanDto(Guid Id, Guid EmployeeId, string Nip, string Name, string Unit, Guid PositionId, bool TargetPosition,
    DateOnly MadeOn, DateOnly JudgedOn, int OpenGaps, int ClosedGaps, IReadOnlyList<PlanGapDto> Gaps, IReadOnlyList<PlanActionDto> Actions,
    TalentRecommendationDto? Recommendation, DateTimeOffset CreatedAt);

/// <summary>
/// Plans as they stand today: each gap judged against the assessments made since the plan (a few queries for a whole page of
/// plans, not one per plan), each action with whether it is overdue, and the nine-box follow-up beside the plan.
/// </summary>
internal static class PlanViews
{
    public static async Task<IReadOnlyList<IndividualDevelopmentPlanDto>> ViewAsync(IApplicationDbContext db, TimeProvider clock,
        IReadOnlyList<IndividualDevelopmentPlan> plans, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var (_, screen) = await InventoryBasis.ForAsync(db, today, null, cancellationToken);
        var employeeIds = plans.Select(p => p.EmployeeId).Distinct().ToList();
        var employees = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Nip, e.Name, e.Unit }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var since = plans.Count == 0 ? today : plans.Min(p => p.MadeOn);
        var assessments = (await db.CompetencyAssessments.AsNoTracking()
                .Where(a => employeeIds.Contains(a.EmployeeId) && a.AssessedOn >= since)
                .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(a => new { a.EmployeeId, a.CompetencyCode, a.Level, a.AssessedOn, a.Assessor, a.RecordedAt }).ToListAsync(cancellationToken))
            .ToLookup(a => (a.EmployeeId, a.CompetencyCode), a => (new AssessmentEvidence(a.Level, a.AssessedOn, a.Assessor), a.RecordedAt));
        var mapped = (await (from p in db.MappingPlacements.AsNoTracking()
                             join run in db.TalentMappingRuns.AsNoTracking() on p.MappingRunId equals run.Id
                             where employeeIds.Contains(p.EmployeeId)
                             select new { p.EmployeeId, p.TalentBox, RunId = run.Id, At = run.MappedAt }).ToListAsync(cancellationToken))
            .GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.At)!);
        var scored = (await (from r in db.CandidateResults.AsNoTracking()
                             join run in db.ScoringRuns.AsNoTracking() on r.ScoringRunId equals run.Id
                             where employeeIds.Contains(r.EmployeeId)
                             select new { r.EmployeeId, r.TalentBox, RunId = run.Id, At = run.ScoredAt }).ToListAsync(cancellationToken))
            .GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.At)!);

        return [.. plans.Select(plan =>
        {
            var employee = employees[plan.EmployeeId];
            var gaps = plan.Gaps.Select(g =>
            {
                var closure = plan.ClosureOf(g, [.. assessments[(plan.EmployeeId, g.CompetencyCode)]], screen);
                return new PlanGapDto(g.CompetencyCode, g.RequiredLevel, g.AssessedLevel, g.Kind, closure.Closed, closure.ClosedBy?.AssessedOn,
                    closure.Explanation);
            }).ToList();
            var actions = plan.Actions.Select(a => new PlanActionDto(a.Id, a.CompetencyCode, a.Form, a.Title, a.TargetDate, a.Status, a.ActivityId,
                a.Status is PlanActionStatus.Planned or PlanActionStatus.InProgress && a.TargetDate < today)).ToList();
            TalentRecommendationDto? recommendation = null;
            if (mapped.TryGetValue(plan.EmployeeId, out var m))
                recommendation = Recommend(m.TalentBox, TalentBoxSource.TalentMapping, m.RunId, m.At);
            else if (scored.TryGetValue(plan.EmployeeId, out var s))
                recommendation = Recommend(s.TalentBox, TalentBoxSource.Selection, s.RunId, s.At);
            return new IndividualDevelopmentPlanDto(plan.Id, plan.EmployeeId, employee.Nip.Value, employee.Name, employee.Unit, plan.PositionId,
                plan.TargetPosition, plan.MadeOn, today, gaps.Count(g => !g.Closed), gaps.Count(g => g.Closed), gaps, actions, recommendation, plan.CreatedAt);
        })];
    }

    private static TalentRecommendationDto Recommend(int number, TalentBoxSource source, Guid runId, DateTimeOffset at)
    {
        var box = TalentBox.FromNumber(number);
        return new TalentRecommendationDto(box.Number, box.Meaning, box.FollowUp, source, runId, at);
    }
}
