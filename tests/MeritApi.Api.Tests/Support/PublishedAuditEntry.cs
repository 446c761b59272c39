using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeritApi.Domain.Canonical;

namespace MeritApi.Api.Tests;

/// <summary>What an auditor computes from an audit entry as the API publishes it, following src/MeritApi.Domain/Canonical/SPECIFICATION.md.</summary>
public static class PublishedAuditEntry
{
    /// <summary>An entry's bytes as the spec defines them for scheme v2: the canonical JSON of its fields.</summary>
    public static byte[] Bytes(JsonNode entry)
    {
        Assert.That((string)entry["scheme"]!, Is.EqualTo("meritapi-entry-v2"));
        var document = new JsonObject
        {
            ["scheme"] = "meritapi-entry-v2",
            ["sequence"] = (long)entry["sequence"]!,
            ["occurredAt"] = DateTimeOffset.Parse((string)entry["occurredAt"]!, CultureInfo.InvariantCulture).UtcDateTime
                .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["actor"] = (string)entry["actor"]!,
            ["role"] = (string)entry["role"]!,
            ["command"] = (string)entry["command"]!,
            ["touchedIds"] = entry["touchedIds"]!.DeepClone(),
            ["requestId"] = (string)entry["requestId"]!,
            ["bodyDigest"] = (string)entry["bodyDigest"]!,
            ["outcomeDigest"] = entry["outcomeDigest"]?.DeepClone(),
            ["previousHash"] = (string)entry["previousHash"]!,
        };
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return CanonicalJson.Canonicalize(parsed.RootElement);
    }

    /// <summary>The entry's hash as the spec defines it: SHA-256 of its bytes, lower-case hex.</summary>
    public static string Hash(JsonNode entry) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes(entry)));
}
