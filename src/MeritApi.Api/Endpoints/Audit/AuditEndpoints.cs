using Mediator;
using MeritApi.Api.Endpoints.Competencies;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Rendering;
using MeritApi.Api.Security;
using MeritApi.Application.Audit;
using MeritApi.Application.Audit.Queries.GetCheckpoint;
using MeritApi.Application.Audit.Queries.GetConsistencyProof;
using MeritApi.Application.Audit.Queries.GetInclusionProof;
using MeritApi.Application.Audit.Queries.GetSigningKey;
using MeritApi.Application.Audit.Queries.ListAuditEntries;
using MeritApi.Application.Audit.Queries.ListDecisionChoices;
using MeritApi.Application.Audit.Queries.VerifyAuditChain;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Rationales.Queries.GetRationale;
using MeritApi.Application.Rationales.Queries.VerifyRationale;
using MeritApi.Domain.Decisions;
using MeritApi.Domain.Rationales;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeritApi.Api.Endpoints.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var rationale = app.MapGroup("/api/v1/selections/{id:guid}/scoring-runs/{runId:guid}/results/{candidateId:guid}/rationale")
            .WithTags("Rationales and verification").AddEndpointFilter<CommitteeScopeFilter>();
        rationale.MapGet("/", GetRationale).WithName("GetRationale").Revalidatable().RequireAuthorization(Policies.ReadResults)
            .WithSummary("The full rationale of a candidate's result (auditor, committee)")
            .WithDescription("JSON by default; `Accept: text/markdown` or `text/plain` gives the statement an auditor reads, in English with the Indonesian terms.")
            .Produces<CandidateRationale>(StatusCodes.Status200OK, "application/json", "text/markdown", "text/plain");
        rationale.MapGet("/verification", VerifyRationale).WithName("VerifyRationale").RequireAuthorization(Policies.Auditor)
            .WithSummary("Recompute a stored result and check its seal (auditor)")
            .WithDescription("Reports `match`, or for each figure that differs the stored and recomputed values; checks the seal and the run's digest in the audit trail.");

        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit");
        audit.MapGet("/entries", ListEntries).WithName("ListAuditEntries").RequireAuthorization(Policies.Auditor).WithSummary("Page through the audit trail (auditor)");
        audit.MapGet("/verification", VerifyChain).WithName("VerifyAuditChain").RequireAuthorization(Policies.Auditor)
            .WithSummary("Verify the audit trail's hash chain end to end (auditor)")
            .WithDescription("`intact`, or `broken` with the first broken link's sequence and why (edited or deleted entry). " +
                             "Pass an earlier answer's lastSequence/lastHash as anchorSequence/anchorHash to also catch removed newest entries " +
                             "or a chain rebuilt by someone with database access.");
        audit.MapGet("/checkpoints/latest", (ISender sender, CancellationToken ct) => GetCheckpoint(null, sender, ct))
            .RequireAuthorization(Policies.Auditor).WithName("GetLatestCheckpoint")
            .WithSummary("The latest signed checkpoint of the audit log (auditor)")
            .WithDescription("Tree size, Merkle root (RFC 9162), time and key id, signed with ECDSA P-256 by a key the database never " +
                             "holds. Keep it: any later checkpoint must extend it (consistency-proof).");
        audit.MapGet("/checkpoints/{treeSize:long}", (long treeSize, ISender sender, CancellationToken ct) => GetCheckpoint(treeSize, sender, ct))
            .WithName("GetCheckpoint")
            .RequireAuthorization(Policies.Auditor).WithSummary("The signed checkpoint of a given tree size (auditor)");
        audit.MapGet("/signing-key", GetSigningKey).WithName("GetSigningKey").RequireAuthorization(Policies.Auditor)
            .WithSummary("The public key checkpoints are signed with (auditor)")
            .WithDescription("Take it once from a channel other than this server and verify checkpoints against that copy.");
        audit.MapGet("/entries/{sequence:long}/inclusion-proof", GetInclusionProof).WithName("GetInclusionProof").RequireAuthorization(Policies.Auditor)
            .WithSummary("The proof that an entry is in the log at a signed checkpoint (auditor)")
            .WithDescription("RFC 9162 §2.1.3, against the latest checkpoint unless treeSize names one; hashes base64.");
        audit.MapGet("/consistency-proof", GetConsistencyProof).WithName("GetConsistencyProof").RequireAuthorization(Policies.Auditor)
            .WithSummary("The proof that a newer signed checkpoint extends an older one (auditor)")
            .WithDescription("RFC 9162 §2.1.4, from the checkpoint of `from` entries to that of `to` (default: the latest).");
        audit.MapGet("/merit-deviations", ListDeviations).WithName("ListMeritDeviations").RequireAuthorization(Policies.Auditor)
            .WithSummary("Merit deviations: committee choices outside the best 3n (auditor)")
            .WithDescription("Each is flagged and carries the committee's justification.");
        audit.MapGet("/vocabulary-exemptions", CompetencyEndpoints.ListVocabularyExemptions).WithName("ListVocabularyExemptions").RequireAuthorization(Policies.Auditor)
            .WithSummary("Competencies registered with an administrator's exception for non-merit vocabulary (auditor)")
            .WithDescription("Each with the terms it uses, the written justification, who approved it and when.");
        audit.MapGet("/reasoned-choices", ListReasonedChoices).WithName("ListReasonedChoices").RequireAuthorization(Policies.Auditor)
            .WithSummary("Reasoned choices: committee choices within the best 3n but outside the top n (auditor)")
            .WithDescription("Lawful, with the committee's written reason; not merit deviations.");
    }

    private static async Task<IResult> GetRationale(Guid id, Guid runId, Guid candidateId, HttpRequest request, ISender sender, CancellationToken ct)
    {
        var rationale = await sender.Send(new GetRationaleQuery(id, runId, candidateId), ct);
        var accepts = request.GetTypedHeaders().Accept ?? [];
        var text = accepts.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault(a =>
            a.MediaType.Equals("text/markdown", StringComparison.OrdinalIgnoreCase) ||
            a.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) ||
            a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        var json = text is null || text.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        var mediaType = json ? "application/json" : text!.MediaType.Value!.ToLowerInvariant();
        return await EntityTags.ConditionalAsync(request.HttpContext, EntityTags.Of("rationale", runId, candidateId, mediaType), () =>
            Task.FromResult<IResult>(json ? TypedResults.Ok(rationale)
                : TypedResults.Text(RationaleStatement.ToMarkdown(rationale), $"{mediaType}; charset=utf-8")));
    }

    private static async Task<Ok<RationaleVerificationDto>> VerifyRationale(Guid id, Guid runId, Guid candidateId, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyRationaleQuery(id, runId, candidateId), ct));

    private static async Task<Ok<PagedList<AuditEntryDto>>> ListEntries(ListAuditEntriesRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));

    private static async Task<Ok<AuditChainVerificationDto>> VerifyChain(VerifyAuditChainRequest query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(), ct));

    private static async Task<Ok<CheckpointDto>> GetCheckpoint(long? treeSize, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCheckpointQuery(treeSize), ct));

    private static async Task<Ok<SigningKeyDto>> GetSigningKey(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSigningKeyQuery(), ct));

    private static async Task<Ok<InclusionProofDto>> GetInclusionProof(long sequence, TreeSizeRequest query, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetInclusionProofQuery(sequence, query.TreeSize), ct));

    private static async Task<Ok<ConsistencyProofDto>> GetConsistencyProof(ConsistencyProofRequest query, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetConsistencyProofQuery(query.From ?? 0, query.To), ct));

    private static async Task<Ok<PagedList<DecisionChoiceListingDto>>> ListDeviations(ListDecisionChoicesRequest query, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(ChoiceStanding.MeritDeviation), ct));

    private static async Task<Ok<PagedList<DecisionChoiceListingDto>>> ListReasonedChoices(ListDecisionChoicesRequest query, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(query.ToQuery(ChoiceStanding.ReasonedChoice), ct));
}
