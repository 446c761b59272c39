using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Audit.Queries.GetInclusionProof;

/// <summary>
/// The proof that audit entry <see cref="Sequence"/> is leaf <c>sequence − 1</c> of the tree a signed checkpoint states
/// (the latest unless <see cref="TreeSize"/> names one): RFC 9162 §2.1.3.
/// </summary>
public sealed record GetInclusionProofQuery(long Sequence, long? TreeSize = null) : IQuery<InclusionProofDto>;

/// <summary>Hashes are base64, as in RFC 9162's own test vectors; the proof lists the siblings from the leaf up.</summary>
public sealed record InclusionProofDto(long Sequence, long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> Proof,
    CheckpointDto Checkpoint);

internal sealed class GetInclusionProofQueryValidator : AbstractValidator<GetInclusionProofQuery>
{
    public GetInclusionProofQueryValidator()
    {
        RuleFor(q => q.Sequence).GreaterThanOrEqualTo(1);
        RuleFor(q => q.TreeSize).GreaterThanOrEqualTo(q => q.Sequence).When(q => q.TreeSize is not null)
            .WithMessage("'treeSize' must be at least the entry's sequence: a tree holds only the entries before its size.");
    }
}

internal sealed class GetInclusionProofQueryHandler(IApplicationDbContext db) : IQueryHandler<GetInclusionProofQuery, InclusionProofDto>
{
    public async ValueTask<InclusionProofDto> Handle(GetInclusionProofQuery query, CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == query.Sequence, cancellationToken)
                    ?? throw new NotFoundException("Audit entry", query.Sequence);
        var checkpoint = await db.CheckpointAsync(query.TreeSize, cancellationToken);
        if (checkpoint.TreeSize < entry.Sequence)
            throw new NotFoundException("Checkpoint", entry.Sequence,
                $"Entry {entry.Sequence} is newer than the latest signed checkpoint ({checkpoint.TreeSize} entries).");
        var tree = await db.TreeAsync(checkpoint.TreeSize, cancellationToken);
        var proof = tree.Inclusion(entry.LeafIndex, checkpoint.TreeSize);
        return new InclusionProofDto(entry.Sequence, entry.LeafIndex, checkpoint.TreeSize, Convert.ToBase64String(entry.LeafHash()),
            [.. proof.Select(Convert.ToBase64String)], CheckpointDto.From(checkpoint));
    }
}
