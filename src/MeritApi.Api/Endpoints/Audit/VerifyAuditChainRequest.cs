using MeritApi.Api.Infrastructure;
using MeritApi.Application.Audit.Queries.VerifyAuditChain;

namespace MeritApi.Api.Endpoints.Audit;

/// <summary>The query of <c>GET /api/v1/audit/verification</c>: an optional anchor from an earlier answer.</summary>
public sealed record VerifyAuditChainRequest(long? AnchorSequence, string? AnchorHash) : IQueryRequest<VerifyAuditChainRequest>
{
    public static VerifyAuditChainRequest Read(QueryReader query) =>
        new(query.LongNumber(nameof(AnchorSequence)), query.Text(nameof(AnchorHash)));

    public VerifyAuditChainQuery ToQuery() => new(AnchorSequence, AnchorHash);
}
