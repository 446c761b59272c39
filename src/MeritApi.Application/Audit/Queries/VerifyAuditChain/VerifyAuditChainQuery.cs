using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Audit.Queries.VerifyAuditChain;

/// <summary>Verifies the whole hash chain from the first entry to the last, reporting the first broken link.</summary>
public sealed record VerifyAuditChainQuery : IQuery<AuditChainVerificationDto>;

public sealed record AuditChainVerificationDto(
    string Status, long EntriesChecked, long? LastSequence, string? LastHash, long? FirstBrokenSequence, string? Reason)
{
    public const string Intact = "intact";
    public const string Broken = "broken";
}

internal sealed class VerifyAuditChainQueryHandler(IApplicationDbContext db) : IQueryHandler<VerifyAuditChainQuery, AuditChainVerificationDto>
{
    private const int BatchSize = 5_000;

    public async ValueTask<AuditChainVerificationDto> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        var chain = new AuditChain();
        AuditEntry? last = null;
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
                    return new AuditChainVerificationDto(AuditChainVerificationDto.Broken, chain.EntriesChecked, last.Sequence, last.Hash,
                        chain.FirstBrokenLink!.Sequence, chain.FirstBrokenLink.Reason);
            }
            if (batch.Count < BatchSize)
                break;
            after = batch[^1].Sequence;
        }
        return new AuditChainVerificationDto(AuditChainVerificationDto.Intact, chain.EntriesChecked, last?.Sequence, last?.Hash, null, null);
    }
}
