using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Models;
using MeritApi.Application.DevelopmentActivities;
using MeritApi.Application.DevelopmentActivities.Commands.ImportDevelopmentActivities;
using MeritApi.Application.DevelopmentActivities.Queries.GetJpCompliance;
using MeritApi.Application.DevelopmentActivities.Queries.ListExpiringCertificates;
using MeritApi.Domain.Development;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.DevelopmentActivities;

/// <summary>Development activities and their compliance: HR systems write; HR systems and auditors read; committees see none.</summary>
public static class DevelopmentActivityEndpoints
{
    public static void MapDevelopmentActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Competency development").ValidateRequests();

        api.MapPost("/employees/{id:guid}/development-activities", Record).WithName("RecordDevelopmentActivity").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Record a completed development activity of an employee (HR system)")
            .WithDescription("Form (classical: Training, Course, Seminar, Workshop, ELearning, Upgrading; non-classical: Coaching, Mentoring, " +
                             "Internship, Secondment, Benchmarking, SelfStudy, Exchange, CommunityOfPractice), title, provider, dates, `jp` in half JP " +
                             $"or `minutes` ({JamPelajaran.MinutesPerJp} minutes a JP, rounded down to the half), the competencies addressed and the " +
                             "certificate. The same activity (form, title, dates) again is a 409. An activity is evidence of development, never of " +
                             "competence: only a later valid assessment closes a gap.");
        api.MapGet("/employees/{id:guid}/development-activities", List).WithName("ListDevelopmentActivities").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("An employee's development activities, newest first (HR system, auditor)");
        api.MapPost("/development-activities/import", Import).WithName("ImportDevelopmentActivities").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Import development activities in bulk, all or none (HR system)")
            .WithDescription($"Up to {ImportDevelopmentActivitiesCommand.MaxRows} activities, each naming its employee by `nip`. Every bad row is " +
                             "reported in one answer (`activities[i].field`); an activity already recorded is skipped, so a retried batch adds nothing.");
        api.MapGet("/development-compliance", Compliance).WithName("GetJpCompliance").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("JP of a year per employee and per unit against 20 JP (PNS minimum) and 24 JP (PPPK cap) (HR system, auditor)")
            .WithDescription("An activity counts in the year it ended. `standing=BelowMinimum` lists who falls short, with the shortfall.");
        api.MapGet("/development-activities/certificates/expiring", Expiring).WithName("ListExpiringCertificates").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("Certificates lapsing within `withinDays` days (default 90), soonest first (HR system, auditor)");
    }

    private static async Task<Created<DevelopmentActivityDto>> Record(Guid id, RecordDevelopmentActivityRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct)
    {
        var activity = await sender.Send(request.ToCommand(id) with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/employees/{id}/development-activities", activity);
    }

    private static async Task<Ok<PagedList<DevelopmentActivityDto>>> List(Guid id, ListDevelopmentActivitiesRequest query, ISender sender,
        CancellationToken ct) => TypedResults.Ok(await sender.Send(query.ToQuery(id), ct));

    private static async Task<Ok<ActivityImportSummaryDto>> Import(ImportDevelopmentActivitiesRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct));

    private static async Task<Ok<JpComplianceDto>> Compliance(JpComplianceRequest query, TimeProvider clock, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(clock.Today().Year), ct));

    private static async Task<Ok<PagedList<ExpiringCertificateDto>>> Expiring(ExpiringCertificatesRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));
}
