using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Rendering;
using MeritApi.Api.Security;
using MeritApi.Application.DevelopmentNeeds;
using MeritApi.Application.DevelopmentNeeds.Queries.GetDevelopmentPlan;
using MeritApi.Application.DevelopmentNeeds.Queries.SummariseDevelopmentNeeds;
using MeritApi.Domain.Development;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.DevelopmentNeeds;

/// <summary>The development-needs inventory (AKPK): HR systems and auditors read it; committees see none of it.</summary>
public static class DevelopmentNeedsEndpoints
{
    public static void MapDevelopmentNeedsEndpoints(this IEndpointRouteBuilder app)
    {
        // The agency's whole inventory is read at once: the bulk endpoints' time limit.
        var group = app.MapGroup("/api/v1/development-needs").WithTags("Competency development").ValidateRequests();
        group.WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy);

        group.MapGet("/", List).WithName("ListDevelopmentNeeds").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("The development-needs inventory: each employee's competencies below standard (HR system, auditor)")
            .WithDescription("Against the standard of the position each employee holds, or of `targetPositionId` (the position to be held, " +
                             "PP 11/2017 Art. 206), from valid assessments only: a competency without one (never assessed, expired, or by an " +
                             "unaccredited body) is `NeedsAssessment`. Judged on `asOf` (default today) by the newest policy's validity rule; " +
                             "streamed, as JSON or CSV (`format=csv`), by NIP.")
            .Produces<DevelopmentNeedsInventoryDocument>(StatusCodes.Status200OK, "application/json", Csv.ContentType);
        group.MapGet("/summary", Summary).WithName("SummariseDevelopmentNeeds").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("The inventory rolled up by unit and by competency (HR system, auditor)");
        group.MapGet("/plan", Plan).WithName("GetDevelopmentPlan").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("Development plan rows in the shape of PP 11/2017 Art. 207 (HR system, auditor)")
            .WithDescription("Per competency: the target employees, a suggested form and JP per employee (one level to close: coaching, " +
                             $"{NeedsInventory.SuggestedJpPerLevel} JP; more: training, {NeedsInventory.SuggestedJpPerLevel} JP a level), and " +
                             "who must be (re)assessed first. JSON or CSV with empty provider, schedule and budget columns for the agency.")
            .Produces<DevelopmentPlan>(StatusCodes.Status200OK, "application/json", Csv.ContentType);
    }

    /// <summary>The JSON shape of the inventory (the stream is written as an array).</summary>
    public sealed record DevelopmentNeedsInventoryDocument(InventoryBasis Basis, IReadOnlyList<EmployeeDevelopmentNeedsDto> Employees);

    private static async Task<IResult> List(DevelopmentNeedsRequest query, ISender sender, CancellationToken ct)
    {
        var inventory = await sender.Send(query.ToList(), ct);
        return query.Format == DevelopmentNeedsRequest.Csv
            ? TypedResults.Stream(body => DevelopmentNeedsCsv.WriteInventoryAsync(inventory.Employees, body, ct), $"{Csv.ContentType}; charset=utf-8",
                $"development-needs-{inventory.Basis.AsOf:yyyy-MM-dd}.csv")
            : TypedResults.Ok(inventory);
    }

    private static async Task<Ok<DevelopmentNeedsSummary>> Summary(DevelopmentNeedsRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToSummary(), ct));

    private static async Task<IResult> Plan(DevelopmentNeedsRequest query, ISender sender, CancellationToken ct)
    {
        var plan = await sender.Send(query.ToPlan(), ct);
        return query.Format == DevelopmentNeedsRequest.Csv
            ? TypedResults.Stream(body => DevelopmentNeedsCsv.WritePlanAsync(plan, body, ct), $"{Csv.ContentType}; charset=utf-8",
                $"development-plan-{plan.Basis.AsOf:yyyy-MM-dd}.csv")
            : TypedResults.Ok(plan);
    }
}
