using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Transparency;

namespace MeritApi.Application.Audit.Queries.VerifyAuditChain;

/// <summary>
/// Verifies the whole hash chain from the first entry to the last, reporting the first broken link, and the log against
/// its latest signed checkpoint: the checkpoint's signature must be the configured key's, the log must still hold at
/// least the entries it covers (else its newest entries were cut off), and those entries must still hash to its root
/// (else the log was rebuilt from some entry on). No anchor is needed for that; an auditor who kept an earlier answer's
/// lastSequence/lastHash may still pass them as an anchor, and the chain must then contain exactly that entry.
/// </summary>
public sealed record VerifyAuditChainQuery(long? AnchorSequence = null, string? AnchorHash = null) : IQuery<AuditChainVerificationDto>;

public sealed record AuditChainVerificationDto(
    string Status, long EntriesChecked, long? LastSequence, string? LastHash, long? FirstBrokenSequence, string? Reason,
    CheckpointDto? Checkpoint = null)
{
    public const string Intact = "intact";
    public const string Broken = "broken";
}

internal sealed class VerifyAuditChainQueryValidator : AbstractValidator<VerifyAuditChainQuery>
{
    public VerifyAuditChainQueryValidator()
    {
        RuleFor(q => q.AnchorSequence).NotNull().GreaterThanOrEqualTo(1).When(q => q.AnchorHash is not null);
        RuleFor(q => q.AnchorHash).NotNull().Matches("^[0-9a-f]{64}$").When(q => q.AnchorSequence is not null)
            .WithMessage("'anchorHash' is the 64 lower-case hex digits of an earlier verification's lastHash.");
    }
}

internal sealed class VerifyAuditChainQueryHandler(IApplicationDbContext db, ILogSigningKey key)
    : IQueryHandler<VerifyAuditChainQuery, AuditChainVerificationDto>
{
    public async ValueTask<AuditChainVerificationDto> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        var checkpoint = await db.LatestCheckpointAsync(cancellationToken);
        var signed = checkpoint is null ? null : CheckpointDto.From(checkpoint);
        var chain = new AuditChain();
        var tree = new MerkleFrontier();
        AuditEntry? last = null;
        var anchorFound = false;
        AuditChainVerificationDto Broken(long sequence, string reason) =>
            new(AuditChainVerificationDto.Broken, chain.EntriesChecked, last?.Sequence, last?.Hash, sequence, reason, signed);

        if (checkpoint is not null && !checkpoint.IsSignedBy(key.PublicKey))
            return Broken(1, $"The latest checkpoint ({checkpoint.TreeSize} entries) is not signed by the log's key {key.KeyId}: it was " +
                             "forged or altered, and the log cannot be checked against it.");
        await foreach (var entry in db.EntriesAsync(long.MaxValue, cancellationToken))
        {
            last = entry;
            if (!chain.Verify(entry))
                return Broken(chain.FirstBrokenLink!.Sequence, chain.FirstBrokenLink.Reason);
            if (entry.Sequence == query.AnchorSequence)
            {
                if (entry.Hash != query.AnchorHash)
                    return Broken(entry.Sequence,
                        $"Entry {entry.Sequence} no longer has the hash you anchored: the trail was rebuilt from this entry or before it.");
                anchorFound = true;
            }
            tree.Append(entry.LeafHash());
            if (checkpoint is not null && tree.Size == checkpoint.TreeSize && !tree.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
                return Broken(checkpoint.TreeSize,
                    $"The first {checkpoint.TreeSize} entries no longer hash to the root of the latest signed checkpoint: the log was " +
                    "rebuilt (entries rewritten, chain recomputed) after that checkpoint was signed.");
        }
        if (checkpoint is not null && tree.Size < checkpoint.TreeSize)
            return Broken(tree.Size + 1,
                $"The log holds {tree.Size} entries but its latest signed checkpoint covers {checkpoint.TreeSize}: the newest entries were removed.");
        if (query.AnchorSequence is { } anchor && !anchorFound)
            return Broken(anchor, $"Entry {anchor}, which you anchored, is gone: the newest entries of the trail were removed.");
        return new AuditChainVerificationDto(AuditChainVerificationDto.Intact, chain.EntriesChecked, last?.Sequence, last?.Hash, null, null,
            signed);
    }
}
