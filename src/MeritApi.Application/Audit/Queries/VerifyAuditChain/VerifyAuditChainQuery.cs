using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Audit.Queries.VerifyAuditChain;

/// <summary>
/// Verifies the whole hash chain from the first entry to the last, reporting the first broken link. An unkeyed hash
/// chain cannot show on its own that its newest entries were cut off, or that someone with database access rebuilt it
/// from some entry on; an auditor who kept an earlier answer's lastSequence/lastHash passes them as the anchor, and
/// the chain must still contain exactly that entry.
/// </summary>
public sealed record VerifyAuditChainQuery(long? AnchorSequence = null, string? AnchorHash = null) : IQuery<AuditChainVerificationDto>;

public sealed record AuditChainVerificationDto(
    string Status, long EntriesChecked, long? LastSequence, string? LastHash, long? FirstBrokenSequence, string? Reason)
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

internal sealed class VerifyAuditChainQueryHandler(IApplicationDbContext db) : IQueryHandler<VerifyAuditChainQuery, AuditChainVerificationDto>
{
    private const int BatchSize = 5_000;

    public async ValueTask<AuditChainVerificationDto> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        var chain = new AuditChain();
        AuditEntry? last = null;
        var anchorFound = false;
        var after = 0L;
        while (true)
        {
            // Keyset batches keep memory flat however long the trail grows.
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence)
                .Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                last = entry;
                if (!chain.Verify(entry))
                    return Broken(chain, last, chain.FirstBrokenLink!.Sequence, chain.FirstBrokenLink.Reason);
                if (entry.Sequence == query.AnchorSequence)
                {
                    if (entry.Hash != query.AnchorHash)
                        return Broken(chain, last, entry.Sequence,
                            $"Entry {entry.Sequence} no longer has the hash you anchored: the trail was rebuilt from this entry or before it.");
                    anchorFound = true;
                }
            }
            if (batch.Count < BatchSize)
                break;
            after = batch[^1].Sequence;
        }
        if (query.AnchorSequence is { } anchor && !anchorFound)
            return Broken(chain, last, anchor, $"Entry {anchor}, which you anchored, is gone: the newest entries of the trail were removed.");
        return new AuditChainVerificationDto(AuditChainVerificationDto.Intact, chain.EntriesChecked, last?.Sequence, last?.Hash, null, null);
    }

    private static AuditChainVerificationDto Broken(AuditChain chain, AuditEntry? last, long sequence, string reason) =>
        new(AuditChainVerificationDto.Broken, chain.EntriesChecked, last?.Sequence, last?.Hash, sequence, reason);
}
