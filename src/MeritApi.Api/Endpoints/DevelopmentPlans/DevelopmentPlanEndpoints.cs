using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.DevelopmentPlans;
using MeritApi.Application.DevelopmentPlans.Queries.GetIndividualDevelopmentPlan;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.DevelopmentPlans;

/// <summary>Individual development plans (IDP): HR systems write; HR systems and auditors read; committees see none.</summary>
public static class DevelopmentPlanEndpoints
{
    public static void MapDevelopmentPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Competency development").ValidateRequests();

        api.MapPost("/employees/{id:guid}/development-plans", Create).WithName("CreateDevelopmentPlan").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Make an individual development plan from the employee's gaps (HR system)")
            .WithDescription("The gaps are the inventory's, today, against the position held or `targetPositionId`; each action addresses one " +
                             "of them. A gap closes only when an assessment made after the plan is valid and reaches the required level: " +
                             "completing an action, or linking the activity it led to, does not close it. An employee without gaps is a 409.");
        api.MapPost("/development-plans/{planId:guid}/actions/{actionId:guid}/progress", Progress).WithName("RecordPlanProgress")
            .RequireAuthorization(Policies.HrSystem)
            .WithSummary("Move a plan action on, optionally naming the recorded activity that carried it out (HR system)");
        api.MapGet("/development-plans/{planId:guid}", Get).WithName("GetIndividualDevelopmentPlan").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("One plan as it stands today, with the nine-box follow-up beside it (HR system, auditor)");
        api.MapGet("/development-plans", List).WithName("ListDevelopmentPlans").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("Plans of a unit or an employee, newest first, with open and closed gaps (HR system, auditor)");
    }

    private static async Task<Created<IndividualDevelopmentPlanDto>> Create(Guid id, CreateDevelopmentPlanRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct)
    {
        var plan = await sender.Send(request.ToCommand(id) with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/development-plans/{plan.Id}", plan);
    }

    private static async Task<Ok<IndividualDevelopmentPlanDto>> Progress(Guid planId, Guid actionId, RecordPlanProgressRequest request,
        IdempotencyHeader idempotency, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request.ToCommand(planId, actionId) with { IdempotencyKey = idempotency.Key }, ct));

    private static async Task<Ok<IndividualDevelopmentPlanDto>> Get(Guid planId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetIndividualDevelopmentPlanQuery(planId), ct));

    private static async Task<Ok<PagedList<IndividualDevelopmentPlanDto>>> List(ListDevelopmentPlansRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));
}
