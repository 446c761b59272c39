using Mediator;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Audit.Queries.GetCheckpoint;

/// <summary>A signed checkpoint of the audit log: the latest, or the one of a given tree size.</summary>
public sealed record GetCheckpointQuery(long? TreeSize = null) : IQuery<CheckpointDto>;

internal sealed class GetCheckpointQueryHandler(IApplicationDbContext db) : IQueryHandler<GetCheckpointQuery, CheckpointDto>
{
    public async ValueTask<CheckpointDto> Handle(GetCheckpointQuery query, CancellationToken cancellationToken) =>
        CheckpointDto.From(await db.CheckpointAsync(query.TreeSize, cancellationToken));
}
