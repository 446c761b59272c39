using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Positions;
using MeritApi.Application.Positions.Queries.GetPosition;
using MeritApi.Application.Positions.Queries.ListPositions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.Positions;

public static class PositionEndpoints
{
    public static void MapPositionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/positions").WithTags("Positions").ValidateRequests();

        group.MapPost("/", Create).WithName("CreatePosition").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Register a position with its competency standard (HR system)");
        group.MapPut("/{id:guid}/competency-standard", ReplaceStandard).WithName("ReplaceCompetencyStandard").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Replace a position's competency standard (HR system)")
            .WithDescription("Stored scoring runs keep the standard they read; the next run uses the new one. With `If-Match` (the " +
                             "position's ETag from GET), applied only if the position has not changed since (else 412).")
            .Produces<PositionDto>();
        group.MapGet("/{id:guid}", Get).WithName("GetPosition").Revalidatable().RequireAuthorization(Policies.ReadReference)
            .WithSummary("One position with its competency standard").Produces<PositionDto>();
        group.MapGet("/", List).WithName("ListPositions").RequireAuthorization(Policies.ReadReference).WithSummary("List positions");
    }

    private static async Task<Created<PositionDto>> Create(CreatePositionRequest request, IdempotencyHeader idempotency, ISender sender,
        CancellationToken ct)
    {
        var position = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/positions/{position.Id}", position);
    }

    private static async Task<IResult> ReplaceStandard(Guid id, ReplaceCompetencyStandardRequest request, IdempotencyHeader idempotency,
        IfMatchHeader ifMatch, HttpContext http, ISender sender, CancellationToken ct)
    {
        var position = await sender.Send(request.ToCommand(id) with { IdempotencyKey = idempotency.Key, IfMatch = ifMatch.Precondition }, ct);
        return await EntityTags.WithVersionAsync(http, sender, VersionedResource.Position, id, TypedResults.Ok(position));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var position = await sender.Send(new GetPositionQuery(id), ct);
        return await EntityTags.ConditionalOnVersionAsync(http, sender, VersionedResource.Position, id, TypedResults.Ok(position));
    }

    private static async Task<Ok<PagedList<PositionDto>>> List(PageRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPositionsQuery(query.Page, query.PageSize), ct));
}
