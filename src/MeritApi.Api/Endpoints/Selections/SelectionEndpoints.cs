using Mediator;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Rendering;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Selections;
using MeritApi.Application.Selections.Commands.EnrolCandidates;
using MeritApi.Application.Selections.Commands.RevealIdentities;
using MeritApi.Application.Selections.Commands.RunScoring;
using MeritApi.Application.Selections.Queries.ExportShortlist;
using MeritApi.Application.Selections.Queries.GetCandidateResult;
using MeritApi.Application.Selections.Queries.GetDecision;
using MeritApi.Application.Selections.Queries.GetDecisionFile;
using MeritApi.Application.Selections.Queries.GetScoringRun;
using MeritApi.Application.Selections.Queries.GetSelection;
using MeritApi.Application.Selections.Queries.GetShortlist;
using MeritApi.Application.Selections.Queries.ListCandidates;
using MeritApi.Application.Selections.Queries.ListScoringRuns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MeritApi.Api.Endpoints.Selections;

public static class SelectionEndpoints
{
    public static void MapSelectionEndpoints(this IEndpointRouteBuilder app)
    {
        // The committee scope is checked before the endpoint sends its command, so a replay of a stored answer is
        // authorized exactly as the original request was.
        var group = app.MapGroup("/api/v1/selections").WithTags("Selections, scoring and shortlists")
            .AddEndpointFilter<CommitteeScopeFilter>().ValidateRequests();

        group.MapPost("/", Open).WithName("OpenSelection").RequireAuthorization(Policies.HrSystem).WithSummary("Open a selection for a position (HR system)");
        group.MapGet("/", List).WithName("ListSelections").RequireAuthorization(Policies.HrOrAuditor).WithSummary("List selections, newest first");
        group.MapGet("/{id:guid}", Get).WithName("GetSelection").RequireAuthorization(Policies.ReadSelections).WithSummary("One selection");

        group.MapPost("/{id:guid}/candidates", Enrol).WithName("EnrolCandidates").RequireAuthorization(Policies.HrSystem)
            .WithSummary("Enrol employees as candidates (HR system)")
            .WithDescription($"Up to {EnrolCandidatesCommand.MaxPerRequest} employees per request; each gets a blind candidate code. 409 once the selection is decided.");
        group.MapGet("/{id:guid}/candidates", ListCandidates).WithName("ListCandidates").RequireAuthorization(Policies.HrOrAuditor)
            .WithSummary("List a selection's candidates (HR system)");

        group.MapPost("/{id:guid}/scoring-runs", RunScoring).WithName("RunScoring").RequireAuthorization(Policies.HrSystem)
            .WithRequestTimeout(ServiceUnavailable.LongTimeoutPolicy)
            .WithSummary("Run scoring (HR system)")
            .WithDescription("Scores every candidate from the current evidence under the selection's policy and stores an immutable scoring run.");
        group.MapGet("/{id:guid}/scoring-runs", ListRuns).WithName("ListScoringRuns").RequireAuthorization(Policies.ReadSelections)
            .WithSummary("List a selection's scoring runs, latest first");
        group.MapGet("/{id:guid}/scoring-runs/{runId:guid}", GetRun).WithName("GetScoringRun").Revalidatable().RequireAuthorization(Policies.ReadSelections)
            .WithSummary("One scoring run").Produces<ScoringRunDto>();
        group.MapGet("/{id:guid}/scoring-runs/{runId:guid}/results/{candidateId:guid}", GetResult).WithName("GetCandidateResult").Revalidatable()
            .RequireAuthorization(Policies.ReadResults)
            .WithSummary("One candidate's full result in a scoring run").Produces<CandidateResultDto>();

        group.MapPost("/{id:guid}/decision", Decide).WithName("RecordDecision").RequireAuthorization(Policies.Committee)
            .WithSummary("Record the committee's decision (committee)")
            .WithDescription("Choose from the scoring run the committee reviewed (`scoringRunId`; 409 `newer-run-exists` if a newer run exists). " +
                             "Anyone outside the top n (n = places) needs a justification of at least " +
                             $"{Domain.Decisions.SelectionDecision.MinimumJustificationLength} characters: within the best 3n it is a reasoned choice, " +
                             "beyond them a flagged merit deviation; an ineligible candidate is refused. The selection is then closed " +
                             "(409 for enrolment and scoring).");
        group.MapPost("/{id:guid}/identity-reveal", RevealIdentities).WithName("RevealIdentities").RequireAuthorization(Policies.Committee)
            .WithSummary("Reveal candidates' names on the shortlist (committee)")
            .WithDescription("Only once the selection has been scored; recorded in the audit trail.");
        group.MapGet("/{id:guid}/decision", GetDecision).WithName("GetDecision").RequireAuthorization(Policies.ReadResults).WithSummary("The committee's decision");
        group.MapGet("/{id:guid}/decision-file", GetDecisionFile).WithName("GetDecisionFile").Revalidatable().RequireAuthorization(Policies.Auditor)
            .WithSummary("The selection's complete decision file, for archiving (auditor)")
            .WithDescription("Position, standard, policy, runs, every rationale of the latest run with its seal, decision, deviations and audit entries, as a JSON download.")
            .Produces<DecisionFileDto>();

        group.MapGet("/{id:guid}/shortlist", Shortlist).WithName("GetShortlist").Revalidatable().CacheOutput(ShortlistCache.PolicyName).RequireAuthorization(Policies.ReadResults)
            .WithSummary("The ranked shortlist (committee)")
            .WithDescription("Blind until the committee reveals identities: candidate codes only, no digit of the NIP; after the reveal the " +
                             "full NIP and the name. Latest run unless runId is given. " +
                             "'top' keeps ranks ≤ N (ties at the boundary stay in). Ineligible candidates are appended only with includeIneligible=true. " +
                             "JSON (one page), or every selected line as CSV (`?format=csv` or `Accept: text/csv`, a download named " +
                             "after the selection's reference and the run) or as a printable HTML page (`?format=html` or `Accept: text/html`).")
            .Produces<ShortlistDto>(StatusCodes.Status200OK, "application/json", ShortlistCsv.ContentType, ShortlistPage.ContentType);
        group.MapGet("/{id:guid}/scoring-runs/{runId:guid}/talent-grid", TalentGrid).WithName("GetTalentGrid").Revalidatable().RequireAuthorization(Policies.ReadResults)
            .WithSummary("The nine-box talent grid of a scoring run, as SVG")
            .WithDescription("Every candidate of the run in the box of PermenPANRB 3/2020 (potential up, performance across), counts per box, " +
                             "candidate codes (names only after the reveal), the talent pool (7–9) shaded.")
            .Produces<string>(StatusCodes.Status200OK, TalentGridSvg.ContentType);
    }

