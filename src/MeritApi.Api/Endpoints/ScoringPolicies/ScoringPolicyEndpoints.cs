using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.ScoringPolicies;
using MeritApi.Application.ScoringPolicies.Queries.GetScoringPolicy;
using MeritApi.Application.ScoringPolicies.Queries.ListScoringPolicies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.ScoringPolicies;

public static class ScoringPolicyEndpoints
{
    public static void MapScoringPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/scoring-policies").WithTags("Scoring policies").ValidateRequests();

        group.MapPost("/", Create).WithName("CreateScoringPolicy").RequireAuthorization(Policies.Admin)
            .WithSummary("Define the next scoring policy version (administrator)")
            .WithDescription("Versions are immutable: a change of rules is always a new version.");
        group.MapGet("/{version:int}", Get).WithName("GetScoringPolicy").RequireAuthorization(Policies.ReadReference).WithSummary("One scoring policy version");
        group.MapGet("/", List).WithName("ListScoringPolicies").RequireAuthorization(Policies.ReadReference).WithSummary("List scoring policy versions, newest first");
    }

    private static async Task<Created<ScoringPolicyDto>> Create(CreateScoringPolicyRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct)
    {
        var policy = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/scoring-policies/{policy.Version}", policy);
    }

    private static async Task<Ok<ScoringPolicyDto>> Get(int version, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetScoringPolicyQuery(version), ct));

    private static async Task<Ok<PagedList<ScoringPolicyDto>>> List(PageRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListScoringPoliciesQuery(query.Page, query.PageSize), ct));
}
