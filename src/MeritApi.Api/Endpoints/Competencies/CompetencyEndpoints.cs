using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Competencies;
using MeritApi.Application.Competencies.Queries.ListCompetencies;
using MeritApi.Domain.Competencies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.Competencies;

public static class CompetencyEndpoints
{
    public static void MapCompetencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/competencies").WithTags("Competencies").ValidateRequests();

        group.MapPost("/", Register).WithName("RegisterCompetency").RequireAuthorization(Policies.HrOrAdmin)
            .WithSummary("Register a competency in the dictionary (HR system, administrator)")
            .WithDescription("Managerial and socio-cultural competencies are national and already present; agencies add their technical ones. " +
                             "A code, name or description using non-merit vocabulary (religion/agama, ethnicity/suku, age/usia, …) is refused " +
                             $"(400, type {ProblemTypes.NonMeritVocabulary}, naming the term), unless an administrator sends a `justification` " +
                             $"of at least {VocabularyJustification.MinimumLength} characters (403 from another role); the exception is " +
                             "audited and listed at /api/v1/audit/vocabulary-exemptions.");
        group.MapGet("/", List).WithName("ListCompetencies").RequireAuthorization(Policies.ReadReference).WithSummary("List the competency dictionary");
    }

    private static async Task<Created<CompetencyDto>> Register(RegisterCompetencyRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct)
    {
        var competency = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/competencies/{competency.Code}", competency);
    }

    private static async Task<Ok<PagedList<CompetencyDto>>> List(ListCompetenciesRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));

    /// <summary>The competencies registered with an approved exception for non-merit vocabulary (auditor).</summary>
    internal static async Task<Ok<PagedList<CompetencyDto>>> ListVocabularyExemptions(PageRequest query, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCompetenciesQuery(null, query.Page, query.PageSize, VocabularyExemptionsOnly: true), ct));
}
