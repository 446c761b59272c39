using System.Numerics;
using System.Security.Cryptography;

namespace MeritApi.Domain.Transparency;

/// <summary>
/// The Merkle tree hashing of RFC 9162 (Certificate Transparency 2.0, as RFC 6962): leaf = SHA-256(0x00 ‖ entry bytes),
/// node = SHA-256(0x01 ‖ left ‖ right), the tree of n leaves split at the largest power of two below n; with inclusion
/// and consistency proofs, made and checked. Verification follows the decomposition of transparency-dev/merkle, whose
/// test vectors the tests run, so a proof is accepted exactly when that library accepts it.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = SHA256.HashSizeInBytes;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * HashSize];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): where RFC 9162 splits a tree.</summary>
    internal static long Split(long n) => (long)BitOperations.RoundUpToPowerOf2((ulong)n) >> 1;

    // ------------------------------------------------------------------ verification

    /// <summary>
    /// Whether <paramref name="proof"/> shows the leaf <paramref name="leafHash"/> at <paramref name="index"/> in the tree
    /// of <paramref name="treeSize"/> leaves whose root is <paramref name="root"/>.
    /// </summary>
    public static bool VerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root) =>
        RootFromInclusionProof(index, treeSize, leafHash, proof) is { } computed && computed.AsSpan().SequenceEqual(root);

    /// <summary>The root an inclusion proof leads to, or null when the proof cannot be one for this index and size.</summary>
    public static byte[]? RootFromInclusionProof(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        if (index < 0 || index >= treeSize || leafHash.Length != HashSize || proof.Any(p => p.Length != HashSize))
            return null;
        var (inner, border) = Decompose(index, treeSize);
        if (proof.Count != inner + border)
            return null;
        var hash = ChainInner(leafHash.ToArray(), proof, 0, inner, index);
        return ChainBorderRight(hash, proof, inner, border);
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows that the tree of <paramref name="size2"/> leaves with <paramref name="root2"/>
    /// extends the tree of <paramref name="size1"/> leaves with <paramref name="root1"/> (its first leaves unchanged).
    /// </summary>
    public static bool VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1,
        ReadOnlySpan<byte> root2)
    {
        // The empty tree is a prefix of every tree: a proof from it shows nothing, and is refused rather than taken as one.
        if (size1 <= 0 || size2 < size1 || proof.Any(p => p.Length != HashSize))
            return false;
        if (size1 == size2)
            return proof.Count == 0 && root1.SequenceEqual(root2);
        if (proof.Count == 0)
            return false;

        // The largest subtree of which size1 is a multiple: its root is the seed, given (root1) when it is the whole old tree.
        var level = BitOperations.TrailingZeroCount((ulong)size1);
        var index = (size1 - 1) >> level;
        var (inner, border) = Decompose(index, ((size2 - 1) >> level) + 1);
        byte[] seed;
        int start;
        if (size1 == 1L << level)
            (seed, start) = (root1.ToArray(), 0);
        else
            (seed, start) = (proof[0], 1);
        if (proof.Count != start + inner + border)
            return false;

        var hash1 = ChainInnerRight(seed, proof, start, inner, index);
        hash1 = ChainBorderRight(hash1, proof, start + inner, border);
        if (!hash1.AsSpan().SequenceEqual(root1))
            return false;
        var hash2 = ChainInner(seed, proof, start, inner, index);
        hash2 = ChainBorderRight(hash2, proof, start + inner, border);
        return hash2.AsSpan().SequenceEqual(root2);
    }

    /// <summary>How many proof hashes lie below the border of the tree (inner) and on its right border.</summary>
    private static (int Inner, int Border) Decompose(long index, long size)
    {
        var inner = 64 - BitOperations.LeadingZeroCount((ulong)(index ^ (size - 1)));
        var border = BitOperations.PopCount((ulong)index >> inner);
        return (inner, border);
    }

    private static byte[] ChainInner(byte[] seed, IReadOnlyList<byte[]> proof, int from, int count, long index)
    {
        for (var i = 0; i < count; i++)
            seed = ((index >> i) & 1) == 0 ? NodeHash(seed, proof[from + i]) : NodeHash(proof[from + i], seed);
        return seed;
    }

    private static byte[] ChainInnerRight(byte[] seed, IReadOnlyList<byte[]> proof, int from, int count, long index)
    {
        for (var i = 0; i < count; i++)
            if (((index >> i) & 1) == 1)
                seed = NodeHash(proof[from + i], seed);
        return seed;
    }

    private static byte[] ChainBorderRight(byte[] seed, IReadOnlyList<byte[]> proof, int from, int count)
    {
        for (var i = 0; i < count; i++)
            seed = NodeHash(proof[from + i], seed);
        return seed;
    }
}

/// <summary>
/// A tree over a known list of leaf hashes, for making proofs (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF). The roots of
/// whole power-of-two subtrees are remembered, so several proofs in one tree hash each subtree once.
/// </summary>
public sealed class MerkleProofs(IReadOnlyList<byte[]> leafHashes)
{
    private readonly Dictionary<(long Start, long Size), byte[]> _subtrees = [];

    public long Size => leafHashes.Count;

    /// <summary>MTH of the first <paramref name="treeSize"/> leaves.</summary>
    public byte[] Root(long treeSize)
    {
        Check(treeSize, 0, leafHashes.Count);
        return treeSize == 0 ? MerkleTree.EmptyRoot() : Hash(0, treeSize);
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of the first <paramref name="treeSize"/> leaves.</summary>
    public List<byte[]> Inclusion(long index, long treeSize)
    {
        Check(treeSize, 1, leafHashes.Count);
        Check(index, 0, treeSize - 1);
        var proof = new List<byte[]>();
        Path(index, 0, treeSize, proof);
        return proof;
    }

    /// <summary>The consistency proof between the trees of the first <paramref name="size1"/> and <paramref name="size2"/> leaves.</summary>
    public List<byte[]> Consistency(long size1, long size2)
    {
        Check(size2, 0, leafHashes.Count);
        Check(size1, 0, size2);
        var proof = new List<byte[]>();
        if (size1 > 0 && size1 < size2)
            SubProof(size1, 0, size2, true, proof);
        return proof;
    }

    // PATH(m, D[start:start+n]), deepest sibling first.
    private void Path(long m, long start, long n, List<byte[]> proof)
    {
        if (n == 1)
            return;
        var k = MerkleTree.Split(n);
        if (m < k)
        {
            Path(m, start, k, proof);
            proof.Add(Hash(start + k, n - k));
        }
        else
        {
            Path(m - k, start + k, n - k, proof);
            proof.Add(Hash(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], b).
    private void SubProof(long m, long start, long n, bool whole, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!whole)
                proof.Add(Hash(start, n));
            return;
        }
        var k = MerkleTree.Split(n);
        if (m <= k)
        {
            SubProof(m, start, k, whole, proof);
            proof.Add(Hash(start + k, n - k));
        }
        else
        {
            SubProof(m - k, start + k, n - k, false, proof);
            proof.Add(Hash(start, k));
        }
    }

    private byte[] Hash(long start, long n)
    {
        if (n == 1)
            return leafHashes[(int)start];
        var perfect = (n & (n - 1)) == 0;
        if (perfect && _subtrees.TryGetValue((start, n), out var known))
            return known;
        var k = MerkleTree.Split(n);
        var hash = MerkleTree.NodeHash(Hash(start, k), Hash(start + k, n - k));
        if (perfect)
            _subtrees[(start, n)] = hash;
        return hash;
    }

    private static void Check(long value, long min, long max)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Must be between {min} and {max}.");
    }
}
