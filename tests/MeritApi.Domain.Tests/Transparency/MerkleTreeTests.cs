using System.Text.Json;
using MeritApi.Domain.Transparency;

namespace MeritApi.Domain.Tests.Transparency;

/// <summary>
/// RFC 9162 hashing and proofs against the test vectors of transparency-dev/merkle (Data/merkle): every vector verifies or
/// is refused exactly as that library says, and the happy paths' proofs are the ones this code makes from the same leaves.
/// </summary>
public sealed class MerkleTreeTests
{
    private static readonly string Vectors = Path.Combine(TestContext.CurrentContext.TestDirectory, "Transparency", "Data", "merkle");

    /// <summary>The eight leaves of the RFC 6962 test tree (the vectors' leaves).</summary>
    private static readonly byte[][] TestLeaves =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private sealed record InclusionVector(ulong LeafIdx, ulong TreeSize, string Root, string LeafHash, string[]? Proof, string Desc, bool WantErr);

    private sealed record ConsistencyVector(ulong Size1, ulong Size2, string Root1, string Root2, string[]? Proof, string Desc, bool WantErr);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static IEnumerable<TestCaseData> Files(string kind)
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "Transparency", "Data", "merkle", kind);
        return Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetRelativePath(folder, f)).SetArgDisplayNames(Path.GetRelativePath(folder, f)));
    }

    private static IEnumerable<TestCaseData> InclusionFiles() => Files("inclusion");

    private static IEnumerable<TestCaseData> ConsistencyFiles() => Files("consistency");

    private static T Read<T>(string kind, string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(Vectors, kind, file)), Json)!;

    /// <summary>The vectors' sizes are unsigned 64-bit; past long's range they are malformed here (-1), as they are there.</summary>
    private static long Signed(ulong value) => value > long.MaxValue ? -1 : (long)value;

    private static List<byte[]> Hashes(string[]? proof) => [.. (proof ?? []).Select(Convert.FromBase64String)];

    [TestCaseSource(nameof(InclusionFiles))]
    public void Every_inclusion_vector_is_judged_as_transparency_dev_judges_it(string file)
    {
        var v = Read<InclusionVector>("inclusion", file);
        var verified = MerkleTree.VerifyInclusion(Signed(v.LeafIdx), Signed(v.TreeSize), Convert.FromBase64String(v.LeafHash), Hashes(v.Proof),
            Convert.FromBase64String(v.Root));
        Assert.That(verified, Is.EqualTo(!v.WantErr), v.Desc);
    }

    [TestCaseSource(nameof(ConsistencyFiles))]
    public void Every_consistency_vector_is_judged_as_transparency_dev_judges_it(string file)
    {
        var v = Read<ConsistencyVector>("consistency", file);
        var verified = MerkleTree.VerifyConsistency(Signed(v.Size1), Signed(v.Size2), Hashes(v.Proof), Convert.FromBase64String(v.Root1),
            Convert.FromBase64String(v.Root2));
        Assert.That(verified, Is.EqualTo(!v.WantErr), v.Desc);
    }

    [Test]
    public void The_proofs_of_the_happy_paths_are_the_ones_made_from_the_test_leaves()
    {
        var tree = new MerkleProofs([.. TestLeaves.Select(l => MerkleTree.LeafHash(l))]);
        var checkedCount = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Vectors, "inclusion"), "happy-path.json", SearchOption.AllDirectories))
        {
            var v = JsonSerializer.Deserialize<InclusionVector>(File.ReadAllText(file), Json)!;
            Assert.That(tree.Root((long)v.TreeSize), Is.EqualTo(Convert.FromBase64String(v.Root)), file);
            Assert.That(tree.Inclusion((long)v.LeafIdx, (long)v.TreeSize), Is.EqualTo(Hashes(v.Proof)), file);
            checkedCount++;
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Vectors, "consistency"), "happy-path.json", SearchOption.AllDirectories))
        {
            var v = JsonSerializer.Deserialize<ConsistencyVector>(File.ReadAllText(file), Json)!;
            Assert.That(tree.Root((long)v.Size1), Is.EqualTo(Convert.FromBase64String(v.Root1)), file);
            Assert.That(tree.Root((long)v.Size2), Is.EqualTo(Convert.FromBase64String(v.Root2)), file);
            Assert.That(tree.Consistency((long)v.Size1, (long)v.Size2), Is.EqualTo(Hashes(v.Proof)), file);
            checkedCount++;
        }
        Assert.That(checkedCount, Is.EqualTo(10));
    }

    [Test]
    public void The_root_of_the_eight_test_leaves_is_the_published_one() =>
        Assert.That(Convert.ToHexStringLower(new MerkleProofs([.. TestLeaves.Select(l => MerkleTree.LeafHash(l))]).Root(8)),
            Is.EqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    [Test]
    public void Every_proof_made_for_trees_of_up_to_40_leaves_verifies_and_a_changed_one_does_not()
    {
        var random = new Random(9162);
        var leaves = Enumerable.Range(0, 40).Select(_ => MerkleTree.LeafHash(BitConverter.GetBytes(random.NextInt64()))).ToArray();
        var tree = new MerkleProofs(leaves);
        for (long size = 1; size <= leaves.Length; size++)
        {
            var root = tree.Root(size);
            for (long index = 0; index < size; index++)
            {
                var proof = tree.Inclusion(index, size);
                Assert.That(MerkleTree.VerifyInclusion(index, size, leaves[index], proof, root), $"leaf {index} of {size}");
                if (proof.Count > 0)
                {
                    proof[^1] = MerkleTree.LeafHash([1]);
                    Assert.That(MerkleTree.VerifyInclusion(index, size, leaves[index], proof, root), Is.False, $"altered, {index} of {size}");
                }
            }
            for (long older = 1; older < size; older++)
            {
                var proof = tree.Consistency(older, size);
                Assert.That(MerkleTree.VerifyConsistency(older, size, proof, tree.Root(older), root), $"{older} → {size}");
                Assert.That(MerkleTree.VerifyConsistency(older, size, proof, tree.Root(older), tree.Root(size - 1)), Is.False,
                    $"{older} → {size} against another root");
            }
        }
    }

    [Test]
    public void The_frontier_gives_the_root_of_every_size_without_the_earlier_leaves()
    {
        var random = new Random(6962);
        var leaves = Enumerable.Range(0, 130).Select(_ => MerkleTree.LeafHash(BitConverter.GetBytes(random.NextInt64()))).ToArray();
        var tree = new MerkleProofs(leaves);
        var frontier = new MerkleFrontier();
        Assert.That(frontier.Root(), Is.EqualTo(MerkleTree.EmptyRoot()));
        foreach (var leaf in leaves)
        {
            frontier.Append(leaf);
            Assert.That(frontier.Root(), Is.EqualTo(tree.Root(frontier.Size)), $"size {frontier.Size}");
            // Resumed from its stored nodes, it goes on as before.
            var resumed = new MerkleFrontier(frontier.Size, frontier.Nodes);
            Assert.That(resumed.Root(), Is.EqualTo(frontier.Root()));
        }
        Assert.That(frontier.Nodes, Has.Count.EqualTo(2), "130 = 128 + 2: two whole subtrees");
    }
}
