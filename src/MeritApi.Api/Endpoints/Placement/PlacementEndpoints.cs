using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Placement;
using MeritApi.Application.Placement.Queries.GetPlacementDecision;
using MeritApi.Application.Placement.Queries.GetPlacementPlan;
using MeritApi.Application.Placement.Queries.VerifyPlacementPlan;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.Placement;

/// <summary>
/// Placement plans (penempatan, PP 11/2017 Art. 190–191): HR systems make them, the talent committee records the PPK's decision,
/// and HR systems, the talent committee and auditors read them; selection committees see none.
/// </summary>
public static class PlacementEndpoints
{
    public static void MapPlacementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/placement-plans").WithTags("Placement plans").ValidateRequests();

        group.MapPost("/", Make).WithName("MakePlacementPlan").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Plan the placement of a pool across several vacancies (HR system)")
            .WithDescription("Every candidate scored against every vacancy's standard under the policy; a pair is allowed only if the " +
                             "candidate is eligible there, reaches the minimum band, has been in post at least 2 and less than 5 years, and " +
                             "has no declared conflict of interest with it. The plan is the one-to-one assignment with the highest total merit " +
                             "(ties: total JPM, then total latest SKP rating). Immutable and sealed: the document records the evidence, every " +
                             "seat, the alternates and why each candidate is or is not placed.")
            .WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy);
        group.MapGet("/", List).WithName("ListPlacementPlans").RequireAuthorization(Policies.ReadTalent)
            .WithSummary("Plans, newest first; withDepartures=true: those the PPK decided with departures (HR system, talent committee, auditor)");
        group.MapGet("/{planId:guid}", Get).WithName("GetPlacementPlan").RequireAuthorization(Policies.ReadTalent)
            .WithSummary("A plan with its sealed document (HR system, talent committee, auditor)");
        group.MapGet("/{planId:guid}/verification", Verify).WithName("VerifyPlacementPlan").RequireAuthorization(Policies.ReadTalent)
            .WithSummary("Re-run the plan from the evidence its document records and check its seal (HR system, talent committee, auditor)")
            .WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy);
        group.MapPost("/{planId:guid}/decision", Decide).WithName("DecidePlacementPlan").RequireAuthorization(Policies.TalentCommittee)
            .WithSummary("Record the PPK's decision on a plan (talent committee)")
            .WithDescription("Every placement the PPK makes. Each one the plan proposed is followed; any other, and any proposal left out, is a " +
                             "departure: it needs a justification of at least 100 characters and the decision is flagged for auditors. A " +
                             "placement the plan's conditions refuse (eligibility, band, years in post, conflict of interest) is refused.");
        group.MapGet("/{planId:guid}/decision", GetDecision).WithName("GetPlacementDecision").RequireAuthorization(Policies.ReadTalent)
            .WithSummary("The PPK's decision on a plan, with what it followed and departed from (HR system, talent committee, auditor)");
    }

    private static async Task<Created<PlacementPlanSummaryDto>> Make(MakePlacementPlanRequest request, IdempotencyHeader idempotency, ISender sender,
        CancellationToken ct)
    {
        var plan = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/placement-plans/{plan.Id}", plan);
    }

    private static async Task<Ok<PagedList<PlacementPlanSummaryDto>>> List(ListPlacementPlansRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));

    private static async Task<Ok<PlacementPlanDto>> Get(Guid planId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPlacementPlanQuery(planId), ct));

    private static async Task<Ok<PlacementPlanVerificationDto>> Verify(Guid planId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyPlacementPlanQuery(planId), ct));

    private static async Task<Created<PlacementDecisionDto>> Decide(Guid planId, DecidePlacementPlanRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct)
    {
        var decision = await sender.Send(request.ToCommand(planId) with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/placement-plans/{planId}/decision", decision);
    }

    private static async Task<Ok<PlacementDecisionDto>> GetDecision(Guid planId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPlacementDecisionQuery(planId), ct));
}
