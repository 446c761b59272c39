using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Competencies;
using MeritApi.Application.Competencies.Commands.RegisterCompetency;
using MeritApi.Application.Competencies.Queries.ListCompetencies;
using MeritApi.Domain.Competencies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints;

public static class CompetencyEndpoints
{
    public static void MapCompetencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/competencies").WithTags("Competencies").AddEndpointFilter<IdempotencyFilter>();

        group.MapPost("/", Register).RequireAuthorization(Policies.HrSystem).WithSummary("Register a competency in the dictionary (HR system)")
            .WithDescription("Managerial and socio-cultural competencies are national and already present; agencies add their technical ones.")
            .ProducesWriteProblems();
        group.MapGet("/", List).RequireAuthorization(Policies.ReadReference).WithSummary("List the competency dictionary").ProducesReadProblems();
    }

    private static async Task<Created<CompetencyDto>> Register(RegisterCompetencyCommand command, ISender sender, CancellationToken ct)
    {
        var competency = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/competencies/{competency.Code}", competency);
    }

    private static async Task<Ok<PagedList<CompetencyDto>>> List(ISender sender, CancellationToken ct,
        CompetencyCategory? category = null, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListCompetenciesQuery(category, page, pageSize), ct));
}
