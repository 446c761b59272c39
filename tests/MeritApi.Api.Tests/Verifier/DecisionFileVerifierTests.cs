using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Rationales;
using MeritApi.Testing;
using MeritApi.Verifier;
using C = MeritApi.Verifier.DecisionFileVerifier.Checks;

namespace MeritApi.Api.Tests.Verifier;

/// <summary>
/// The offline verifier (src/MeritApi.Verifier) on decision files downloaded from the running API: a genuine, decided file
/// verifies with the key the auditor holds, every figure, rank and standing recomputed; each tampering of the file, and of
/// the database behind a later download, is named. (Its tests live here because they need the API's files.)
/// </summary>
public sealed class DecisionFileVerifierTests
{
    private const string Justification =
        "The committee chose the second-ranked candidate: the interviews showed the deeper experience of public-policy drafting this post needs.";

    private OwnApiHost _api = null!;
    private JsonNode _file = null!;
    private string _publicKey = null!;
    private Guid _second;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _api = await OwnApiHost.StartAsync("verify");
        var client = _api.Client;
        (var selection, _second) = await ArrangeDecidedSelectionAsync(client);
        _file = await client.GetJsonAsync($"/api/v1/selections/{selection}/decision-file");
        using var key = ECDsa.Create();
        key.ImportFromPem(TestLogKey.SigningKey);
        _publicKey = key.ExportSubjectPublicKeyInfoPem();
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>Six candidates (one below the minimum grade, two tied on every criterion), one place, the second-ranked chosen.</summary>
    private static async Task<(Guid Selection, Guid Second)> ArrangeDecidedSelectionAsync(HttpClient client)
    {
        var position = await client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)], minimumGrade: "III/c");
        var employees = new[]
        {
            await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)], "VeryGood", "VeryGood"), // 100
            await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 2)], "Good", "VeryGood"),     // 94
            await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 1)], "VeryGood", "Good"),     // 86
            await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2), ("M-COOPERATION", 2)], "Good", "Good"),         // 80, tied
            await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2), ("M-COOPERATION", 2)], "Good", "Good"),         // 80, tied
            await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3), ("M-COOPERATION", null)], "Good", null, grade: "III/a"),
        };
        // An assessment older than three years (policy version 2): passed over, named with its reason, verified offline.
        await client.AssessAsync(employees[5], "M-COOPERATION", 2, "2021-03-01");
        var selection = await client.OpenSelectionAsync(position);
        await client.EnrolAsync(selection, employees[..3]);
        await client.EnrolAsync(selection, employees[3..]);
        await client.ScoreAsync(selection);
        var run = await client.ScoreAsync(selection); // two runs: the file carries both, the latest decided
        var shortlist = await client.GetJsonAsync($"/api/v1/selections/{selection}/shortlist?top=2");
        var second = (Guid)shortlist["candidates"]!["items"]![1]!["candidateId"]!;
        await client.PostAsJsonAsync($"/api/v1/selections/{selection}/decision",
            new { scoringRunId = run, candidateIds = new[] { second }, justification = Justification }).ExpectAsync(HttpStatusCode.Created);
        return (selection, second);
    }

    private VerificationReport Verify(JsonNode file, string? publicKey = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString()));
        return DecisionFileVerifier.Verify(stream, publicKey ?? _publicKey);
    }

    private static List<string> Failures(VerificationReport report) => [.. report.Failures.Select(f => f.ToString())];

    private static IEnumerable<string> FailedChecks(VerificationReport report) => report.Failures.Select(f => f.Check).Distinct();

    private static JsonObject Rationale(JsonNode file, Guid candidateId) =>
        file["latestRunRationales"]!.AsArray().Single(r => (Guid)r!["candidateId"]! == candidateId)!.AsObject();

    private static JsonObject RationaleAt(JsonNode file, int index) => file["latestRunRationales"]![index]!.AsObject();

    private static JsonObject Entry(JsonNode file, string command) =>
        file["auditEntries"]!.AsArray().Last(e => (string)e!["command"]! == command)!.AsObject();

    /// <summary>The hash of a published entry as it now reads, by the rules of its scheme: what a forger can recompute.</summary>
    private static string HashOf(JsonObject e) =>
        AuditEntry.Published((long)e["sequence"]!, (DateTimeOffset)e["occurredAt"]!, (string)e["actor"]!, (string)e["role"]!,
            (string)e["command"]!, e["touchedIds"]!.AsArray().Select(t => (Guid)t!), (string)e["requestId"]!, (string)e["bodyDigest"]!,
            (string?)e["outcomeDigest"], (string)e["previousHash"]!, (string)e["hash"]!, (string)e["scheme"]!).ComputeHash();

    /// <summary>What a forger with the file but not the key can do: recompute a v2 seal over what they changed.</summary>
    private static void Reseal(JsonObject rationale)
    {
        var unsealed = rationale.DeepClone().AsObject();
        unsealed.Remove("seal");
        using var document = JsonDocument.Parse(unsealed.ToJsonString());
        rationale["seal"] = Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Canonicalize(document.RootElement)));
    }

    [Test]
    public async Task A_selection_from_a_succession_pool_verifies_its_second_ranked_choice_as_a_merit_deviation_not_a_reasoned_choice()
    {
        var client = _api.Client;
        var unit = $"Biro Verifikasi {Guid.NewGuid():N}"[..24];
        var held = await client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var target = await client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3)]);
        var ids = new List<Guid>();
        foreach (var cooperation in new[] { 3, 2 })
        {
            var id = (Guid)(await client.PostAsJsonAsync("/api/v1/employees",
                new { nip = ApiClient.NewNip(), name = "Pegawai Suksesi", grade = "IV/a", unit, currentPositionId = held }).ExpectAsync(HttpStatusCode.Created))["id"]!;
            await client.AssessAsync(id, "M-INTEGRITY", 3);
            await client.AssessAsync(id, "M-COOPERATION", cooperation);
            await client.RateAsync(id, 2025, "VeryGood");
            await client.RateAsync(id, 2024, "VeryGood");
            ids.Add(id);
        }
        var run = (Guid)(await client.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { unit }, latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        var pool = (Guid)(await client.PostAsJsonAsync("/api/v1/succession-pools", new { targetPositionId = target, reason = "Critical", mappingRunId = run })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        foreach (var id in ids)
        {
            await client.PostAsJsonAsync($"/api/v1/succession-pools/{pool}/members/{id}/nomination", new { reason = "box 9" }).ExpectAsync(HttpStatusCode.OK);
            await client.PostAsJsonAsync($"/api/v1/succession-pools/{pool}/members/{id}/verification", new { accepted = true, reason = "checked" }).ExpectAsync(HttpStatusCode.OK);
            await client.PostAsJsonAsync($"/api/v1/succession-pools/{pool}/members/{id}/approval", new { accepted = true, reason = "approved" }).ExpectAsync(HttpStatusCode.OK);
        }
        var selection = (Guid)(await client.PostAsJsonAsync("/api/v1/selections", new { successionPoolId = pool, kind = "Promotion", latestPerformanceYear = 2025 })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        var scored = await client.ScoreAsync(selection);
        var second = (Guid)(await client.GetJsonAsync($"/api/v1/selections/{selection}/shortlist"))["candidates"]!["items"]![1]!["candidateId"]!;
        await client.PostAsJsonAsync($"/api/v1/selections/{selection}/decision",
            new { scoringRunId = scored, candidateIds = new[] { second }, justification = Justification }).ExpectAsync(HttpStatusCode.Created);
        var file = await client.GetJsonAsync($"/api/v1/selections/{selection}/decision-file");
        Assert.That((string)file["decision"]!["choices"]![0]!["standing"]!, Is.EqualTo("MeritDeviation"));

        Assert.That(Failures(Verify(file)), Is.Empty);

        // Without the pool, rank 2 of one place is a reasoned choice: the standing the file records no longer holds.
        file["selection"]!.AsObject()["successionPoolId"] = null;
        Assert.That(Failures(Verify(file)), Has.Some.Contains("Rank 2 of 1 place(s) is a ReasonedChoice, not a MeritDeviation"));
    }

    [Test]
    public void A_genuine_decided_file_verifies_with_the_held_key_every_figure_rank_and_standing_recomputed()
    {
        var report = Verify(_file);
        Assert.That(Failures(report), Is.Empty);
        Assert.That(report.Verified, Is.True);
        var items = report.Checks.ToDictionary(c => c.Check, c => c.Items);
        using (Assert.EnterMultipleScope())
        {
            foreach (var check in new[] { C.Seal, C.Figures, C.Rank, C.EnrolmentInLog })
                Assert.That(items.GetValueOrDefault(check), Is.EqualTo(6), check);
            Assert.That(items.GetValueOrDefault(C.Validity), Is.EqualTo(7), "each candidate's assessments, and the run's reference date");
            Assert.That(items.GetValueOrDefault(C.RunInLog), Is.EqualTo(2), "both runs");
            foreach (var check in new[] { C.FileFormat, C.Checkpoint, C.Policy, C.ResultsDigest, C.SelectionInLog, C.Decision, C.DecisionInLog })
                Assert.That(items.GetValueOrDefault(check), Is.EqualTo(1), check);
            // Open, two enrolments, two runs, the decision: each entry's hash and its proof to the checkpoint.
            Assert.That(items.GetValueOrDefault(C.EntryHash), Is.EqualTo(6));
            Assert.That(items.GetValueOrDefault(C.EntryInLog), Is.EqualTo(6));
        }
    }

    [Test]
    public void An_expired_assessment_made_to_look_valid_and_resealed_is_caught_by_the_validity_check()
    {
        var file = _file.DeepClone();
        var rationale = file["latestRunRationales"]!.AsArray()
            .Single(r => r!["evidence"]!["competencies"]!.AsArray().Any(c => c!["passedOver"]!.AsArray().Count > 0))!.AsObject();
        var passed = rationale["evidence"]!["competencies"]!.AsArray().SelectMany(c => c!["passedOver"]!.AsArray()).Single()!;
        Assert.That((string)passed["reason"]!, Does.StartWith("expired on ").And.Contain("(assessed 2021-03-01, valid 3 years)"));
        passed["assessedOn"] = "2025-03-01"; // a forger's "recent" assessment, still marked expired
        Reseal(rationale);

        var report = Verify(file);
        Assert.That(FailedChecks(report), Does.Contain(C.Validity));
        Assert.That(report.Failures.Single(f => f.Check == C.Validity).ToString(), Does.Contain("was passed over as expired, but was valid"));
    }

    [Test]
    public void The_file_is_read_as_a_stream_whatever_the_chunks_it_arrives_in()
    {
        var bytes = Encoding.UTF8.GetBytes(_file.ToJsonString());
        var whole = DecisionFileVerifier.Verify(new MemoryStream(bytes), _publicKey);
        // A 64-byte buffer fed 7 bytes at a time: every value straddles reads, and the buffer grows to the largest one.
        var trickled = DecisionFileVerifier.Verify(new TrickleStream(bytes, 7), _publicKey, initialBufferSize: 64);
        Assert.That(trickled.Checks, Is.EqualTo(whole.Checks));
        Assert.That(trickled.Verified, Is.True);
    }

    [Test]
    public async Task The_command_line_prints_a_report_and_exits_0_1_or_2()
    {
        var directory = Directory.CreateTempSubdirectory("verify-cli");
        try
        {
            var genuine = Path.Combine(directory.FullName, "decision-file.json");
            var tampered = Path.Combine(directory.FullName, "tampered.json");
            var key = Path.Combine(directory.FullName, "log-key.pem");
            await File.WriteAllTextAsync(genuine, _file.ToJsonString());
            var edited = _file.DeepClone();
            RationaleAt(edited, 0)["merit"]!["published"] = 12.34m;
            await File.WriteAllTextAsync(tampered, edited.ToJsonString());
            await File.WriteAllTextAsync(key, _publicKey);

            var (ok, okOutput) = await RunCliAsync(genuine, "--public-key", key);
            var (failed, failedOutput) = await RunCliAsync(tampered, "--public-key", key);
            var (misuse, _) = await RunCliAsync(genuine);
            var (badKey, _) = await RunCliAsync(genuine, "--public-key", genuine);
            using (Assert.EnterMultipleScope())
            {
                Assert.That((ok, failed, misuse, badKey), Is.EqualTo((0, 1, 2, 2)));
                Assert.That(okOutput, Does.Contain("ok      " + C.Figures).And.Contain("VERIFIED:"));
                Assert.That(failedOutput, Does.Contain("FAILED  " + C.Figures).And.Contain("merit.published is").And.Contain("NOT VERIFIED:"));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void A_stored_figure_edited_in_the_file_breaks_its_seal_and_its_recomputation()
    {
        var file = _file.DeepClone();
        var rationale = RationaleAt(file, 0);
        rationale["merit"]!["published"] = 99.99m;
        var report = Verify(file);
        var code = (string)rationale["candidateCode"]!;
        Assert.That(Failures(report), Has.Some.StartsWith($"{C.Seal} — {code}")
            .And.Some.Match($"^{C.Figures} — {code}: .*merit.published is \"100\", not \"99.99\""));
    }

    [Test]
    public void An_evidence_line_edited_in_the_file_breaks_its_seal_and_its_recomputation()
    {
        var file = _file.DeepClone();
        var rationale = Rationale(file, _second);
        rationale["evidence"]!["competencies"]![0]!["assessedLevel"] = 1;
        Assert.That(FailedChecks(Verify(file)), Is.SupersetOf(new[] { C.Seal, C.Figures }));
    }

    [Test]
    public void A_figure_edited_and_resealed_is_caught_by_recomputation_and_by_the_run_digest_in_the_log()
    {
        var file = _file.DeepClone();
        var rationale = Rationale(file, _second);
        rationale["merit"]!["published"] = 99.99m;
        Reseal(rationale);
        var report = Verify(file);
        Assert.That(FailedChecks(report), Has.None.EqualTo(C.Seal), "the forged seal matches its rationale");
        Assert.That(FailedChecks(report), Is.SupersetOf(new[] { C.Figures, C.ResultsDigest }));
    }

    [Test]
    public void Ranks_swapped_consistently_and_resealed_are_caught_by_ranking_every_candidate_again()
    {
        var file = _file.DeepClone();
        var first = RationaleAt(file, 0);
        var second = RationaleAt(file, 1);
        foreach (var member in new[] { "rank", "decidedBy", "explanation" })
            (first["rank"]![member], second["rank"]![member]) = (second["rank"]![member]?.DeepClone(), first["rank"]![member]?.DeepClone());
        Reseal(first);
        Reseal(second);
        var report = Verify(file);
        Assert.That(FailedChecks(report), Has.None.EqualTo(C.Seal).And.None.EqualTo(C.Figures), "each rationale is consistent in itself");
        Assert.That(report.Failures.Where(f => f.Check == C.Rank).Select(f => f.Subject),
            Is.EquivalentTo(new[] { (string)first["candidateCode"]!, (string)second["candidateCode"]! }));
        Assert.That(FailedChecks(report), Does.Contain(C.ResultsDigest));
    }

    [Test]
    public void A_shared_rank_is_recomputed_as_shared()
    {
        var tied = _file["latestRunRationales"]!.AsArray().Where(r => (string?)r!["rank"]!["decidedBy"] == "SharedRank").ToList();
        Assert.That(tied.Select(r => (int)r!["rank"]!["rank"]!), Is.EqualTo(new[] { 4, 4 }));
        Assert.That(_file["latestRunRationales"]!.AsArray().Count(r => r!["rank"]!["rank"] is null), Is.EqualTo(1), "the III/a candidate");
    }

    [Test]
    public void A_candidate_removed_from_the_file_is_caught_by_the_run_digest()
    {
        var file = _file.DeepClone();
        file["latestRunRationales"]!.AsArray().RemoveAt(5);
        var failures = Failures(Verify(file));
        Assert.That(failures, Has.Some.StartsWith($"{C.ResultsDigest} — run 2").And.Some.Contains("the file has 5 rationales"));
    }

    [Test]
    public void An_edited_audit_entry_fails_its_hash_and_its_inclusion_proof()
    {
        var file = _file.DeepClone();
        var entry = Entry(file, "EnrolCandidates");
        entry["actor"] = "mallory";
        var subject = $"entry {(long)entry["sequence"]!}";
        Assert.That(Verify(file).Failures.Where(f => f.Subject == subject).Select(f => f.Check), Is.EquivalentTo(new[] { C.EntryHash, C.EntryInLog }));
    }

    [TestCase("OpenSelection", C.SelectionInLog)]
    [TestCase("RunScoring", C.RunInLog)]
    [TestCase("RecordDecision", C.DecisionInLog)]
    public void An_audit_entry_removed_from_the_file_leaves_what_it_recorded_unproved(string command, string check)
    {
        var file = _file.DeepClone();
        var entries = file["auditEntries"]!.AsArray();
        entries.Remove(Entry(file, command));
        Assert.That(FailedChecks(Verify(file)), Is.EqualTo(new[] { check }));
    }

    [Test]
    public void Candidates_whose_enrolment_entry_is_removed_are_each_named()
    {
        var file = _file.DeepClone();
        file["auditEntries"]!.AsArray().Remove(Entry(file, "EnrolCandidates"));
        var report = Verify(file);
        Assert.That(report.Failures.Where(f => f.Check == C.EnrolmentInLog).Count(), Is.EqualTo(3), "the second enrolment had three");
    }

    [Test]
    public void A_decision_whose_standing_or_rank_is_edited_fails_its_recomputation_and_its_digest_in_the_log()
    {
        var file = _file.DeepClone();
        var choice = file["decision"]!["choices"]![0]!;
        choice["standing"] = "TopRanked";
        var failed = FailedChecks(Verify(file)).ToList();
        Assert.That(failed, Is.EquivalentTo(new[] { C.Decision, C.DecisionInLog }));

        file = _file.DeepClone();
        file["decision"]!["choices"]![0]!["rank"] = 1;
        Assert.That(Failures(Verify(file)), Has.Some.Match($"^{C.Decision} — .*at rank 1.*recomputed: .* at rank 2"));
    }

    [Test]
    public void A_justification_edited_in_the_file_fails_the_decision_s_digest_in_the_log()
    {
        var file = _file.DeepClone();
        file["decision"]!["justification"] = Justification.Replace("second", "other", StringComparison.Ordinal);
        Assert.That(FailedChecks(Verify(file)), Is.EqualTo(new[] { C.DecisionInLog }));
    }

    [Test]
    public void A_decision_removed_from_the_file_is_caught_by_the_log_that_recorded_it()
    {
        var file = _file.DeepClone();
        file["decision"] = null;
        Assert.That(Failures(Verify(file)), Has.One.StartsWith(C.DecisionInLog).And.Contains("removed"));
    }

    [Test]
    public void A_checkpoint_with_an_altered_signature_or_another_key_is_refused()
    {
        var file = _file.DeepClone();
        var signature = Convert.FromBase64String((string)file["checkpoint"]!["signature"]!);
        signature[0] ^= 1;
        file["checkpoint"]!["signature"] = Convert.ToBase64String(signature);
        Assert.That(Failures(Verify(file)), Has.One.StartsWith(C.Checkpoint).And.Contains("forged or altered"));

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.That(Failures(Verify(_file, other.ExportSubjectPublicKeyInfoPem())), Has.One.Contains("not the key you hold"));
    }

    [Test]
    public void Version_1_seals_and_entries_are_verified_under_their_own_scheme()
    {
        // A run sealed before version 2: every rationale and the run carry meritapi-seal-v1, an entry meritapi-entry-v1.
        var file = _file.DeepClone();
        var reading = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var seals = new List<(string Id, string Seal)>();
        foreach (var node in file["latestRunRationales"]!.AsArray())
        {
            node!["sealScheme"] = SealSchemes.V1;
            var typed = node.Deserialize<CandidateRationale>(reading)!;
            node["seal"] = RationaleSeal.Compute(typed with { Seal = null });
            seals.Add(((string)node["candidateId"]!, (string)node["seal"]!));
        }
        var run = file["scoringRuns"]![1]!;
        run["sealScheme"] = SealSchemes.V1;
        run["resultsDigest"] = RationaleSeal.Sha256Hex(string.Concat(seals.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => $"{s.Id}:{s.Seal}\n")));
        var entry = Entry(file, "OpenSelection");
        entry["scheme"] = EntrySchemes.V1;
        entry["hash"] = HashOf(entry);

        var report = Verify(file);
        var failed = FailedChecks(report).ToList();
        Assert.That(failed, Has.None.EqualTo(C.Seal).And.None.EqualTo(C.Figures).And.None.EqualTo(C.Rank).And.None.EqualTo(C.ResultsDigest));
        Assert.That(report.Failures.Where(f => f.Check == C.EntryHash), Is.Empty, "the v1 entry hashes as v1");
        // What the test changed is still caught where the signed log holds the originals.
        Assert.That(failed, Does.Contain(C.RunInLog).And.Contain(C.EntryInLog));

        RationaleAt(file, 2)["performance"]!["published"] = 1m;
        Assert.That(FailedChecks(Verify(file)), Does.Contain(C.Seal));
    }

    [Test]
    public void A_file_that_is_not_a_decision_file_is_refused_as_malformed_or_of_another_format()
    {
        Assert.Throws<MalformedDecisionFileException>(() => DecisionFileVerifier.Verify(new MemoryStream("{\"format\":"u8.ToArray()), _publicKey));
        Assert.Throws<MalformedDecisionFileException>(() => DecisionFileVerifier.Verify(new MemoryStream("[1]"u8.ToArray()), _publicKey));
        var reordered = new JsonObject { ["format"] = DecisionFileVerifier.Format, ["latestRunRationales"] = new JsonArray() };
        Assert.That(Assert.Throws<MalformedDecisionFileException>(() => Verify(reordered))!.Message, Does.Contain("must come after 'selection'"));
        var other = new JsonObject { ["format"] = "meritapi-decision-file-v1" };
        Assert.That(Failures(Verify(other)), Has.One.StartsWith(C.FileFormat));
    }

    // ---- The database tampered with, then a file downloaded: the offline verifier catches it as the server does ----------

    [Test]
    public async Task A_merit_score_edited_in_the_database_is_caught_in_the_next_downloaded_file()
    {
        await using var api = await OwnApiHost.StartAsync("verify-db");
        var (selection, second) = await ArrangeDecidedSelectionAsync(api.Client);
        await api.TamperAsync($"UPDATE candidate_results SET merit_score = merit_score + 1 WHERE candidate_id = '{second}'");
        var report = Verify(await api.Client.GetJsonAsync($"/api/v1/selections/{selection}/decision-file"));
        Assert.That(FailedChecks(report), Is.SupersetOf(new[] { C.Seal, C.Figures }));
    }

    [Test]
    public async Task An_audit_entry_edited_in_the_database_is_caught_in_the_next_downloaded_file()
    {
        await using var api = await OwnApiHost.StartAsync("verify-db");
        var (selection, _) = await ArrangeDecidedSelectionAsync(api.Client);
        await api.TamperAsync("UPDATE audit_entries SET actor = 'mallory' WHERE command = 'RecordDecision'");
        var report = Verify(await api.Client.GetJsonAsync($"/api/v1/selections/{selection}/decision-file"));
        Assert.That(FailedChecks(report), Is.SupersetOf(new[] { C.EntryHash, C.EntryInLog }));
    }

    [Test]
    public async Task An_entry_rewritten_in_the_database_with_a_valid_hash_is_caught_by_the_signed_checkpoint()
    {
        // The newest entry's actor changed and its hash recomputed by the rules of the specification: the chain is intact
        // (nothing links to it yet), but the log no longer has the root its checkpoint signed.
        await using var api = await OwnApiHost.StartAsync("verify-db");
        var (selection, _) = await ArrangeDecidedSelectionAsync(api.Client);
        var url = $"/api/v1/selections/{selection}/decision-file";
        var e = Entry(await api.Client.GetJsonAsync(url), "RecordDecision");
        e["actor"] = "mallory";
        await api.TamperAsync($"UPDATE audit_entries SET actor = 'mallory', hash = '{HashOf(e)}' WHERE sequence = {(long)e["sequence"]!}");

        var report = Verify(await api.Client.GetJsonAsync(url));
        Assert.That(report.Failures.Where(f => f.Check == C.EntryHash), Is.Empty, "the forged entry hashes as the rules say");
        Assert.That(report.Failures.Count(f => f.Check == C.EntryInLog), Is.EqualTo(6), "no proof leads to the signed root any more");
        Assert.That((string)(await api.Client.GetJsonAsync("/api/v1/audit/verification"))["status"]!, Is.EqualTo("broken"));
    }

    [Test]
    public async Task With_its_newest_entries_removed_the_server_refuses_to_write_a_decision_file()
    {
        await using var api = await OwnApiHost.StartAsync("verify-db");
        var (selection, _) = await ArrangeDecidedSelectionAsync(api.Client);
        await api.TamperAsync("DELETE FROM audit_entries WHERE command = 'RecordDecision'");
        await api.Client.GetAsync($"/api/v1/selections/{selection}/decision-file")
            .ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, MeritApi.Api.Infrastructure.ProblemTypes.AuditLogInconsistent);
    }

    [Test]
    public async Task The_demo_data_is_in_the_log_so_a_demo_selection_s_file_verifies()
    {
        await using var api = await OwnApiHost.StartAsync("verify-demo", ("DemoData:Seed", "true"));
        const string promotion = "0196a000-0000-7000-8000-000000000001";
        await api.Client.ScoreAsync(Guid.Parse(promotion));
        var report = Verify(await api.Client.GetJsonAsync($"/api/v1/selections/{promotion}/decision-file"));
        Assert.That(Failures(report), Is.Empty);
        Assert.That(report.Checks.Single(c => c.Check == C.EnrolmentInLog).Items, Is.EqualTo(60));
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var output = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(TextWriter.Null);
        try
        {
            var exit = await Cli.Main(args);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
