using MeritApi.Domain.Common;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Succession;

/// <summary>Why a position gets a succession pool.</summary>
public enum SuccessionReason
{
    /// <summary>A critical position (jabatan kritikal), whether or not it is vacant.</summary>
    Critical = 1,

    /// <summary>A position falling vacant on a known day (retirement, end of term).</summary>
    FallingVacant = 2,
}

/// <summary>How ready a member is for the target position, on their JPM against its standard (the filling bands).</summary>
public enum Readiness
{
    /// <summary>JPM ≥ 80: ready now (siap sekarang).</summary>
    ReadyNow = 1,

    /// <summary>68 ≤ JPM &lt; 80: ready after development; the gaps become an individual development plan.</summary>
    ReadyAfterDevelopment = 2,

    /// <summary>JPM &lt; 68: not ready.</summary>
    NotReady = 3,
}

public enum MemberStatus
{
    /// <summary>Drawn from boxes 7–9 of the mapping run; not yet nominated.</summary>
    Proposed = 1,
    Nominated = 2,
    Verified = 3,
    Approved = 4,
    Rejected = 5,
}

public enum SuccessionStep
{
    Nomination = 1,
    Verification = 2,
    Approval = 3,
}

/// <summary>One step of a member's way into the pool: who took it, when, with what outcome and why.</summary>
public sealed record MemberStepRecord(SuccessionStep Step, bool Accepted, string Actor, string Reason, DateTimeOffset At);

/// <summary>One competency of the target's standard against the member's valid assessment.</summary>
public sealed record ReadinessGap(string CompetencyCode, int RequiredLevel, int? AssessedLevel, int Gap);

/// <summary>A member of a succession pool: where they stood in the mapping run and how ready they are for the target.</summary>
public sealed class SuccessionMember
{
    public const int ReasonMaxLength = 2000;

    private SuccessionMember() { Gaps = []; IneligibilityReasons = []; } // EF

    internal SuccessionMember(Guid poolId, Guid employeeId, int talentBox, decimal mappingTotal, decimal targetJpm, IReadOnlyList<ReadinessGap> gaps,
        IReadOnlyList<IneligibilityReason> ineligibility)
    {
        PoolId = poolId;
        EmployeeId = employeeId;
        TalentBox = talentBox;
        MappingTotal = mappingTotal;
        TargetJpm = targetJpm;
        Readiness = SuccessionPool.ReadinessOf(targetJpm);
        Gaps = gaps;
        IneligibilityReasons = ineligibility;
        Status = MemberStatus.Proposed;
    }

    public Guid PoolId { get; private set; }
    public Guid EmployeeId { get; private set; }

    /// <summary>The box of the mapping run the pool was drawn from.</summary>
    public int TalentBox { get; private set; }
    public decimal MappingTotal { get; private set; }

    /// <summary>The JPM against the target position's standard, on the day the pool was formed.</summary>
    public decimal TargetJpm { get; private set; }
    public Readiness Readiness { get; private set; }

    /// <summary>The competencies below the target's standard: what an IDP for the target closes.</summary>
    public IReadOnlyList<ReadinessGap> Gaps { get; private set; }

    /// <summary>
    /// Why a selection for the target would not rank them today (its grade gate, the policy's SKP gates); empty when it would.
    /// Readiness is the competence fit alone; this says what else stands between the member and the post.
    /// </summary>
    public IReadOnlyList<IneligibilityReason> IneligibilityReasons { get; private set; }
    public bool EligibleForTarget => IneligibilityReasons.Count == 0;
    public MemberStatus Status { get; private set; }
    public IReadOnlyList<MemberStepRecord> Steps { get; private set; } = [];

    /// <summary>
    /// Takes the next step: nomination (of a proposed member), verification (of a nominated one), approval (of a verified one).
    /// Each is accepted or refused with a reason; a refusal ends the member's way (rejected). A nomination is always an
    /// acceptance: a member nobody nominates stays proposed.
    /// </summary>
    public void Take(SuccessionStep step, bool accepted, string actor, string reason, DateTimeOffset at)
    {
        var expected = step switch
        {
            SuccessionStep.Nomination => MemberStatus.Proposed,
            SuccessionStep.Verification => MemberStatus.Nominated,
            SuccessionStep.Approval => MemberStatus.Verified,
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        if (Status != expected)
            throw new DomainException(Rules.SuccessionStepOutOfOrder,
                $"{step} takes a member who is {expected}; this member is {Status}. The steps are nomination, verification, approval.");
        Steps = [.. Steps, new MemberStepRecord(step, accepted, actor, Guard.NotBlank(reason, nameof(reason), ReasonMaxLength), at)];
        Status = !accepted ? MemberStatus.Rejected : step switch
        {
            SuccessionStep.Nomination => MemberStatus.Nominated,
            SuccessionStep.Verification => MemberStatus.Verified,
            _ => MemberStatus.Approved,
        };
    }
}

/// <summary>
/// A succession pool (kelompok rencana suksesi, DESIGN §10, PermenPANRB 3/2020): for a critical position, or one falling
/// vacant on a day, the employees in boxes 7–9 of a mapping run (the latest when formed), each with their readiness against
/// the target's standard. Members pass nomination, verification and approval, each step recorded with its actor and reason;
/// a selection opened from the pool enrols its approved members.
/// </summary>
public sealed class SuccessionPool
{
    public const decimal ReadyNowFrom = 80m, ReadyAfterDevelopmentFrom = 68m;
    public const int MinimumBox = 7;

