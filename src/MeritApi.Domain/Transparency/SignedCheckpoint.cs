using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MeritApi.Domain.Transparency;

/// <summary>
/// A signed statement of the audit log's state: "the log named <see cref="Origin"/> had <see cref="TreeSize"/> entries,
/// whose Merkle tree root was <see cref="RootHash"/>, at <see cref="IssuedAt"/>", signed with ECDSA P-256 by the key
/// <see cref="KeyId"/>, which the database never holds. An operator who later rewrites or cuts the log cannot sign a
/// matching statement, and every checkpoint an auditor kept then fails its consistency proof (src/MeritApi.Domain/Canonical/SPECIFICATION.md §4).
/// </summary>
public sealed class SignedCheckpoint
{
    public const string Scheme = "meritapi-checkpoint-v1";

    private SignedCheckpoint()
    {
        Origin = KeyId = string.Empty;
        RootHash = Signature = Frontier = [];
    } // EF

    private SignedCheckpoint(string origin, long treeSize, byte[] rootHash, DateTimeOffset issuedAt, string keyId, byte[] signature,
        byte[] frontier)
    {
        Origin = origin;
        TreeSize = treeSize;
        RootHash = rootHash;
        IssuedAt = issuedAt;
        KeyId = keyId;
        Signature = signature;
        Frontier = frontier;
    }

    public long TreeSize { get; private set; }
    public byte[] RootHash { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The instant as the statement carries it (<see cref="Common.Timestamps.CanonicalFormat"/>).</summary>
    public string IssuedAtText => Common.Timestamps.CanonicalText(IssuedAt);

    /// <summary>The log's name, so that a checkpoint of one deployment's log is not taken for another's.</summary>
    public string Origin { get; private set; }

    public string KeyId { get; private set; }

    /// <summary>ECDSA P-256 over SHA-256 of <see cref="Statement()"/>, as r ‖ s (IEEE P1363, 64 bytes).</summary>
    public byte[] Signature { get; private set; }

    /// <summary>
    /// The tree's right edge at this size (<see cref="MerkleFrontier"/>, its nodes concatenated): the server's means to make
    /// the next checkpoint without the earlier leaves. Not signed and not needed to verify anything.
    /// </summary>
    public byte[] Frontier { get; private set; }

    /// <summary>The signed statement, line by line, each line ending in a line feed.</summary>
    public static byte[] Statement(string origin, long treeSize, ReadOnlySpan<byte> rootHash, DateTimeOffset issuedAt, string keyId) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Scheme}\n{origin}\n{treeSize}\n{Convert.ToBase64String(rootHash)}\n{Common.Timestamps.CanonicalText(issuedAt)}\n{keyId}\n"));

    public byte[] Statement() => Statement(Origin, TreeSize, RootHash, IssuedAt, KeyId);

    /// <summary>Signs the state of <paramref name="frontier"/> (a private key; the key id is that of its public half).</summary>
    public static SignedCheckpoint Sign(string origin, MerkleFrontier frontier, DateTimeOffset issuedAt, ECDsa key)
    {
        var root = frontier.Root();
        var keyId = KeyIdOf(key);
        var stored = Common.Timestamps.ToStoredPrecision(issuedAt);
        var signature = key.SignData(Statement(origin, frontier.Size, root, stored, keyId), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new SignedCheckpoint(origin, frontier.Size, root, stored, keyId, signature, [.. frontier.Nodes.SelectMany(n => n)]);
    }

    /// <summary>Whether <paramref name="publicKey"/> signed exactly this statement (and is the key it names).</summary>
    public bool IsSignedBy(ECDsa publicKey) => IsValidSignature(Origin, TreeSize, RootHash, IssuedAt, KeyId, Signature, publicKey);

    public static bool IsValidSignature(string origin, long treeSize, ReadOnlySpan<byte> rootHash, DateTimeOffset issuedAt, string keyId,
        ReadOnlySpan<byte> signature, ECDsa publicKey) =>
        KeyIdOf(publicKey) == keyId &&
        publicKey.VerifyData(Statement(origin, treeSize, rootHash, issuedAt, keyId), signature, HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The frontier stored with this checkpoint, to continue the log from it.</summary>
    public MerkleFrontier ResumeFrontier() => ResumeFrontier(TreeSize, Frontier);

    /// <summary>The frontier of a tree of <paramref name="treeSize"/> leaves from its stored nodes (<see cref="Frontier"/>).</summary>
    public static MerkleFrontier ResumeFrontier(long treeSize, byte[] frontier) =>
        new(treeSize, [.. frontier.Chunk(MerkleTree.HashSize).Select(c => c.ToArray())]);

    /// <summary>A key's id: the first 16 hex digits of SHA-256 over its public key (SubjectPublicKeyInfo, DER).</summary>
    public static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
