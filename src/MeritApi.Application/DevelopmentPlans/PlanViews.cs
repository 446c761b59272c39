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

/// <summary>The nine-box follow-up (PermenPANRB 3/2020) of the employee's box in their latest scoring run, when they have one.</summary>
public sealed record TalentRecommendationDto(int Box, string Meaning, string FollowUp, Guid ScoringRunId, DateTimeOffset ScoredAt);

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
        var boxes = (await (from r in db.CandidateResults.AsNoTracking()
                            join run in db.ScoringRuns.AsNoTracking() on r.ScoringRunId equals run.Id
                            where employeeIds.Contains(r.EmployeeId)
                            select new { r.EmployeeId, r.TalentBox, RunId = run.Id, run.ScoredAt }).ToListAsync(cancellationToken))
            .GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ScoredAt)!);

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
            if (boxes.TryGetValue(plan.EmployeeId, out var latest))
            {
                var box = TalentBox.FromNumber(latest.TalentBox);
                recommendation = new TalentRecommendationDto(box.Number, box.Meaning, box.FollowUp, latest.RunId, latest.ScoredAt);
            }
            return new IndividualDevelopmentPlanDto(plan.Id, plan.EmployeeId, employee.Nip.Value, employee.Name, employee.Unit, plan.PositionId,
                plan.TargetPosition, plan.MadeOn, today, gaps.Count(g => !g.Closed), gaps.Count(g => g.Closed), gaps, actions, recommendation, plan.CreatedAt);
        })];
    }
}
