using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Common;
using MeritApi.Domain.Transparency;

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

/// <summary>Which bytes an audit entry's hash and Merkle leaf are computed over (src/MeritApi.Domain/Canonical/SPECIFICATION.md).</summary>
public static class EntrySchemes
{
    /// <summary>Entries before version 2: the previous hash followed by a JSON array of the fields (kept to verify them).</summary>
    public const string V1 = "meritapi-entry-v1";

    /// <summary>MeritApi canonical JSON of the entry document, the previous hash and the scheme included.</summary>
    public const string V2 = "meritapi-entry-v2";

    public const string Current = V2;
}

/// <summary>
/// One entry of the append-only audit trail. Its <see cref="EntryBytes"/> include the previous entry's hash, and its hash
/// is their SHA-256, so editing or deleting any row breaks the chain from that row on (<see cref="AuditChain.Verify"/>);
/// the same bytes are the entry's leaf in the Merkle tree log (<see cref="LeafHash"/>), whose signed checkpoints also catch
/// a chain rebuilt or cut short.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The longest actor (a token's subject) and role list the trail keeps; a longer one is refused, never cut.</summary>
    public const int ActorMaxLength = 200;
    public const int RoleMaxLength = 50;

    private AuditEntry()
    {
        Actor = Role = Command = RequestId = BodyDigest = PreviousHash = Hash = Scheme = string.Empty;
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
        Scheme = EntrySchemes.Current;
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

    /// <summary>The form of <see cref="EntryBytes"/> (<see cref="EntrySchemes"/>).</summary>
    public string Scheme { get; private set; }

    /// <summary>The 0-based index of the entry's leaf in the Merkle tree log: entries are its leaves in sequence order.</summary>
    public long LeafIndex => Sequence - 1;

    /// <summary>
    /// An entry as it was published (in an API answer or a decision file), to recompute its hash and leaf from what an auditor
    /// holds. Nothing is normalised: the ids stay in the order given, the instant as published.
    /// </summary>
    public static AuditEntry Published(long sequence, DateTimeOffset occurredAt, string actor, string role, string command,
        IEnumerable<Guid> touchedIds, string requestId, string bodyDigest, string? outcomeDigest, string previousHash, string hash,
        string scheme) =>
        new()
        {
            Sequence = sequence,
            OccurredAt = occurredAt,
            Actor = actor,
            Role = role,
            Command = command,
            TouchedIds = [.. touchedIds],
            RequestId = requestId,
            BodyDigest = bodyDigest,
            OutcomeDigest = outcomeDigest,
            PreviousHash = previousHash,
            Hash = hash,
            Scheme = scheme,
        };

    public static AuditEntry Append(long previousSequence, string previousHash, AuditRecord record, DateTimeOffset occurredAt) =>
        new(previousSequence + 1, occurredAt, record, previousHash);

    /// <summary>The instant as the entry's bytes carry it (<see cref="Timestamps.CanonicalFormat"/>).</summary>
    public string OccurredAtText => Timestamps.CanonicalText(OccurredAt);

    /// <summary>What the entry's hash and leaf are computed over, in its scheme.</summary>
    public byte[] EntryBytes() => Scheme switch
    {
        EntrySchemes.V2 => CanonicalV2(),
        // The previous hash, then the fields as a JSON array as System.Text.Json writes it by default.
        EntrySchemes.V1 => Encoding.UTF8.GetBytes(PreviousHash + JsonSerializer.Serialize(new object?[]
        {
            Sequence, OccurredAtText, Actor, Role, Command, TouchedIds.Select(id => id.ToString()).ToArray(), RequestId, BodyDigest,
            OutcomeDigest,
        })),
        _ => throw new InvalidOperationException($"Audit entry {Sequence} names the unknown scheme '{Scheme}'."),
    };

    /// <summary>Members in canonical (sorted) order; numbers as strings.</summary>
    private byte[] CanonicalV2()
    {
        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.Name("actor");
        w.Text(Actor);
        w.Name("bodyDigest");
        w.Text(BodyDigest);
        w.Name("command");
        w.Text(Command);
        w.Name("occurredAt");
        w.Text(OccurredAtText);
        w.Name("outcomeDigest");
        w.Text(OutcomeDigest);
        w.Name("previousHash");
        w.Text(PreviousHash);
        w.Name("requestId");
        w.Text(RequestId);
        w.Name("role");
        w.Text(Role);
        w.Name("scheme");
        w.Text(Scheme);
        w.Name("sequence");
        w.WholeNumber(Sequence);
        w.Name("touchedIds");
        w.StartArray();
        foreach (var id in TouchedIds)
            w.Text(id.ToString());
        w.EndArray();
        w.EndObject();
        return w.ToArray();
    }

    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(EntryBytes()));

    /// <summary>The entry's leaf hash in the Merkle tree log: SHA-256(0x00 ‖ entry bytes).</summary>
    public byte[] LeafHash() => MerkleTree.LeafHash(EntryBytes());
}
