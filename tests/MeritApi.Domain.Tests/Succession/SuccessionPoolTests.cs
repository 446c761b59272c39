using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Succession;

namespace MeritApi.Domain.Tests.Succession;

/// <summary>
/// Succession pools, hand-computed. The target asks P, Q, R, S and T at 5 (25 levels), from grade IV/a: crediting 20 levels is
/// JPM 80.00, 17 is 68.00, 16 is 64.00.
/// </summary>
public sealed class SuccessionPoolTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly ScoringPolicy Policy = new(9, 0.7m, 0.3m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good, null, DateTimeOffset.UnixEpoch);
    private static readonly Position Target = new(Guid.NewGuid(), "TARGET", "Kepala Biro", PositionKind.Structural, Grade.Parse("IV/a"),
        new[] { "P", "Q", "R", "S", "T" }.Select(c => (c, 5)));

    private static (int, decimal, CandidateEvidence) Talent(int box, int[] levels, string grade = "IV/a") =>
        (box, 90m, new CandidateEvidence(Guid.NewGuid(), Grade.Parse(grade),
            new[] { "P", "Q", "R", "S", "T" }.Zip(levels).ToDictionary(x => x.First, x => x.Second),
            new Dictionary<int, PerformanceRating> { [2025] = PerformanceRating.VeryGood, [2024] = PerformanceRating.Good }));

    private static SuccessionPool Form(params (int, decimal, CandidateEvidence)[] talent) =>
        SuccessionPool.Form(Guid.NewGuid(), Target, SuccessionReason.Critical, null, Guid.NewGuid(), 1, Policy, Today, talent, DateTimeOffset.UnixEpoch);

    [TestCase(80.00, Readiness.ReadyNow)]
    [TestCase(79.99, Readiness.ReadyAfterDevelopment)]
    [TestCase(68.00, Readiness.ReadyAfterDevelopment)]
    [TestCase(67.99, Readiness.NotReady)]
    public void Readiness_is_ready_now_from_80_after_development_from_68(decimal jpm, Readiness readiness) =>
        Assert.That(SuccessionPool.ReadinessOf(jpm), Is.EqualTo(readiness));

    [Test]
    public void Members_are_boxes_7_to_9_with_their_JPM_against_the_target_and_the_gaps_an_IDP_closes()
    {
        var ready = Talent(9, [4, 4, 4, 4, 4]);   // 20 of 25
        var after = Talent(7, [4, 4, 3, 3, 3]);   // 17
        var notReady = Talent(8, [4, 3, 3, 3, 3]); // 16
        var box6 = Talent(6, [5, 5, 5, 5, 5]);

        var pool = Form(ready, after, notReady, box6);

        Assert.That(pool.Members.Select(m => (m.EmployeeId, m.TalentBox, m.TargetJpm, m.Readiness)), Is.EqualTo(new[]
        {
            (ready.Item3.CandidateId, 9, 80.00m, Readiness.ReadyNow),
            (after.Item3.CandidateId, 7, 68.00m, Readiness.ReadyAfterDevelopment),
            (notReady.Item3.CandidateId, 8, 64.00m, Readiness.NotReady),
        }));
        Assert.That(pool.Members[1].Gaps.Select(g => (g.CompetencyCode, g.Gap)), Is.EqualTo(new[] { ("P", -1), ("Q", -1), ("R", -2), ("S", -2), ("T", -2) }));
    }

    [Test]
    public void A_member_below_the_target_s_grade_is_ready_on_competence_but_not_eligible_for_it()
    {
        var member = Form(Talent(9, [5, 5, 5, 5, 5], grade: "III/d")).Members.Single();

        Assert.That((member.Readiness, member.EligibleForTarget), Is.EqualTo((Readiness.ReadyNow, false)));
        Assert.That(member.IneligibilityReasons.Single().Code, Is.EqualTo(IneligibilityCode.GradeBelowMinimum));
    }

    [Test]
    public void A_run_with_nobody_in_boxes_7_to_9_forms_no_pool() =>
        Assert.That(() => Form(Talent(6, [5, 5, 5, 5, 5])),
            Throws.InstanceOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo(Rules.EmptySuccessionPool));

    [Test]
    public void Steps_go_nomination_verification_approval_and_a_refusal_ends_the_way()
    {
        var pool = Form(Talent(9, [4, 4, 4, 4, 4]), Talent(9, [4, 4, 4, 4, 4]));
        var (first, second) = (pool.Members[0], pool.Members[1]);

        Assert.That(() => first.Take(SuccessionStep.Approval, true, "tc", "too early", DateTimeOffset.UnixEpoch),
            Throws.InstanceOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo(Rules.SuccessionStepOutOfOrder));
        first.Take(SuccessionStep.Nomination, true, "hr", "box 9", DateTimeOffset.UnixEpoch);
        first.Take(SuccessionStep.Verification, true, "tc", "checked", DateTimeOffset.UnixEpoch);
        first.Take(SuccessionStep.Approval, true, "tc", "approved", DateTimeOffset.UnixEpoch);
        second.Take(SuccessionStep.Nomination, true, "hr", "box 9", DateTimeOffset.UnixEpoch);
        second.Take(SuccessionStep.Verification, false, "tc", "documents missing", DateTimeOffset.UnixEpoch);

        Assert.That((first.Status, second.Status), Is.EqualTo((MemberStatus.Approved, MemberStatus.Rejected)));
        Assert.That(first.Steps.Select(s => (s.Step, s.Actor)), Is.EqualTo(new[]
            { (SuccessionStep.Nomination, "hr"), (SuccessionStep.Verification, "tc"), (SuccessionStep.Approval, "tc") }));
        Assert.That(pool.ApprovedMembers(), Is.EqualTo(new[] { first.EmployeeId }));
        Assert.That(() => second.Take(SuccessionStep.Approval, true, "tc", "after all", DateTimeOffset.UnixEpoch), Throws.InstanceOf<DomainException>());
    }
}
