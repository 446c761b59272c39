using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Decisions;

namespace MeritApi.Domain.Tests.Canonical;

/// <summary>The worked examples of src/MeritApi.Domain/Canonical/SPECIFICATION.md are what the code computes.</summary>
public sealed class SpecificationExampleTests
{
    [Test]
    public void The_canonical_json_example_of_section_2()
    {
        using var document = JsonDocument.Parse("""{"b": 1.50, "c": -0.0, "a": [true, null, "é\n"]}""");
        var bytes = CanonicalJson.Canonicalize(document.RootElement);
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo("{\"a\":[true,null,\"é\\n\"],\"b\":\"1.5\",\"c\":\"0\"}"));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(bytes)), Is.EqualTo("c581ace6bb363a94f7542652cd57f81de5fb7959f4a7e08c45bda94b23ae2767"));
    }

    [Test]
    public void The_audit_entry_example_of_section_5()
    {
        var record = new AuditRecord("hr-1", "hr-system", "RegisterEmployee", [Guid.Parse("0196b002-0000-7000-8000-000000000001")], "req-1",
            new string('a', 64), null);
        var entry = AuditEntry.Append(0, AuditEntry.GenesisHash, record, new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Scheme, Is.EqualTo(EntrySchemes.V2));
            Assert.That(Encoding.UTF8.GetString(entry.EntryBytes()), Does.StartWith("{\"actor\":\"hr-1\",\"bodyDigest\":\"aaaa")
                .And.EndWith("\"sequence\":\"1\",\"touchedIds\":[\"0196b002-0000-7000-8000-000000000001\"]}"));
            Assert.That(entry.Hash, Is.EqualTo("952df36c9a3fc0fe50f2a3404dbc1150b792ed91cd83dfe0670b3bc44b6cac32"));
            Assert.That(Convert.ToHexStringLower(entry.LeafHash()), Is.EqualTo("c9571fd14320e52d1cccecd77d5178430f67cbe88ade75a5ab0523294ca9100b"));
        }
    }

    [Test]
    public void The_decision_digest_example_of_section_3_5()
    {
        const string canonical =
            "{\"choices\":[{\"candidateCode\":\"C-00003\",\"candidateId\":\"0196b003-0000-7000-8000-000000000001\",\"meritScore\":\"94\"," +
            "\"rank\":\"2\",\"standing\":\"ReasonedChoice\"}],\"decidedAt\":\"2026-12-02T09:00:00.000000Z\",\"decidedBy\":\"committee-1\"," +
            "\"id\":\"0196b004-0000-7000-8000-000000000001\",\"justification\":\"Chosen for her record in policy drafting.\",\"places\":\"1\"," +
            "\"scheme\":\"meritapi-decision-v1\",\"scoringRunId\":\"0196b005-0000-7000-8000-000000000001\"," +
            "\"selectionId\":\"0196b006-0000-7000-8000-000000000001\"}";
        var digest = SelectionDecision.Digest(Guid.Parse("0196b004-0000-7000-8000-000000000001"), Guid.Parse("0196b006-0000-7000-8000-000000000001"),
            Guid.Parse("0196b005-0000-7000-8000-000000000001"), 1, "Chosen for her record in policy drafting.", "committee-1",
            new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.FromHours(7)),
            [(Guid.Parse("0196b003-0000-7000-8000-000000000001"), "C-00003", 2, 94.00m, ChoiceStanding.ReasonedChoice)]);

        Assert.That(digest, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))));
        Assert.That(digest, Is.EqualTo("f8764fec0f4e74c2953735bd2be6db9616d79a197b6f9f4fc38d6fa12cfe00db"));
    }
}
