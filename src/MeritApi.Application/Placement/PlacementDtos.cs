using MeritApi.Domain.Placement;
using MeritApi.Domain.Scoring;

namespace MeritApi.Application.Placement;

/// <summary>A plan's headline: what it covered and how much of it it fills, whether the PPK has decided and departed from it.</summary>
public sealed record PlacementPlanSummaryDto(Guid Id, int Sequence, int PolicyVersion, DateOnly ReferenceDate, JpmBand MinimumBand, int VacancyCount,
    int SeatCount, int FilledSeats, int CandidateCount, decimal TotalMerit, DateTimeOffset CreatedAt, string Seal, bool Decided, bool? HasDepartures)
{
    public static PlacementPlanSummaryDto From(PlacementPlan plan, PlacementDecision? decision) => new(plan.Id, plan.Sequence, plan.PolicyVersion,
        plan.ReferenceDate, plan.MinimumBand, plan.VacancyCount, plan.SeatCount, plan.FilledSeats, plan.CandidateCount, plan.TotalMerit, plan.CreatedAt,
        plan.Seal, decision is not null, decision?.HasDepartures);
}

/// <summary>The plan with its whole sealed document (the evidence, every seat, the alternates, each candidate's place).</summary>
public sealed record PlacementPlanDto(PlacementPlanSummaryDto Plan, PlacementPlanDocument Document);

public sealed record PlacementDecisionDto(Guid Id, Guid PlanId, string DecidedBy, DateTimeOffset DecidedAt, string? Justification, int Followed,
    int Departures, bool FlaggedForAuditors, IReadOnlyList<DecidedPlacement> Placements, IReadOnlyList<DepartedPlacement> Departed, string Digest)
{
    public static PlacementDecisionDto From(PlacementDecision d) => new(d.Id, d.PlanId, d.DecidedBy, d.DecidedAt, d.Justification, d.Followed,
        d.Departures, d.HasDepartures, d.Placements, d.Departed, d.Digest);
}
