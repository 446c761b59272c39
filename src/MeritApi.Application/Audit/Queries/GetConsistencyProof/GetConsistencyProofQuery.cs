using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Audit.Queries.GetConsistencyProof;

/// <summary>
/// The proof that the log's signed checkpoint of <see cref="To"/> entries extends its signed checkpoint of
/// <see cref="From"/> entries (RFC 9162 §2.1.4): nothing an auditor saw at the older size was changed or removed since.
/// </summary>
public sealed record GetConsistencyProofQuery(long From, long? To = null) : IQuery<ConsistencyProofDto>;

public sealed record ConsistencyProofDto(long From, long To, IReadOnlyList<string> Proof, CheckpointDto FromCheckpoint, CheckpointDto ToCheckpoint);

internal sealed class GetConsistencyProofQueryValidator : AbstractValidator<GetConsistencyProofQuery>
{
    public GetConsistencyProofQueryValidator()
    {
        RuleFor(q => q.From).GreaterThanOrEqualTo(1);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.To is not null)
            .WithMessage("'to' must be at least 'from': a newer checkpoint extends an older one.");
    }
}

internal sealed class GetConsistencyProofQueryHandler(IApplicationDbContext db) : IQueryHandler<GetConsistencyProofQuery, ConsistencyProofDto>
{
    public async ValueTask<ConsistencyProofDto> Handle(GetConsistencyProofQuery query, CancellationToken cancellationToken)
    {
        var from = await db.CheckpointAsync(query.From, cancellationToken);
        var to = await db.CheckpointAsync(query.To, cancellationToken);
        if (to.TreeSize < from.TreeSize)
            throw new NotFoundException("Checkpoint", query.From, $"The latest checkpoint ({to.TreeSize} entries) is older than {from.TreeSize}.");
        var tree = await db.TreeAsync(to.TreeSize, cancellationToken);
        var proof = tree.Consistency(from.TreeSize, to.TreeSize);
        return new ConsistencyProofDto(from.TreeSize, to.TreeSize, [.. proof.Select(Convert.ToBase64String)], CheckpointDto.From(from),
            CheckpointDto.From(to));
    }
}
