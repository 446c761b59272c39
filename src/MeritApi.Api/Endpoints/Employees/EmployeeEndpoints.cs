using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Employees;
using MeritApi.Application.Employees.Commands.ImportEmployees;
using MeritApi.Application.Employees.Queries.GetEmployee;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MeritApi.Api.Endpoints.Employees;

public static class EmployeeEndpoints
{
    public static void MapEmployeeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/employees").WithTags("Employees and merit evidence").ValidateRequests();

        group.MapPost("/", Register).WithName("RegisterEmployee").RequireAuthorization(Policies.HrSystem).WithSummary("Register a civil servant (HR system)")
            .WithDescription("Only merit-relevant fields exist. A body carrying any non-merit attribute (religion, gender, age, …) is refused with 400.");
        group.MapPost("/import", Import).WithName("ImportEmployees").RequireAuthorization(Policies.HrSystem)
            .WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy)
            .WithSummary("Bulk import employees with their assessments and SKP ratings (HR system)")
            .WithDescription($"Up to {ImportEmployeesCommand.MaxRows} rows per call, upserted by NIP, all or none: a bad row answers 400 with " +
                             "each bad row's index and field (employees[i].…) and stores nothing. Re-sending the same batch changes nothing.")
            .WithMetadata(new RequestSizeLimitAttribute(ImportMaxRequestBytes));
        group.MapPost("/{id:guid}/competency-assessments", RecordAssessment).WithName("RecordCompetencyAssessment").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Record a competency assessment (HR system)")
            .WithDescription("Assessments accumulate; scoring uses the most recent one of each competency. The same assessment again " +
                             "(competency, level, date and assessor) is refused with 409 (rule duplicate-assessment); a different level on the same day is a correction.");
        group.MapPut("/{id:guid}/performance-ratings/{year:int}", RecordRating).WithName("RecordPerformanceRating").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Record or correct the SKP performance rating of a year (HR system)")
            .WithDescription("With `If-Match` (the employee's ETag from GET), applied only if the employee has not changed since (else 412).")
            .Produces<PerformanceRatingDto>();
        group.MapGet("/{id:guid}", Get).WithName("GetEmployee").Revalidatable().RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("One employee with all merit evidence (HR system)").Produces<EmployeeDetailsDto>();
        group.MapGet("/", List).WithName("ListEmployees").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("List employees, optionally by NIP or unit (HR system)");
    }

    /// <summary>10,000 rows with their evidence fit comfortably; the API's default limit is far smaller.</summary>
    public const long ImportMaxRequestBytes = WebApi.MaxAnyRequestBytes;

    private static async Task<Ok<ImportSummaryDto>> Import(ImportEmployeesRequest request, IdempotencyHeader idempotency, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct));

    private static async Task<Created<EmployeeDto>> Register(RegisterEmployeeRequest request, IdempotencyHeader idempotency, ISender sender,
        CancellationToken ct)
    {
        var employee = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/employees/{employee.Id}", employee);
    }

    private static async Task<Created<CompetencyAssessmentDto>> RecordAssessment(Guid id, RecordCompetencyAssessmentRequest request,
        IdempotencyHeader idempotency, ISender sender, CancellationToken ct)
    {
        var assessment = await sender.Send(request.ToCommand(id) with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/employees/{id}", assessment);
    }

    private static async Task<IResult> RecordRating(Guid id, int year, RecordPerformanceRatingRequest request, IdempotencyHeader idempotency,
        IfMatchHeader ifMatch, HttpContext http, ISender sender, CancellationToken ct)
    {
        var rating = await sender.Send(request.ToCommand(id, year) with { IdempotencyKey = idempotency.Key, IfMatch = ifMatch.Precondition }, ct);
        return await EntityTags.WithVersionAsync(http, sender, VersionedResource.Employee, id, TypedResults.Ok(rating));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var employee = await sender.Send(new GetEmployeeQuery(id), ct);
        return await EntityTags.ConditionalOnVersionAsync(http, sender, VersionedResource.Employee, id, TypedResults.Ok(employee));
    }

    private static async Task<Ok<PagedList<EmployeeDto>>> List(ListEmployeesRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));
}
