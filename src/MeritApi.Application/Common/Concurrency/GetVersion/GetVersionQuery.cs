using Mediator;

namespace MeritApi.Application.Common.Concurrency.GetVersion;

/// <summary>The current row version of a versioned resource (its ETag), null when there is none.</summary>
public sealed record GetVersionQuery(VersionedResource Resource, Guid Id) : IQuery<uint?>;

internal sealed class GetVersionQueryHandler(IRowVersions versions) : IQueryHandler<GetVersionQuery, uint?>
{
    public async ValueTask<uint?> Handle(GetVersionQuery query, CancellationToken cancellationToken) =>
        await versions.CurrentAsync(query.Resource, query.Id, cancellationToken);
}
