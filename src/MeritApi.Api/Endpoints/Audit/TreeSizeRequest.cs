using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Endpoints.Audit;

/// <summary>The query of an inclusion proof: the signed tree size to prove against (default: the latest checkpoint's).</summary>
public sealed record TreeSizeRequest(long? TreeSize) : IQueryRequest<TreeSizeRequest>
{
    public static TreeSizeRequest Read(QueryReader query) => new(query.LongNumber(nameof(TreeSize)));
}

/// <summary>The query of a consistency proof: <c>?from=</c> (required) and <c>?to=</c> (default: the latest checkpoint).</summary>
public sealed record ConsistencyProofRequest(long? From, long? To) : IQueryRequest<ConsistencyProofRequest>
{
    public static ConsistencyProofRequest Read(QueryReader query) => new(query.LongNumber(nameof(From)), query.LongNumber(nameof(To)));
}