    private static async Task<Created<SelectionDto>> Open(OpenSelectionRequest request, IdempotencyHeader idempotency, ISender sender,
        CancellationToken ct)
    {
        var selection = await sender.Send(request.ToCommand() with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/selections/{selection.Id}", selection);
    }

    private static async Task<Ok<PagedList<SelectionDto>>> List(ListSelectionsRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));

    private static async Task<Ok<SelectionDto>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSelectionQuery(id), ct));

    private static async Task<Ok<IReadOnlyList<CandidateDto>>> Enrol(Guid id, EnrolCandidatesRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(request.ToCommand(id) with { IdempotencyKey = idempotency.Key }, ct));

    private static async Task<Ok<PagedList<CandidateDto>>> ListCandidates(Guid id, PageRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCandidatesQuery(id, query.Page, query.PageSize), ct));

    private static async Task<Created<ScoringRunDto>> RunScoring(Guid id, IdempotencyHeader idempotency, ISender sender,
        ShortlistCache shortlists, IOutputCacheStore store, CancellationToken ct)
    {
        var run = await sender.Send(new RunScoringCommand(id) { IdempotencyKey = idempotency.Key }, ct);
        await shortlists.InvalidateAsync(id, store, ct); // "latest" is now this run
        return TypedResults.Created($"/api/v1/selections/{id}/scoring-runs/{run.Id}", run);
    }

    private static async Task<Ok<PagedList<ScoringRunDto>>> ListRuns(Guid id, PageRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListScoringRunsQuery(id, query.Page, query.PageSize), ct));

    private static async Task<IResult> GetRun(Guid id, Guid runId, HttpContext http, ISender sender, CancellationToken ct)
    {
        var run = await sender.Send(new GetScoringRunQuery(id, runId), ct);
        return await EntityTags.ConditionalAsync(http, EntityTags.Of("run", run.Id), () => Task.FromResult<IResult>(TypedResults.Ok(run)));
    }

    private static async Task<IResult> GetResult(Guid id, Guid runId, Guid candidateId, HttpContext http, ISender sender,
        CancellationToken ct)
    {
        var result = await sender.Send(new GetCandidateResultQuery(id, runId, candidateId), ct);
        return await EntityTags.ConditionalAsync(http, EntityTags.Of("result", runId, candidateId, result.Name is not null),
            () => Task.FromResult<IResult>(TypedResults.Ok(result)));
    }

    private static async Task<Created<DecisionDto>> Decide(Guid id, RecordDecisionRequest request, IdempotencyHeader idempotency,
        ISender sender, CancellationToken ct)
    {
        var decision = await sender.Send(request.ToCommand(id) with { IdempotencyKey = idempotency.Key }, ct);
        return TypedResults.Created($"/api/v1/selections/{id}/decision", decision);
    }

    private static async Task<Ok<DecisionDto>> GetDecision(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetDecisionQuery(id), ct));

    private static async Task<IResult> GetDecisionFile(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new GetDecisionFileQuery(id), ct);
        // Weak: the file says when it was generated, so two copies of the same state differ in that line. Its rationales are
        // those of the latest run, which the runs listed name, so the heading decides the rest.
        var heading = System.Text.Json.JsonSerializer.Serialize(new
        {
            file.Format,
            file.Selection,
            file.Position,
            file.Policy,
            file.ScoringRuns,
            file.Decision,
            file.ReasonedChoices,
            file.MeritDeviations,
            file.AuditEntries,
            file.Checkpoint,
            file.SigningKey,
        }, http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        return await EntityTags.ConditionalAsync(http, "W/" + EntityTags.Of("decision-file", heading), () =>
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"decision-file-{id}.json\"";
            return Task.FromResult<IResult>(TypedResults.Ok(file));
        });
    }

    private static async Task<IResult> Shortlist(Guid id, ShortlistRequest query, HttpRequest request, ISender sender, CancellationToken ct)
    {
        var format = query.Format ?? Negotiated(request);
        if (format == ShortlistRequest.Json)
        {
            var page = await sender.Send(query.ToQuery(id), ct);
            return await EntityTags.ConditionalAsync(request.HttpContext, EntityTags.Of("shortlist", page.ScoringRunId, page.IdentitiesRevealed,
                query.Top, query.IncludeIneligible, query.Page, query.PageSize, format), () => Task.FromResult<IResult>(TypedResults.Ok(page)));
        }
        // The lines are read only once the answer is known not to be a 304.
        var export = await sender.Send(query.ToExport(id), ct);
        var etag = EntityTags.Of("shortlist", export.Heading.ScoringRunId, export.Heading.IdentitiesRevealed, query.Top, query.IncludeIneligible,
            format);
        return await EntityTags.ConditionalAsync(request.HttpContext, etag, () => Task.FromResult<IResult>(format == ShortlistRequest.Csv
            ? TypedResults.Stream(body => ShortlistCsv.WriteAsync(export.Lines, body, ct), $"{ShortlistCsv.ContentType}; charset=utf-8",
                $"{DocumentName("shortlist", export.Heading)}.csv")
            : TypedResults.Stream(body => ShortlistPage.WriteAsync(export, body, ct), $"{ShortlistPage.ContentType}; charset=utf-8")));
    }

    /// <summary>JSON unless the Accept header names CSV or HTML (and not JSON) first.</summary>
    private static string Negotiated(HttpRequest request)
    {
        foreach (var accept in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (accept.MediaType.Equals(ShortlistCsv.ContentType, StringComparison.OrdinalIgnoreCase))
                return ShortlistRequest.Csv;
            if (accept.MediaType.Equals(ShortlistPage.ContentType, StringComparison.OrdinalIgnoreCase))
                return ShortlistRequest.Html;
            if (accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
                return ShortlistRequest.Json;
        }
        return ShortlistRequest.Json;
    }

    private static async Task<IResult> TalentGrid(Guid id, Guid runId, HttpContext http, ISender sender, CancellationToken ct)
    {
        var export = await sender.Send(new ExportShortlistQuery(id, runId, null, IncludeIneligible: true), ct);
        return await EntityTags.ConditionalAsync(http, EntityTags.Of("talent-grid", runId, export.Heading.IdentitiesRevealed), async () =>
            TypedResults.Text(await TalentGridSvg.RenderAsync(export, ct), $"{TalentGridSvg.ContentType}; charset=utf-8"));
    }

    /// <summary>A download's name: the selection's reference (or id) and the run, in characters safe in any file system.</summary>
    private static string DocumentName(string kind, ShortlistHeading heading)
    {
        var reference = heading.Reference is { Length: > 0 } r ? r : heading.SelectionId.ToString();
        var safe = new string(reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return $"{kind}-{safe}-run-{heading.RunSequence}";
    }

    private static async Task<Ok<SelectionDto>> RevealIdentities(Guid id, IdempotencyHeader idempotency, ISender sender,
        ShortlistCache shortlists, IOutputCacheStore store, CancellationToken ct)
    {
        var selection = await sender.Send(new RevealIdentitiesCommand(id) { IdempotencyKey = idempotency.Key }, ct);
        await shortlists.InvalidateAsync(id, store, ct); // the pages now carry names
        return TypedResults.Ok(selection);
    }
}