    private readonly List<SuccessionMember> _members = [];

    private SuccessionPool() { TargetPositionCode = string.Empty; } // EF

    public Guid Id { get; private set; }
    public Guid TargetPositionId { get; private set; }
    public string TargetPositionCode { get; private set; }
    public SuccessionReason Reason { get; private set; }

    /// <summary>The day the position falls vacant (only for <see cref="SuccessionReason.FallingVacant"/>).</summary>
    public DateOnly? VacantOn { get; private set; }
    public Guid MappingRunId { get; private set; }
    public int MappingRunSequence { get; private set; }

    /// <summary>The day readiness was judged on (assessments valid then).</summary>
    public DateOnly ReferenceDate { get; private set; }
    public int PolicyVersion { get; private set; }
    public DateTimeOffset FormedAt { get; private set; }
    public IReadOnlyList<SuccessionMember> Members => _members;

    /// <summary>Ready now from JPM 80, ready after development from 68, below that not ready (the filling bands).</summary>
    public static Readiness ReadinessOf(decimal jpm) => JpmBands.Classify(JpmBandSet.Filling, jpm) switch
    {
        JpmBand.Meets => Readiness.ReadyNow,
        JpmBand.MarginallyMeets => Readiness.ReadyAfterDevelopment,
        _ => Readiness.NotReady,
    };

    /// <summary>
    /// Forms the pool from the talent-pool placements of a mapping run: each candidate (their box 7–9 and total there) scored
    /// against the target's standard from their evidence on <paramref name="referenceDate"/>. Those who hold the target
    /// position already are not successors to it.
    /// </summary>
    public static SuccessionPool Form(Guid id, Position target, SuccessionReason reason, DateOnly? vacantOn, Guid mappingRunId, int mappingRunSequence,
        ScoringPolicy policy, DateOnly referenceDate, IReadOnlyList<(int TalentBox, decimal MappingTotal, CandidateEvidence Evidence)> talent,
        DateTimeOffset formedAt)
    {
        if (!Enum.IsDefined(reason))
            throw new ArgumentOutOfRangeException(nameof(reason));
        if (reason == SuccessionReason.FallingVacant && vacantOn is null)
            throw new InvalidFieldException("vacantOn", Rules.InvalidSuccessionPool, "A position falling vacant needs the day it falls vacant.");
        if (reason == SuccessionReason.Critical && vacantOn is not null)
            throw new InvalidFieldException("vacantOn", Rules.InvalidSuccessionPool, "'vacantOn' belongs to a position falling vacant (reason FallingVacant).");
        var standard = target.StandardInCodeOrder();
        if (standard.Count == 0)
            throw new InvalidFieldException("targetPositionId", Rules.InvalidSuccessionPool, $"Position {target.Code} has no competency standard to judge readiness by.");
        var candidates = talent.Where(t => t.TalentBox >= MinimumBox).ToList();
        if (candidates.Count == 0)
            throw new DomainException(Rules.EmptySuccessionPool,
                $"Mapping run {mappingRunSequence} places nobody in boxes {MinimumBox}–9 who could succeed to {target.Code}.");

        var pool = new SuccessionPool
        {
            Id = id,
            TargetPositionId = target.Id,
            TargetPositionCode = target.Code,
            Reason = reason,
            VacantOn = vacantOn,
            MappingRunId = mappingRunId,
            MappingRunSequence = mappingRunSequence,
            ReferenceDate = referenceDate,
            PolicyVersion = policy.Version,
            FormedAt = formedAt,
        };
        // Readiness is the JPM alone (the filling bands); the target's gates are scored as a selection for it would score them.
        var context = ScoringContext.ForPolicy(policy, standard, target.MinimumGrade, referenceDate.Year - 1, referenceDate, []);
        foreach (var (box, total, evidence) in candidates)
        {
            var score = MeritScorer.Score(context, evidence);
            var jpm = score.JobPersonMatch;
            var gaps = jpm.Gaps.Where(g => g.Gap < 0).Select(g => new ReadinessGap(g.CompetencyCode, g.RequiredLevel, g.AssessedLevel, g.Gap)).ToList();
            pool._members.Add(new SuccessionMember(id, evidence.CandidateId, box, total, jpm.Percentage, gaps, score.IneligibilityReasons));
        }
        return pool;
    }

    /// <summary>The members a selection opened from the pool enrols.</summary>
    public IReadOnlyList<Guid> ApprovedMembers() => [.. _members.Where(m => m.Status == MemberStatus.Approved).Select(m => m.EmployeeId)];
}
