using System.Text.Json.Nodes;

namespace MeritApi.Api.Tests.Endpoints.Audit;

/// <summary>
/// Re-verification catches a stored result edited behind the API's back. Each test tampers with a database and
/// host of its own (<see cref="OwnApiHost"/>), never with the shared one.
/// Standard: INTEGRITY 5, COOPERATION 5, technical 5 (Σ 15); policy v1.
/// </summary>
public sealed class RationaleTamperTests
{
    private sealed record Scored(Guid Selection, Guid Run, Dictionary<string, Guid> Candidates, string Technical)
    {
        public string Url(string name) => $"/api/v1/selections/{Selection}/scoring-runs/{Run}/results/{Candidates[name]}/rationale";
    }

    private static async Task<Scored> ArrangeAsync(HttpClient client)
    {
        var technical = await client.RegisterTechnicalCompetencyAsync("T-TAMPER");
        var position = await client.CreatePositionAsync([("M-INTEGRITY", 5), ("M-COOPERATION", 5), (technical, 5)]);
        var selection = await client.OpenSelectionAsync(position);
        var r1 = await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 5), ("M-COOPERATION", 5), (technical, 5)], "VeryGood", "VeryGood"); // 100.00
        var r2 = await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 5), ("M-COOPERATION", 5), (technical, 4)], "VeryGood", "Good");     // 92.66
        var r3 = await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 4), ("M-COOPERATION", 4), (technical, 4)], "Good", "Good");         // 80.00
        var ids = await client.EnrolAsync(selection, r1, r2, r3);
        var run = await client.ScoreAsync(selection);
        return new Scored(selection, run, new() { ["R1"] = ids[0], ["R2"] = ids[1], ["R3"] = ids[2] }, technical);
    }

    private static void AssertMatch(JsonNode verification, string because)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("match"), because);
            Assert.That(verification["differences"]!.AsArray(), Is.Empty, because);
            Assert.That((bool)verification["seal"]!["match"]!, Is.True, because);
            Assert.That((bool)verification["runDigest"]!["match"]!, Is.True, because);
        }
    }

    [Test]
    public async Task An_edited_merit_score_is_reported_as_a_mismatch_with_stored_and_recomputed_values()
    {
        await using var api = await OwnApiHost.StartAsync();
        var scored = await ArrangeAsync(api.Client);
        var before = await api.Client.GetJsonAsync(scored.Url("R2"));
        AssertMatch(await api.Client.GetJsonAsync($"{scored.Url("R2")}/verification"), "before tampering");

        await api.TamperAsync($"""
            UPDATE candidate_results SET merit_score = merit_score + 1
            WHERE scoring_run_id = '{scored.Run}' AND candidate_id = '{scored.Candidates["R2"]}'
            """);

        var verification = await api.Client.GetJsonAsync($"{scored.Url("R2")}/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("mismatch"));
            Assert.That((bool)verification["figuresMatch"]!, Is.False);
            // Only the merit score was touched: 92.66 + 1 stored, 92.66 recomputed from the stored evidence. The rank
            // still holds (R2 is second either way), so it is not reported.
            Assert.That(verification["differences"]!.AsArray().Select(d => ((string)d!["figure"]!, (string)d["stored"]!, (string)d["recomputed"]!)),
                Is.EqualTo(new[] { ("meritScore", "93.66", "92.66") }));
            var seal = verification["seal"]!;
            Assert.That((string)seal["stored"]!, Is.EqualTo((string)before["seal"]!), "the stored seal is the one fixed at scoring time");
            Assert.That((string)seal["recomputed"]!, Is.Not.EqualTo((string)seal["stored"]!));
            Assert.That((bool)seal["match"]!, Is.False);
            Assert.That((bool)verification["runDigest"]!["match"]!, Is.True, "the seals themselves were not touched");
        }

        // The rationale now shows the edited figure, which no longer re-adds to its parts.
        var after = await api.Client.GetJsonAsync(scored.Url("R2"));
        Assert.That((decimal)after["merit"]!["published"]!, Is.EqualTo(93.66m));
        Assert.That(Math.Round((decimal)after["merit"]!["unrounded"]!, 2, MidpointRounding.ToEven), Is.EqualTo(92.66m));

        // A result that was not touched still verifies.
        AssertMatch(await api.Client.GetJsonAsync($"{scored.Url("R1")}/verification"), "R1 was not touched");
    }

    [Test]
    public async Task An_edited_seal_breaks_the_seal_check_and_the_run_digest_recorded_in_the_audit_trail()
    {
        await using var api = await OwnApiHost.StartAsync();
        var scored = await ArrangeAsync(api.Client);
        var original = (string)(await api.Client.GetJsonAsync(scored.Url("R3")))["seal"]!;
        var forged = new string('f', 64);

        await api.TamperAsync($"""
            UPDATE candidate_results SET seal = '{forged}'
            WHERE scoring_run_id = '{scored.Run}' AND candidate_id = '{scored.Candidates["R3"]}'
            """);

        var verification = await api.Client.GetJsonAsync($"{scored.Url("R3")}/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("mismatch"));
            Assert.That((bool)verification["figuresMatch"]!, Is.True, "no figure was touched");
            Assert.That(((string)verification["seal"]!["stored"]!, (string)verification["seal"]!["recomputed"]!, (bool)verification["seal"]!["match"]!),
                Is.EqualTo((forged, original, false)));
            var digest = verification["runDigest"]!;
            Assert.That((string)digest["recomputed"]!, Is.Not.EqualTo((string)digest["stored"]!));
            Assert.That((string?)digest["recordedInAuditTrail"], Is.EqualTo((string)digest["stored"]!));
            Assert.That((bool)digest["match"]!, Is.False);
        }

        // Every other result of the run now fails the run digest too: the run as a whole was altered.
        var r1 = await api.Client.GetJsonAsync($"{scored.Url("R1")}/verification");
        Assert.That(((string)r1["status"]!, (bool)r1["seal"]!["match"]!, (bool)r1["runDigest"]!["match"]!), Is.EqualTo(("mismatch", true, false)));
    }

    [Test]
    public async Task A_coherent_forgery_of_evidence_and_figures_recomputes_cleanly_but_is_caught_by_the_seal()
    {
        await using var api = await OwnApiHost.StartAsync();
        var scored = await ArrangeAsync(api.Client);
        var before = await api.Client.GetJsonAsync(scored.Url("R3"));
        Assert.That(((decimal)before["jobPersonMatch"]!["published"]!, (decimal)before["merit"]!["published"]!), Is.EqualTo((80m, 80m)));

        // R3's technical level 4 becomes 5, and every figure is "corrected" to match: JPM 13/15 = 86.666… → 86.67,
        // merit 43.335 + 40 = 83.335 → 83.34; band (Meets), box (8) and rank (3) do not change.
        await api.TamperAsync($$"""
            UPDATE candidate_results SET
                competency_gaps = (SELECT jsonb_agg(CASE WHEN g->>0 = '{{scored.Technical}}'
                                                         THEN jsonb_set(g, '{2}', '5') ELSE g END
                                                    ORDER BY n)::json
                                   FROM jsonb_array_elements(competency_gaps::jsonb) WITH ORDINALITY AS e(g, n)),
                jpm = 86.67, merit_score = 83.34
            WHERE scoring_run_id = '{{scored.Run}}' AND candidate_id = '{{scored.Candidates["R3"]}}'
            """);

        var forged = await api.Client.GetJsonAsync(scored.Url("R3"));
        Assert.That(((decimal)forged["jobPersonMatch"]!["published"]!, (decimal)forged["merit"]!["published"]!), Is.EqualTo((86.67m, 83.34m)));
        var verification = await api.Client.GetJsonAsync($"{scored.Url("R3")}/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool)verification["figuresMatch"]!, Is.True, "the forged figures follow from the forged evidence");
            Assert.That(verification["differences"]!.AsArray(), Is.Empty);
            Assert.That((string)verification["seal"]!["stored"]!, Is.EqualTo((string)before["seal"]!));
            Assert.That((bool)verification["seal"]!["match"]!, Is.False, "but the evidence is not what was sealed at scoring time");
            Assert.That((string)verification["status"]!, Is.EqualTo("mismatch"));
        }
    }
}
