using MeritApi.Domain.Succession;

namespace MeritApi.Application.Succession;

public sealed record SuccessionPoolSummaryDto(Guid Id, Guid TargetPositionId, string TargetPositionCode, SuccessionReason Reason, DateOnly? VacantOn,
    Guid MappingRunId, int MappingRunSequence, DateOnly ReferenceDate, int PolicyVersion, DateTimeOffset FormedAt, int MemberCount, int ApprovedCount)
{
    public static SuccessionPoolSummaryDto From(SuccessionPool p) => new(p.Id, p.TargetPositionId, p.TargetPositionCode, p.Reason, p.VacantOn,
        p.MappingRunId, p.MappingRunSequence, p.ReferenceDate, p.PolicyVersion, p.FormedAt, p.Members.Count,
        p.Members.Count(m => m.Status == MemberStatus.Approved));
}

/// <summary>A later mapping run that put a member below box 7, or did not place them: the member is to be reviewed.</summary>
public sealed record ReviewFlag(Guid MappingRunId, int MappingRunSequence, int? TalentBox, string Reason);

/// <summary>
/// How the gaps of a member ready after development become an individual development plan: the plan endpoint and body that
/// builds one against the target, and the plans already made for it.
/// </summary>
public sealed record DevelopmentOffer(string Method, string Url, Guid TargetPositionId, IReadOnlyList<Guid> ExistingPlanIds);

public sealed record SuccessionMemberDto(Guid EmployeeId, string Nip, string Name, string Unit, int TalentBox, decimal MappingTotal, decimal TargetJpm,
    Readiness Readiness, IReadOnlyList<ReadinessGap> Gaps, bool EligibleForTarget, IReadOnlyList<Domain.Scoring.IneligibilityReason> IneligibilityReasons,
    MemberStatus Status, IReadOnlyList<MemberStepRecord> Steps, ReviewFlag? Review,
    DevelopmentOffer? Development);

public sealed record SuccessionPoolDto(SuccessionPoolSummaryDto Pool, IReadOnlyList<SuccessionMemberDto> Members);
