using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.AssessingBodies;
using MeritApi.Application.AssessingBodies.Queries.GetAccreditation;
using MeritApi.Application.AssessingBodies.Queries.ListAccreditations;
using MeritApi.Application.Common.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.AssessingBodies;

public static class AssessingBodyEndpoints
{
    public static void MapAssessingBodyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assessing-bodies").WithTags("Assessing bodies").ValidateRequests();

        group.MapPost("/", Register).WithName("RegisterAccreditation").RequireAuthorization(Policies.Admin)
            .WithSummary("Add an accreditation period of an assessing body (administrator)")
            .WithDescription("A scoring policy with `accreditedBodiesOnly` counts an assessment only if its assessing body (matched by name, " +
                             "case aside) was accredited on the day it assessed. A renewal is a new period; periods of one body may not overlap (409).");
        group.MapGet("/{id:guid}", Get).WithName("GetAccreditation").RequireAuthorization(Policies.ReadReference)
            .WithSummary("One accreditation period");
        group.MapGet("/", List).WithName("ListAccreditations").RequireAuthorization(Policies.ReadReference)
            .WithSummary("List the accredited assessing bodies, by name and period");
    }

    private static async Task<Created<AccreditationDto>> Register(RegisterAccreditationRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct)
    {
        var accreditation = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/assessing-bodies/{accreditation.Id}", accreditation);
    }

    private static async Task<Ok<AccreditationDto>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAccreditationQuery(id), ct));

    private static async Task<Ok<PagedList<AccreditationDto>>> List(PageRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListAccreditationsQuery(query.Page, query.PageSize), ct));
}
