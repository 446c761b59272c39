using MeritApi.Domain.Common;
using MeritApi.Domain.Development;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Tests.Development;

/// <summary>
/// A plan made on 2026-03-02 (recorded 09:00 UTC) for integrity required at 4, assessed 2: only an assessment made since that day,
/// recorded after the plan, valid on the day asked and at level 4 or more closes the gap. A completed action with its activity
/// linked does not; neither does the assessment the plan was built on, nor a later one below the level or one that has expired.
/// </summary>
public sealed class IndividualDevelopmentPlanTests
{
    private static readonly DateOnly MadeOn = new(2026, 3, 2);
    private static readonly DateTimeOffset CreatedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly AssessmentScreen OnSeptemberFirst = new(new AssessmentValidityRule(3, accreditedBodiesOnly: false), new DateOnly(2026, 9, 1), []);

    private static IndividualDevelopmentPlan Plan() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), targetPosition: false, MadeOn,
        [new DevelopmentNeed("M-INTEGRITY", 4, 2, new DateOnly(2025, 1, 10), -2, NeedKind.BelowStandard, "assessed 2 on 2025-01-10, 2 below the required 4")],
        CreatedAt);

    private static (AssessmentEvidence, DateTimeOffset) Assessed(int level, int year, int month, int day, DateTimeOffset? recordedAt = null) =>
        (new AssessmentEvidence(level, new DateOnly(year, month, day), "Pusat Penilaian Kompetensi"),
            recordedAt ?? new DateTimeOffset(year, month, day, 15, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_later_valid_assessment_at_the_required_level_closes_the_gap()
    {
        var plan = Plan();

        var closure = plan.ClosureOf(plan.Gaps[0], [Assessed(4, 2026, 8, 20), Assessed(2, 2025, 1, 10)], OnSeptemberFirst);

        Assert.That(closure.Closed, Is.True);
        Assert.That(closure.ClosedBy?.AssessedOn, Is.EqualTo(new DateOnly(2026, 8, 20)));
        Assert.That(closure.Explanation, Is.EqualTo("closed by the assessment of 2026-08-20 at level 4 (required 4)"));
    }

    [Test]
    public void A_completed_action_with_its_activity_linked_does_not_close_the_gap_alone()
    {
        var plan = Plan();
        var action = plan.AddAction(Guid.NewGuid(), "M-INTEGRITY", DevelopmentForm.Training, "Pelatihan integritas", new DateOnly(2026, 6, 30), "actions[0]");
        plan.Progress(action.Id, PlanActionStatus.Completed, activityId: Guid.NewGuid());

        var closure = plan.ClosureOf(plan.Gaps[0], [Assessed(2, 2025, 1, 10)], OnSeptemberFirst);

        Assert.That(plan.Actions[0].Status, Is.EqualTo(PlanActionStatus.Completed));
        Assert.That(closure.Closed, Is.False);
        Assert.That(closure.Explanation, Is.EqualTo("open: no valid assessment since the plan was made (completed actions and activities do not close a gap)"));
    }

    [Test]
    public void A_later_assessment_below_the_required_level_leaves_it_open_and_names_the_level_reached()
    {
        var plan = Plan();

        var closure = plan.ClosureOf(plan.Gaps[0], [Assessed(3, 2026, 8, 20)], OnSeptemberFirst);

        Assert.That(closure.Closed, Is.False);
        Assert.That(closure.Explanation, Is.EqualTo("open: the latest valid assessment since the plan, of 2026-08-20, is level 3 of 4"));
    }

    [Test]
    public void An_assessment_dated_the_plan_day_but_recorded_before_the_plan_was_its_evidence_and_does_not_close_it()
    {
        var plan = Plan();
        var before = new DateTimeOffset(2026, 3, 2, 8, 59, 0, TimeSpan.Zero);
        var after = new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.Zero);

        Assert.That(plan.ClosureOf(plan.Gaps[0], [Assessed(4, 2026, 3, 2, before)], OnSeptemberFirst).Closed, Is.False);
        Assert.That(plan.ClosureOf(plan.Gaps[0], [Assessed(4, 2026, 3, 2, after)], OnSeptemberFirst).Closed, Is.True);
        // Made before the plan's day but recorded late: it is old evidence, not the result of the plan.
        Assert.That(plan.ClosureOf(plan.Gaps[0], [Assessed(5, 2026, 3, 1, after)], OnSeptemberFirst).Closed, Is.False);
    }

    [Test]
    public void A_closing_assessment_that_has_since_expired_no_longer_closes_it()
    {
        var plan = Plan();
        var threeYearsOn = new AssessmentScreen(new AssessmentValidityRule(3, accreditedBodiesOnly: false), new DateOnly(2029, 8, 20), []);

        Assert.That(plan.ClosureOf(plan.Gaps[0], [Assessed(4, 2026, 8, 20)], threeYearsOn).Closed, Is.True, "2026-08-20 counts on 2029-08-20");
        var dayLater = new AssessmentScreen(threeYearsOn.Rule, new DateOnly(2029, 8, 21), []);
        Assert.That(plan.ClosureOf(plan.Gaps[0], [Assessed(4, 2026, 8, 20)], dayLater).Closed, Is.False);
    }

    [Test]
    public void Actions_address_only_the_plans_gaps_from_the_day_it_was_made()
    {
        var plan = Plan();

        var notAGap = Assert.Throws<InvalidFieldException>(() =>
            plan.AddAction(Guid.NewGuid(), "T-AUDIT", DevelopmentForm.Course, "Kursus audit", new DateOnly(2026, 6, 30), "actions[1]"))!;
        var early = Assert.Throws<InvalidFieldException>(() =>
            plan.AddAction(Guid.NewGuid(), "M-INTEGRITY", DevelopmentForm.Course, "Kursus", new DateOnly(2026, 3, 1), "actions[0]"))!;

        Assert.That((notAGap.Field, notAGap.Rule), Is.EqualTo(("actions[1].competencyCode", Rules.InvalidPlanAction)));
        Assert.That((early.Field, early.Rule), Is.EqualTo(("actions[0].targetDate", Rules.InvalidPlanAction)));
        Assert.That(plan.Actions, Is.Empty);
    }

    [Test]
    public void A_finished_action_does_not_change_and_a_plan_needs_a_gap()
    {
        var plan = Plan();
        var action = plan.AddAction(Guid.NewGuid(), "M-INTEGRITY", DevelopmentForm.Coaching, "Coaching", new DateOnly(2026, 6, 30), "actions[0]");
        plan.Progress(action.Id, PlanActionStatus.Cancelled, null);

        var closed = Assert.Throws<DomainException>(() => plan.Progress(action.Id, PlanActionStatus.InProgress, null))!;
        var none = Assert.Throws<DomainException>(() => new IndividualDevelopmentPlan(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), false, MadeOn, [], CreatedAt))!;

        Assert.That(closed.Rule, Is.EqualTo(Rules.PlanActionClosed));
        Assert.That(none.Rule, Is.EqualTo(Rules.NoDevelopmentNeeds));
    }
}
