using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Succession;
using MeritApi.Application.Succession.Commands.TakeSuccessionStep;
using MeritApi.Application.Succession.Queries.GetSuccessionPool;
using MeritApi.Domain.Succession;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.Succession;

/// <summary>
/// Succession pools (kelompok rencana suksesi): HR systems form them and nominate; the talent committee verifies and approves;
/// HR systems, the talent committee and auditors read them.
/// </summary>
public static class SuccessionEndpoints
{
    public static void MapSuccessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/succession-pools").WithTags("Succession pools").ValidateRequests();

        group.MapPost("/", Form).WithName("FormSuccessionPool").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Form a succession pool for a critical position or one falling vacant (HR system)")
            .WithDescription("The members are the employees in boxes 7–9 of the mapping run (default: the latest), except those already in the " +
                             "target position; each with their JPM against the target's standard today: ready now from 80, ready after " +
                             "development from 68 (the gaps are offered as a development plan), not ready below.");
        group.MapGet("/", List).WithName("ListSuccessionPools").RequireAuthorization(Policies.ReadTalent)
            .WithSummary("Pools, newest first (HR system, talent committee, auditor)");
        group.MapGet("/{poolId:guid}", Get).WithName("GetSuccessionPool").RequireAuthorization(Policies.ReadTalent)
            .WithSummary("A pool with its members, their readiness, steps and review flags (HR system, talent committee, auditor)")
            .WithDescription("A member whom a later mapping run puts below box 7, or does not place, carries a review flag.");
        group.MapPost("/{poolId:guid}/members/{employeeId:guid}/nomination", Nominate).WithName("NominateSuccessor")
            .RequireAuthorization(Policies.HrSystem).WithSummary("Nominate a proposed member, with why (HR system)");
        group.MapPost("/{poolId:guid}/members/{employeeId:guid}/verification", Verify).WithName("VerifySuccessor")
            .RequireAuthorization(Policies.TalentCommittee).WithSummary("Verify a nominated member, or refuse them, with why (talent committee)");
        group.MapPost("/{poolId:guid}/members/{employeeId:guid}/approval", Approve).WithName("ApproveSuccessor")
            .RequireAuthorization(Policies.TalentCommittee).WithSummary("Approve a verified member, or refuse them, with why (talent committee)");
    }

    private static async Task<Created<SuccessionPoolSummaryDto>> Form(FormSuccessionPoolRequest request, IdempotencyHeader idempotency, ISender sender,
        CancellationToken ct)
    {
        var pool = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/succession-pools/{pool.Id}", pool);
    }

    private static async Task<Ok<PagedList<SuccessionPoolSummaryDto>>> List(ListSuccessionPoolsRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));

    private static async Task<Ok<SuccessionPoolDto>> Get(Guid poolId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSuccessionPoolQuery(poolId), ct));

    private static async Task<Ok<SuccessionMemberStepDto>> Nominate(Guid poolId, Guid employeeId, NominationRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request.ToCommand(poolId, employeeId) with { IdempotencyKey = idempotency.Key }, ct));

    private static async Task<Ok<SuccessionMemberStepDto>> Verify(Guid poolId, Guid employeeId, SuccessionDecisionRequest request,
        IdempotencyHeader idempotency, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request.ToCommand(poolId, employeeId, SuccessionStep.Verification) with { IdempotencyKey = idempotency.Key }, ct));

    private static async Task<Ok<SuccessionMemberStepDto>> Approve(Guid poolId, Guid employeeId, SuccessionDecisionRequest request,
        IdempotencyHeader idempotency, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request.ToCommand(poolId, employeeId, SuccessionStep.Approval) with { IdempotencyKey = idempotency.Key }, ct));
}
