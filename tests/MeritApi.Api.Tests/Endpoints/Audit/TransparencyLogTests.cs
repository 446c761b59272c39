using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Transparency;
using MeritApi.Testing;

namespace MeritApi.Api.Tests.Endpoints.Audit;

/// <summary>
/// The audit log as a Merkle tree with signed checkpoints, checked the way an auditor would, from what the API publishes
/// and the spec (src/MeritApi.Domain/Canonical/SPECIFICATION.md) alone: leaves recomputed from the published entries, proofs verified with the
/// RFC 9162 algorithms, signatures with the public key the auditor holds. A host and database of its own.
/// </summary>
public sealed class TransparencyLogTests
{
    private OwnApiHost _api = null!;
    private HttpClient Client => _api.Client;

    private Guid _selection;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _api = await OwnApiHost.StartAsync("log");
        var position = await Client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)]);
        var first = await Client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)], "Good", "VeryGood");
        var second = await Client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2), ("M-COOPERATION", null)], "Good", "Good");
        _selection = await Client.OpenSelectionAsync(position);
        await Client.EnrolAsync(_selection, first, second);
        await Client.ScoreAsync(_selection);
        await Client.ScoreAsync(_selection);
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static byte[] B64(JsonNode? node) => Convert.FromBase64String((string)node!);

    private async Task<List<JsonNode>> EntriesAsync() =>
        [.. (await Client.GetJsonAsync("/api/v1/audit/entries?pageSize=500"))["items"]!.AsArray().Select(e => e!)];

    [Test]
    public async Task Every_entry_s_hash_is_the_sha256_of_its_canonical_bytes()
    {
        foreach (var entry in await EntriesAsync())
            Assert.That((string)entry["hash"]!, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(PublishedAuditEntry.Bytes(entry)))), entry.ToJsonString());
    }

    [Test]
    public async Task The_latest_checkpoint_covers_every_entry_and_is_signed_by_the_configured_key()
    {
        var entries = await EntriesAsync();
        var checkpoint = await Client.GetJsonAsync("/api/v1/audit/checkpoints/latest");
        var key = await Client.GetJsonAsync("/api/v1/audit/signing-key");
        using var held = ECDsa.Create();
        held.ImportFromPem(TestLogKey.SigningKey); // the auditor's copy, not the server's answer
        using var served = ECDsa.Create();
        served.ImportFromPem((string)key["publicKeyPem"]!);

        var root = new MerkleProofs([.. entries.Select(e => MerkleTree.LeafHash(PublishedAuditEntry.Bytes(e)))]).Root(entries.Count);
        var statement = $"meritapi-checkpoint-v1\n{checkpoint["origin"]}\n{checkpoint["treeSize"]}\n{checkpoint["rootHash"]}\n" +
                        $"{checkpoint["issuedAt"]}\n{checkpoint["keyId"]}\n";
        using (Assert.EnterMultipleScope())
        {
            Assert.That((long)checkpoint["treeSize"]!, Is.EqualTo(entries.Count));
            Assert.That(B64(checkpoint["rootHash"]), Is.EqualTo(root));
            Assert.That((string)checkpoint["statement"]!, Is.EqualTo(statement));
            Assert.That((string)checkpoint["origin"]!, Is.EqualTo(TestLogKey.Origin));
            Assert.That((string)checkpoint["keyId"]!, Is.EqualTo(SignedCheckpoint.KeyIdOf(held)).And.EqualTo((string)key["keyId"]!));
            Assert.That(held.VerifyData(Encoding.UTF8.GetBytes(statement), B64(checkpoint["signature"]), HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "signed by the key the auditor holds");
            Assert.That(served.ExportSubjectPublicKeyInfo(), Is.EqualTo(held.ExportSubjectPublicKeyInfo()));
        }
    }

    [Test]
    public async Task Every_entry_has_an_inclusion_proof_to_the_latest_checkpoint_and_one_to_each_older_one()
    {
        var entries = await EntriesAsync();
        foreach (var entry in entries)
        {
            var sequence = (long)entry["sequence"]!;
            var proof = await Client.GetJsonAsync($"/api/v1/audit/entries/{sequence}/inclusion-proof");
            var checkpoint = proof["checkpoint"]!;
            Assert.That(B64(proof["leafHash"]), Is.EqualTo(MerkleTree.LeafHash(PublishedAuditEntry.Bytes(entry))));
            Assert.That(MerkleTree.VerifyInclusion((long)proof["leafIndex"]!, (long)checkpoint["treeSize"]!, B64(proof["leafHash"]),
                [.. proof["proof"]!.AsArray().Select(B64)], B64(checkpoint["rootHash"])), $"entry {sequence}");

            var atItsOwnSize = await Client.GetJsonAsync($"/api/v1/audit/entries/{sequence}/inclusion-proof?treeSize={sequence}");
            Assert.That(MerkleTree.VerifyInclusion(sequence - 1, sequence, B64(atItsOwnSize["leafHash"]),
                [.. atItsOwnSize["proof"]!.AsArray().Select(B64)], B64(atItsOwnSize["checkpoint"]!["rootHash"])), $"entry {sequence} at {sequence}");
        }
    }

    [Test]
    public async Task Every_older_checkpoint_is_consistent_with_the_latest()
    {
        var latest = await Client.GetJsonAsync("/api/v1/audit/checkpoints/latest");
        var size = (long)latest["treeSize"]!;
        for (long older = 1; older <= size; older++)
        {
            var proof = await Client.GetJsonAsync($"/api/v1/audit/consistency-proof?from={older}");
            Assert.That((long)proof["to"]!, Is.EqualTo(size));
            Assert.That(MerkleTree.VerifyConsistency(older, size, [.. proof["proof"]!.AsArray().Select(B64)],
                B64(proof["fromCheckpoint"]!["rootHash"]), B64(proof["toCheckpoint"]!["rootHash"])), $"{older} → {size}");
        }
    }

    [TestCase("/api/v1/audit/entries/0/inclusion-proof", "sequence")]
    [TestCase("/api/v1/audit/entries/1/inclusion-proof?treeSize=abc", "treeSize")]
    [TestCase("/api/v1/audit/consistency-proof", "from")]
    [TestCase("/api/v1/audit/consistency-proof?from=3&to=2", "to")]
    public async Task A_malformed_proof_request_names_its_field(string url, string field)
    {
        var problem = await Client.GetAsync(url).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
    }

    [TestCase("/api/v1/audit/checkpoints/100000")]
    [TestCase("/api/v1/audit/entries/100000/inclusion-proof")]
    [TestCase("/api/v1/audit/consistency-proof?from=100000")]
    public async Task A_checkpoint_or_entry_that_does_not_exist_is_404(string url) =>
        await Client.GetAsync(url).ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);

    [Test]
    public async Task The_decision_file_carries_everything_to_verify_it_without_the_server()
    {
        var file = await Client.GetJsonAsync($"/api/v1/selections/{_selection}/decision-file");
        using var held = ECDsa.Create();
        held.ImportFromPem(TestLogKey.SigningKey);
        var checkpoint = file["checkpoint"]!;
        var root = B64(checkpoint["rootHash"]);
        var rationales = file["latestRunRationales"]!.AsArray().Select(r => r!).ToList();
        var latestRun = file["scoringRuns"]!.AsArray()[^1]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)file["format"]!, Is.EqualTo("meritapi-decision-file-v2"));
            Assert.That(held.VerifyData(Encoding.UTF8.GetBytes((string)checkpoint["statement"]!), B64(checkpoint["signature"]),
                HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "the checkpoint is signed by the held key");
            Assert.That((string)file["signingKey"]!["keyId"]!, Is.EqualTo((string)checkpoint["keyId"]!));

            // Every seal: the canonical form of the rationale without its seal.
            Assert.That(rationales, Has.Count.EqualTo(2));
            foreach (var rationale in rationales)
            {
                var unsealed = rationale.DeepClone().AsObject();
                unsealed.Remove("seal");
                using var document = JsonDocument.Parse(unsealed.ToJsonString());
                Assert.That((string)rationale["sealScheme"]!, Is.EqualTo("meritapi-seal-v2"));
                Assert.That((string)rationale["seal"]!,
                    Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Canonicalize(document.RootElement)))));
            }

            // The run's digest pins those seals, and its audit entry carries the digest.
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(rationales
                .OrderBy(r => (string)r["candidateId"]!, StringComparer.Ordinal)
                .Select(r => $"{(string)r["candidateId"]!}:{(string)r["seal"]!}\n")))));
            Assert.That((string)latestRun["resultsDigest"]!, Is.EqualTo(digest));
            var entries = file["auditEntries"]!.AsArray().Select(e => e!).ToList();
            Assert.That(entries.Select(e => (string)e["command"]!), Is.EqualTo(new[] { "OpenSelection", "EnrolCandidates", "RunScoring", "RunScoring" }));
            Assert.That((string?)entries[^1]["outcomeDigest"], Is.EqualTo(digest));

            // Every entry: its hash from its fields, and its leaf in the signed tree.
            foreach (var entry in entries)
            {
                Assert.That((string)entry["hash"]!, Is.EqualTo(PublishedAuditEntry.Hash(entry)));
                var proof = entry["inclusionProof"]!;
                Assert.That(B64(proof["leafHash"]), Is.EqualTo(MerkleTree.LeafHash(PublishedAuditEntry.Bytes(entry))));
                Assert.That((long)proof["treeSize"]!, Is.EqualTo((long)checkpoint["treeSize"]!));
                Assert.That(MerkleTree.VerifyInclusion((long)proof["leafIndex"]!, (long)proof["treeSize"]!, B64(proof["leafHash"]),
                    [.. proof["proof"]!.AsArray().Select(B64)], root), $"entry {entry["sequence"]}");
            }
        }
    }
}
