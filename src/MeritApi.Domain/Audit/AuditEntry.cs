using System.Globalization;
using System.Text.Json;
using MeritApi.Domain.Common;
using MeritApi.Domain.Rationales;

namespace MeritApi.Domain.Audit;

/// <summary>What a command leaves in the audit trail, before it is chained.</summary>
public sealed record AuditRecord(
    string Actor,
    string Role,
    string Command,
    IReadOnlyCollection<Guid> TouchedIds,
    string RequestId,
    string BodyDigest,
    string? OutcomeDigest);

/// <summary>
/// One entry of the append-only audit trail. Each entry's hash is SHA-256(previous hash + canonical entry), so
/// editing or deleting any row breaks the chain from that row on, which <see cref="AuditChain.Verify"/> finds.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The longest actor (a token's subject) and role list the trail keeps; a longer one is refused, never cut.</summary>
    public const int ActorMaxLength = 200;
    public const int RoleMaxLength = 50;

    private AuditEntry()
    {
        Actor = Role = Command = RequestId = BodyDigest = PreviousHash = Hash = string.Empty;
        TouchedIds = [];
    } // EF

    private AuditEntry(long sequence, DateTimeOffset occurredAt, AuditRecord record, string previousHash)
    {
        Sequence = sequence;
        // The stored row must hash exactly as it was hashed here.
        OccurredAt = Timestamps.ToStoredPrecision(occurredAt);
        Actor = record.Actor;
        Role = record.Role;
        Command = record.Command;
        TouchedIds = [.. record.TouchedIds.Distinct().Order()];
        RequestId = record.RequestId;
        BodyDigest = record.BodyDigest;
        OutcomeDigest = record.OutcomeDigest;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public long Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Actor { get; private set; }
    public string Role { get; private set; }

    /// <summary>The command's name, e.g. "RunScoring".</summary>
    public string Command { get; private set; }

    /// <summary>The ids of the records the command created or changed.</summary>
    public List<Guid> TouchedIds { get; private set; }

    public string RequestId { get; private set; }

    /// <summary>SHA-256 of the request body as received.</summary>
    public string BodyDigest { get; private set; }

    /// <summary>A digest of what the command produced where that matters (a scoring run's results digest).</summary>
    public string? OutcomeDigest { get; private set; }

    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    public static AuditEntry Append(long previousSequence, string previousHash, AuditRecord record, DateTimeOffset occurredAt) =>
        new(previousSequence + 1, occurredAt, record, previousHash);

    /// <summary>The entry's content in a fixed textual form; the hash covers exactly this after the previous hash.</summary>
    public string CanonicalForm() => JsonSerializer.Serialize(new object?[]
    {
        Sequence,
        OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        Actor, Role, Command, TouchedIds.Select(id => id.ToString()).ToArray(), RequestId, BodyDigest, OutcomeDigest,
    });

    public string ComputeHash() => RationaleSeal.Sha256Hex(PreviousHash + CanonicalForm());
}
