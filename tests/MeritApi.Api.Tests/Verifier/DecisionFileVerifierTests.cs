using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeritApi.Testing;
using MeritApi.Verifier;

namespace MeritApi.Api.Tests.Verifier;

/// <summary>
/// The offline verifier (src/MeritApi.Verifier) on decision files downloaded from the running API: a genuine file verifies
/// with the key the auditor holds, and each tampering is named. (Its tests live here because they need the API's files.)
/// </summary>
public sealed class DecisionFileVerifierTests
{
    private OwnApiHost _api = null!;
    private JsonNode _file = null!;
    private string _publicKey = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _api = await OwnApiHost.StartAsync("verify");
        var client = _api.Client;
        var position = await client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)]);
        var first = await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)], "Good", "VeryGood");
        var second = await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2), ("M-COOPERATION", 2)], "Good", "Good");
        var selection = await client.OpenSelectionAsync(position);
        await client.EnrolAsync(selection, first, second);
        await client.ScoreAsync(selection);
        _file = await client.GetJsonAsync($"/api/v1/selections/{selection}/decision-file");
        using var key = ECDsa.Create();
        key.ImportFromPem(TestLogKey.SigningKey);
        _publicKey = key.ExportSubjectPublicKeyInfoPem();
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private IReadOnlyList<Check> Verify(JsonNode file, string? publicKey = null)
    {
        using var document = JsonDocument.Parse(file.ToJsonString());
        return DecisionFileVerifier.Verify(document.RootElement, publicKey ?? _publicKey);
    }

    private static IEnumerable<string> Failures(IReadOnlyList<Check> checks) =>
        checks.Where(c => !c.Passed).Select(c => $"{c.What}: {c.Failure}");

    [Test]
    public void A_genuine_file_verifies_with_the_held_key()
    {
        var checks = Verify(_file);
        Assert.That(Failures(checks), Is.Empty);
        Assert.That(checks.Select(c => c.What), Has.Some.StartWith("seal of").And.Some.Contains("in the signed log"));
    }

    [Test]
    public void A_stored_figure_edited_in_the_file_breaks_its_seal()
    {
        var file = _file.DeepClone();
        file["latestRunRationales"]![0]!["merit"]!["published"] = 99.99m;
        Assert.That(Failures(Verify(file)), Has.Some.StartsWith("seal of"));
    }

    [Test]
    public void An_evidence_line_edited_in_the_file_breaks_its_seal()
    {
        var file = _file.DeepClone();
        file["latestRunRationales"]![1]!["evidence"]!["competencies"]![0]!["assessedLevel"] = 5;
        Assert.That(Failures(Verify(file)), Has.Some.StartsWith("seal of"));
    }

    [Test]
    public void A_result_resealed_after_an_edit_is_caught_by_the_run_digest_in_the_log()
    {
        var file = _file.DeepClone();
        var rationale = file["latestRunRationales"]![0]!.AsObject();
        rationale["merit"]!["published"] = 99.99m;
        var unsealed = rationale.DeepClone().AsObject();
        unsealed.Remove("seal");
        using (var document = JsonDocument.Parse(unsealed.ToJsonString()))
            rationale["seal"] = Convert.ToHexStringLower(SHA256.HashData(Domain.Canonical.CanonicalJson.Canonicalize(document.RootElement)));
        var failures = Failures(Verify(file)).ToList();
        Assert.That(failures, Has.None.StartsWith("seal of"), "the forged seal matches its rationale");
        Assert.That(failures, Has.Some.StartsWith("latest run's results digest"));
    }

    [Test]
    public void A_candidate_removed_from_the_file_is_caught_by_the_run_digest() =>
        Assert.That(Failures(Remove(_file.DeepClone(), "latestRunRationales", 1)), Has.Some.StartsWith("latest run's results digest"));

    [Test]
    public void An_edited_audit_entry_fails_its_hash_and_its_inclusion_proof()
    {
        var file = _file.DeepClone();
        file["auditEntries"]![0]!["actor"] = "mallory";
        var failures = Failures(Verify(file)).ToList();
        Assert.That(failures, Has.Some.Contains("hash").And.Some.Contains("in the signed log"));
    }

    [Test]
    public void A_checkpoint_with_an_altered_signature_or_another_key_is_refused()
    {
        var file = _file.DeepClone();
        var signature = Convert.FromBase64String((string)file["checkpoint"]!["signature"]!);
        signature[0] ^= 1;
        file["checkpoint"]!["signature"] = Convert.ToBase64String(signature);
        Assert.That(Failures(Verify(file)), Has.Some.StartsWith("checkpoint of"));

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.That(Failures(Verify(_file, other.ExportSubjectPublicKeyInfoPem())), Has.Some.Contains("not the key you hold"));
    }

    private IReadOnlyList<Check> Remove(JsonNode file, string array, int index)
    {
        file[array]!.AsArray().RemoveAt(index);
        return Verify(file);
    }
}
