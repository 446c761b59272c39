using System.Globalization;
using System.Text;
using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Rendering;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.TalentMapping;
using MeritApi.Application.TalentMapping.Queries.ExportTalentMapping;
using MeritApi.Application.TalentMapping.Queries.GetMappingPlacement;
using MeritApi.Application.TalentMapping.Queries.GetTalentMappingRun;
using MeritApi.Application.TalentMapping.Queries.ListTalentMappingRuns;
using MeritApi.Application.TalentMapping.Queries.VerifyMappingPlacement;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.TalentMapping;

/// <summary>Talent-mapping runs (manajemen talenta): HR systems run them; HR systems and auditors read them; committees see none.</summary>
public static class TalentMappingEndpoints
{
    public static void MapTalentMappingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/talent-mapping-runs").WithTags("Talent mapping").ValidateRequests();

        // A national population is a million employees: the run, the picture and the export get the bulk endpoints' time limit.
        group.MapPost("/", Run).WithName("RunTalentMapping").RequireAuthorization(Policies.HrSystem).WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy)
            .WithSummary("Map the agency, or some units, onto the nine-box (HR system)")
            .WithDescription("Each employee against the standard of the position they hold, under the policy's weights, SKP years and " +
                             "validity rule (default: the newest policy) with the Mapping bands (optimal from 90, fairly optimal from 78); " +
                             "those without a position, a valid assessment or a counted SKP year are listed as unplaced with why. " +
                             "Immutable and sealed: every placement's rationale, and the run's results digest in the audit log.");
        group.MapGet("/", List).WithName("ListTalentMappingRuns").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("Mapping runs, newest first (HR system, auditor)");
        group.MapGet("/{runId:guid}", Get).WithName("GetTalentMappingRun").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("A run with its distribution per box, per unit and per unit and box (HR system, auditor)");
        group.MapGet("/{runId:guid}/placements", Placements).WithName("ListMappingPlacements").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("The placements of a run, of a unit or a box, box 9 first (HR system, auditor)");
        group.MapGet("/{runId:guid}/placements/{employeeId:guid}", Placement).WithName("GetMappingPlacement").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("One employee's placement with its sealed rationale (HR system, auditor)");
        group.MapGet("/{runId:guid}/placements/{employeeId:guid}/verification", Verify).WithName("VerifyMappingPlacement")
            .RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("Rescore a placement from the evidence its rationale records and check its seal (HR system, auditor)");
        group.MapGet("/{runId:guid}/unplaced", Unplaced).WithName("ListUnplacedEmployees").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("Those the run could not place, each with every reason (HR system, auditor)");
        group.MapGet("/{runId:guid}/talent-grid", Grid).WithName("GetMappingTalentGrid").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("The run's (or a unit's) nine-box as SVG (HR system, auditor)")
            .Produces<byte[]>(StatusCodes.Status200OK, TalentGridSvg.ContentType).WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy);
        group.MapGet("/{runId:guid}/export", Export).WithName("ExportTalentMapping").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("One CSV row per placed employee for the national talent-mapping upload (HR system, auditor)")
            .WithDescription("Columns: nip, box, potential_value (the JPM), performance_value (the SKP score), total (the weighted sum), " +
                             "jpm_band, position_code, unit; by NIP, streamed.")
            .Produces<byte[]>(StatusCodes.Status200OK, Csv.ContentType).WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy);
    }

    private static async Task<Created<TalentMappingRunDto>> Run(RunTalentMappingRequest request, IdempotencyHeader idempotency, ISender sender,
        CancellationToken ct)
    {
        var run = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/talent-mapping-runs/{run.Id}", run);
    }

    private static async Task<Ok<PagedList<TalentMappingRunDto>>> List(PageRequest page, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListTalentMappingRunsQuery(page.Page, page.PageSize), ct));

    private static async Task<Ok<TalentMappingRunDistributionDto>> Get(Guid runId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTalentMappingRunQuery(runId), ct));

    private static async Task<Ok<PagedList<MappingPlacementDto>>> Placements(Guid runId, MappingPlacementsRequest query, ISender sender,
        CancellationToken ct) => TypedResults.Ok(await sender.Send(query.ToQuery(runId), ct));

    private static async Task<Ok<MappingPlacementDetailDto>> Placement(Guid runId, Guid employeeId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetMappingPlacementQuery(runId, employeeId), ct));

    private static async Task<Ok<MappingVerificationDto>> Verify(Guid runId, Guid employeeId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyMappingPlacementQuery(runId, employeeId), ct));

    private static async Task<Ok<PagedList<UnplacedEmployeeDto>>> Unplaced(Guid runId, UnplacedRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(runId), ct));

    private static async Task<IResult> Grid(Guid runId, MappingUnitRequest query, ISender sender, CancellationToken ct)
    {
        var export = await sender.Send(new ExportTalentMappingQuery(runId, query.Unit), ct);
        var run = export.Run;
        var svg = await TalentGridSvg.RenderAsync($"talent-mapping run {run.Sequence}",
            string.Create(CultureInfo.InvariantCulture,
                $"Talent-mapping run {run.Sequence} · {export.Unit ?? (run.Units.Count == 0 ? "whole agency" : string.Join(", ", run.Units))} · judged on {run.ReferenceDate:yyyy-MM-dd} · policy v{run.PolicyVersion}"),
            export.Placements.Select(p => (p.TalentBox, $"{p.Nip} · {p.Name}")), ct);
        return TypedResults.Text(svg, $"{TalentGridSvg.ContentType}; charset=utf-8");
    }

    private static readonly string[] ExportHeader = ["nip", "box", "potential_value", "performance_value", "total", "jpm_band", "position_code", "unit"];

    private static async Task<IResult> Export(Guid runId, MappingUnitRequest query, ISender sender, CancellationToken ct)
    {
        var export = await sender.Send(new ExportTalentMappingQuery(runId, query.Unit), ct);
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
            var rows = new StringBuilder();
            Csv.AppendRow(rows, ExportHeader);
            await foreach (var p in export.Placements.WithCancellation(ct))
            {
                Csv.AppendRow(rows,
                [
                    p.Nip, p.TalentBox.ToString(CultureInfo.InvariantCulture), Canonical(p.Jpm), Canonical(p.PerformanceScore), Canonical(p.Total),
                    p.JpmBand.ToString(), p.PositionCode, p.Unit,
                ]);
                if (rows.Length > 32 * 1024)
                {
                    await writer.WriteAsync(rows, ct);
                    rows.Clear();
                }
            }
            await writer.WriteAsync(rows, ct);
        }, $"{Csv.ContentType}; charset=utf-8", $"talent-mapping-run-{export.Run.Sequence}.csv");
    }

    private static string Canonical(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
