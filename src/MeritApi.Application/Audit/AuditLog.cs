using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Transparency;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Audit;

/// <summary>A signed checkpoint as auditors get it: every part of the signed statement, and the statement itself.</summary>
public sealed record CheckpointDto(
    string Scheme, string Origin, long TreeSize, string RootHash, string IssuedAt, string KeyId, string Signature, string Statement)
{
    public static CheckpointDto From(SignedCheckpoint c) => new(SignedCheckpoint.Scheme, c.Origin, c.TreeSize,
        Convert.ToBase64String(c.RootHash), c.IssuedAtText, c.KeyId, Convert.ToBase64String(c.Signature), System.Text.Encoding.UTF8.GetString(c.Statement()));
}

/// <summary>The audit log as a Merkle tree: its leaves in sequence order, read in keyset batches.</summary>
public static class AuditLog
{
    private const int BatchSize = 5_000;

    /// <summary>
    /// The tree of the first <paramref name="treeSize"/> entries (a signed checkpoint's size), to make proofs in; a log that
    /// no longer holds that many entries was cut short.
    /// </summary>
    public static async Task<MerkleProofs> TreeAsync(this IApplicationDbContext db, long treeSize, CancellationToken cancellationToken)
    {
        var leaves = new List<byte[]>();
        await foreach (var entry in db.EntriesAsync(treeSize, cancellationToken))
            leaves.Add(entry.LeafHash());
        if (leaves.Count < treeSize)
            throw new Common.Exceptions.AuditLogInconsistentException(
                $"The log holds {leaves.Count} entries but its checkpoint covers {treeSize}: entries were removed.");
        return new MerkleProofs(leaves);
    }

    /// <summary>The entries with sequence 1 to <paramref name="upTo"/>, in order; memory stays flat however long the log is.</summary>
    public static async IAsyncEnumerable<AuditEntry> EntriesAsync(this IApplicationDbContext db, long upTo,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var after = 0L; after < upTo;)
        {
            var last = after;
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > last && e.Sequence <= upTo).OrderBy(e => e.Sequence)
                .Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var entry in batch)
                yield return entry;
            if (batch.Count < BatchSize)
                yield break;
            after = batch[^1].Sequence;
        }
    }

    public static Task<SignedCheckpoint?> LatestCheckpointAsync(this IApplicationDbContext db, CancellationToken cancellationToken) =>
        db.Checkpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken);

    public static async Task<SignedCheckpoint> CheckpointAsync(this IApplicationDbContext db, long? treeSize, CancellationToken cancellationToken) =>
        (treeSize is { } size
            ? await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.TreeSize == size, cancellationToken)
            : await db.LatestCheckpointAsync(cancellationToken))
        ?? throw new Common.Exceptions.NotFoundException("Checkpoint", treeSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest",
            treeSize is null ? "No checkpoint has been signed yet: the audit log is empty." : $"No checkpoint of tree size {treeSize} was signed.");
}
