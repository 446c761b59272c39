using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Common;
using MeritApi.Domain.Transparency;

namespace MeritApi.Verifier;

/// <summary>One check of a decision file: what was checked, and why it failed (null when it held).</summary>
public sealed record Check(string What, string? Failure)
{
    public bool Passed => Failure is null;
}

/// <summary>
/// Checks a decision file (format meritapi-decision-file-v2) against the rules of src/MeritApi.Domain/Canonical/SPECIFICATION.md
/// with nothing but the file and the public key the auditor holds: the checkpoint's signature, every audit entry's hash
/// and inclusion proof against the checkpoint's root, every rationale's seal, and the latest run's results digest against
/// its seals and against its audit entry.
/// </summary>
public static class DecisionFileVerifier
{
    public const string Format = "meritapi-decision-file-v2";

    public static IReadOnlyList<Check> Verify(JsonElement file, string publicKeyPem)
    {
        var checks = new List<Check>();
        void Add(string what, string? failure) => checks.Add(new Check(what, failure));

        var format = file.TryGetProperty("format", out var f) ? f.GetString() : null;
        Add("file format", format == Format ? null : $"'{format}' is not {Format}.");
        if (format != Format)
            return checks;

        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        var checkpoint = file.GetProperty("checkpoint");
        byte[]? root = null;
        long treeSize = 0;
        if (checkpoint.ValueKind == JsonValueKind.Null)
        {
            Add("signed checkpoint", "The file has no checkpoint: its audit entries cannot be proved.");
        }
        else
        {
            root = Convert.FromBase64String(checkpoint.GetProperty("rootHash").GetString()!);
            treeSize = checkpoint.GetProperty("treeSize").GetInt64();
            var keyId = checkpoint.GetProperty("keyId").GetString()!;
            var heldKeyId = SignedCheckpoint.KeyIdOf(key);
            var signed = SignedCheckpoint.IsValidSignature(checkpoint.GetProperty("origin").GetString()!, treeSize, root,
                Instant(checkpoint.GetProperty("issuedAt")), keyId, Convert.FromBase64String(checkpoint.GetProperty("signature").GetString()!), key);
            Add($"checkpoint of {treeSize} entries signed by key {heldKeyId}",
                signed ? null : keyId != heldKeyId
                    ? $"The checkpoint names key {keyId}, not the key you hold."
                    : "The checkpoint's signature does not verify with the key you hold: it was forged or altered.");
        }

        string? runDigestInLog = null;
        foreach (var entry in file.GetProperty("auditEntries").EnumerateArray())
        {
            var sequence = entry.GetProperty("sequence").GetInt64();
            var bytes = EntryBytes(entry);
            if (bytes is null)
            {
                Add($"audit entry {sequence}", $"Scheme '{entry.GetProperty("scheme").GetString()}' is not checked by this verifier.");
                continue;
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            Add($"audit entry {sequence} hash", hash == entry.GetProperty("hash").GetString() ? null
                : $"Its content hashes to {hash}, not to its recorded hash: the entry was edited.");
            if (root is not null)
            {
                var proof = entry.GetProperty("inclusionProof");
                var included = proof.GetProperty("treeSize").GetInt64() == treeSize && MerkleTree.VerifyInclusion(sequence - 1, treeSize,
                    MerkleTree.LeafHash(bytes), [.. proof.GetProperty("proof").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!))],
                    root);
                Add($"audit entry {sequence} in the signed log", included ? null
                    : "Its inclusion proof does not lead to the checkpoint's root: the entry is not the one the log signed.");
            }
            if (entry.GetProperty("command").GetString() == "RunScoring")
                runDigestInLog = entry.GetProperty("outcomeDigest").GetString();
        }

        var seals = new List<(string CandidateId, string Seal)>();
        foreach (var rationale in file.GetProperty("latestRunRationales").EnumerateArray())
        {
            var code = rationale.GetProperty("candidateCode").GetString();
            var seal = rationale.GetProperty("seal").GetString()!;
            seals.Add((rationale.GetProperty("candidateId").GetString()!, seal));
            var scheme = rationale.GetProperty("sealScheme").GetString();
            if (scheme != "meritapi-seal-v2")
            {
                Add($"rationale of {code}", $"Seal scheme '{scheme}' is not checked by this verifier.");
                continue;
            }
            var computed = Convert.ToHexStringLower(SHA256.HashData(Canonical(rationale, without: "seal")));
            Add($"seal of {code}", computed == seal ? null : "The rationale does not hash to its seal: a figure or evidence line was changed.");
        }

        var runs = file.GetProperty("scoringRuns").EnumerateArray().ToList();
        if (runs.Count > 0)
        {
            var recorded = runs[^1].GetProperty("resultsDigest").GetString();
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(
                seals.OrderBy(s => s.CandidateId, StringComparer.Ordinal).Select(s => $"{s.CandidateId}:{s.Seal}\n")))));
            Add("latest run's results digest over every seal", digest == recorded ? null
                : $"The seals in the file give {digest}, not the run's {recorded}: a rationale was removed, added or resealed.");
            Add("latest run's digest in the signed log", recorded is not null && recorded == runDigestInLog ? null
                : "The run's results digest is not the one its audit entry recorded.");
        }
        return checks;
    }

    /// <summary>The entry bytes of §5 of the specification (scheme v2), or null for a scheme this verifier does not check.</summary>
    private static byte[]? EntryBytes(JsonElement entry)
    {
        if (entry.GetProperty("scheme").GetString() != "meritapi-entry-v2")
            return null;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var name in new[] { "actor", "bodyDigest", "command", "outcomeDigest", "previousHash", "requestId", "role", "scheme",
                         "sequence", "touchedIds" })
            {
                writer.WritePropertyName(name);
                entry.GetProperty(name).WriteTo(writer);
            }
            writer.WriteString("occurredAt", Timestamps.CanonicalText(Instant(entry.GetProperty("occurredAt"))));
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(stream.ToArray());
        return CanonicalJson.Canonicalize(document.RootElement);
    }

    private static DateTimeOffset Instant(JsonElement text) =>
        DateTimeOffset.Parse(text.GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static byte[] Canonical(JsonElement value, string without)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var member in value.EnumerateObject().Where(m => m.Name != without))
                member.WriteTo(writer);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(stream.ToArray());
        return CanonicalJson.Canonicalize(document.RootElement);
    }
}
