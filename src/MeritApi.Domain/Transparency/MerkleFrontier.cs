namespace MeritApi.Domain.Transparency;

/// <summary>
/// The right edge of a growing tree: the roots of its whole power-of-two subtrees, largest first (one per set bit of its
/// size, so at most 63). Enough to append leaves and compute the root without the leaves before them, which is how each
/// command's checkpoint costs O(log n) however long the log is.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<byte[]> _nodes;

    public MerkleFrontier() : this(0, [])
    {
    }

    public MerkleFrontier(long size, IReadOnlyList<byte[]> nodes)
    {
        if (size < 0 || nodes.Count != System.Numerics.BitOperations.PopCount((ulong)size) || nodes.Any(n => n.Length != MerkleTree.HashSize))
            throw new ArgumentException($"A frontier of size {size} has one {MerkleTree.HashSize}-byte node per set bit of its size.", nameof(nodes));
        Size = size;
        _nodes = [.. nodes];
    }

    public long Size { get; private set; }

    public IReadOnlyList<byte[]> Nodes => _nodes;

    public void Append(byte[] leafHash)
    {
        if (leafHash.Length != MerkleTree.HashSize)
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        _nodes.Add(leafHash);
        Size++;
        // Each trailing zero of the new size is a pair of equal subtrees to join.
        for (var s = Size; (s & 1) == 0; s >>= 1)
        {
            var right = _nodes[^1];
            var left = _nodes[^2];
            _nodes.RemoveRange(_nodes.Count - 2, 2);
            _nodes.Add(MerkleTree.NodeHash(left, right));
        }
    }

    /// <summary>MTH of the tree: the subtrees joined from the right, as RFC 9162's split joins them.</summary>
    public byte[] Root()
    {
        if (_nodes.Count == 0)
            return MerkleTree.EmptyRoot();
        var root = _nodes[^1];
        for (var i = _nodes.Count - 2; i >= 0; i--)
            root = MerkleTree.NodeHash(_nodes[i], root);
        return root;
    }
}
