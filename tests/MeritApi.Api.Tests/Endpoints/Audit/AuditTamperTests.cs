using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace MeritApi.Api.Tests.Endpoints.Audit;

/// <summary>
/// The append-only tables as PostgreSQL enforces them, and the audit chain against someone who bypasses that
/// enforcement. Every test runs on a database and host of its own (<see cref="OwnApiHost"/>): a broken chain
/// must never leak into the shared database.
/// </summary>
public sealed class AuditTamperTests
{
    private const string InsufficientPrivilege = "42501";

    private sealed record Trail(Guid Selection, Guid Run, Guid TopCandidate, Dictionary<string, long> Sequences);

    /// <summary>
    /// Commands enough for a trail of a dozen entries: a position, two employees with evidence, a selection,
    /// enrolment, scoring and (optionally) the committee's decision.
    /// </summary>
    private static async Task<Trail> ArrangeAsync(OwnApiHost api, bool decide = false)
    {
        var client = api.Client;
        var position = await client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3)]);
        var top = await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3)], "VeryGood", "VeryGood");
        var next = await client.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2), ("M-COOPERATION", 3)], "Good", "Good");
        var selection = await client.OpenSelectionAsync(position);
        var candidates = await client.EnrolAsync(selection, top, next);
        var run = await client.ScoreAsync(selection);
        if (decide)
            await client.PostAsJsonAsync($"/api/v1/selections/{selection}/decision", new { scoringRunId = run, candidateIds = new[] { candidates[0] } })
                .ExpectAsync(HttpStatusCode.Created);

        var entries = (await client.GetJsonAsync("/api/v1/audit/entries?pageSize=500"))["items"]!.AsArray();
        var sequences = entries.GroupBy(e => (string)e!["command"]!).ToDictionary(g => g.Key, g => (long)g.Last()!["sequence"]!);
        var trail = new Trail(selection, run, candidates[0], sequences);
        var verification = await client.GetJsonAsync("/api/v1/audit/verification");
        Assert.That(((string)verification["status"]!, (long)verification["entriesChecked"]!), Is.EqualTo(("intact", (long)entries.Count)),
            "the trail verifies before anyone tampers with it");
        return trail;
    }

    private static string S(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Refused by PostgreSQL for <paramref name="connectionString"/>'s role: for the runtime role by its missing rights
    /// (42501, "permission denied" or "must be owner"), for the owner by the append-only triggers (42501 too).
    /// </summary>
    private static async Task RefusedAsync(string connectionString, string sql, string because)
    {
        // A connection of its own, never pooled, so a setting that did get through could not outlive the statement.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await Assert.ThatAsync(async () =>
            {
                await using var connection = new NpgsqlConnection(unpooled);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            },
            Throws.TypeOf<PostgresException>()
                .With.Property(nameof(PostgresException.SqlState)).EqualTo(InsufficientPrivilege)
                .And.Property(nameof(PostgresException.MessageText)).Contains(because), sql);
    }

    private static IEnumerable<string> Rewrites(Trail trail, long scoring, string result) =>
    [
        $"UPDATE audit_entries SET actor = 'mallory' WHERE sequence = {S(scoring)}",
        $"DELETE FROM audit_entries WHERE sequence = {S(scoring)}",
        "TRUNCATE audit_entries",
        $"UPDATE candidate_results SET merit_score = merit_score + 1 WHERE {result}",
        $"DELETE FROM candidate_results WHERE {result}",
        "TRUNCATE candidate_results",
        $"UPDATE scoring_runs SET results_digest = repeat('f', 64) WHERE id = '{trail.Run}'",
        $"DELETE FROM scoring_runs WHERE id = '{trail.Run}'",
        $"UPDATE selection_decisions SET justification = 'afterwards' WHERE selection_id = '{trail.Selection}'",
        $"DELETE FROM selection_decisions WHERE selection_id = '{trail.Selection}'",
        $"UPDATE decision_choices SET rank = 9 WHERE candidate_id = '{trail.TopCandidate}'",
        $"DELETE FROM decision_choices WHERE candidate_id = '{trail.TopCandidate}'",
    ];

    [Test]
    public async Task The_runtime_role_cannot_rewrite_history_not_even_by_switching_the_triggers_off()
    {
        await using var api = await OwnApiHost.StartAsync();
        var trail = await ArrangeAsync(api, decide: true);
        var scoring = trail.Sequences["RunScoring"];
        var entryBefore = await api.Database.ScalarAsync<string>($"SELECT actor || '|' || hash FROM audit_entries WHERE sequence = {S(scoring)}");
        var result = $"scoring_run_id = '{trail.Run}' AND candidate_id = '{trail.TopCandidate}'";
        var meritBefore = await api.Database.ScalarAsync<decimal>($"SELECT merit_score FROM candidate_results WHERE {result}");
        var runtime = api.Database.ConnectionString; // the API's own connection string

        // What a superuser could do to get past the triggers is closed to the runtime role.
        await RefusedAsync(runtime, "SET session_replication_role = replica", "permission denied");
        await RefusedAsync(runtime, $"SET session_replication_role = replica; UPDATE audit_entries SET actor = 'mallory' WHERE sequence = {S(scoring)}",
            "permission denied");
        foreach (var table in MeritApi.Infrastructure.Persistence.Roles.DatabaseRoles.AppendOnlyTables)
        {
            await RefusedAsync(runtime, $"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only", "must be owner");
            await RefusedAsync(runtime, $"ALTER TABLE {table} DISABLE TRIGGER ALL", "must be owner");
        }
        // Plain UPDATE, DELETE and TRUNCATE: the role has no right to them.
        foreach (var sql in Rewrites(trail, scoring, result))
            await RefusedAsync(runtime, sql, "permission denied");
        // And the owner, who has them, is still stopped by the append-only triggers.
        foreach (var sql in Rewrites(trail, scoring, result))
            await RefusedAsync(api.Database.OwnerConnectionString, sql, "append-only");

        // The role is what the API checks it is at start-up: no superuser, owns nothing, no excess right.
        await using (var connection = new NpgsqlConnection(runtime))
        {
            await connection.OpenAsync();
            Assert.That(await MeritApi.Infrastructure.Persistence.Roles.DatabaseRoles.ExcessPrivilegesAsync(connection, CancellationToken.None), Is.Empty);
        }
        await using (var connection = new NpgsqlConnection(api.Database.OwnerConnectionString))
        {
            await connection.OpenAsync();
            Assert.That(await MeritApi.Infrastructure.Persistence.Roles.DatabaseRoles.ExcessPrivilegesAsync(connection, CancellationToken.None),
                Has.Some.Contains("owns"), "the check does find an owner");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await api.Database.ScalarAsync<string>($"SELECT actor || '|' || hash FROM audit_entries WHERE sequence = {S(scoring)}"),
                Is.EqualTo(entryBefore));
            Assert.That(await api.Database.ScalarAsync<decimal>($"SELECT merit_score FROM candidate_results WHERE {result}"), Is.EqualTo(meritBefore));
            Assert.That(await api.Database.ScalarAsync<long>($"SELECT count(*) FROM candidate_results WHERE scoring_run_id = '{trail.Run}'"), Is.EqualTo(2));
            Assert.That(await api.Database.ScalarAsync<long>($"SELECT count(*) FROM decision_choices WHERE candidate_id = '{trail.TopCandidate}'"),
                Is.EqualTo(1));
            Assert.That((string)(await api.Client.GetJsonAsync("/api/v1/audit/verification"))["status"]!, Is.EqualTo("intact"));
            var verification = await api.Client.GetJsonAsync(
                $"/api/v1/selections/{trail.Selection}/scoring-runs/{trail.Run}/results/{trail.TopCandidate}/rationale/verification");
            Assert.That((string)verification["status"]!, Is.EqualTo("match"));
        }
    }

    [Test]
    public async Task Results_must_reference_their_run_and_a_candidate_of_its_selection_and_scored_candidates_stay()
    {
        await using var api = await OwnApiHost.StartAsync();
        var trail = await ArrangeAsync(api);
        var other = await ArrangeAsync(api);
        // A copy of a stored result, re-pointed: checked once per statement by a trigger (ForeignKeyViolation).
        string Copy(string run, string candidate) => $"""
            INSERT INTO candidate_results (scoring_run_id, candidate_id, employee_id, candidate_code, grade, jpm, jpm_band,
                competency_gaps, performance_score, performance_years, latest_rating, merit_score, talent_box, eligible,
                ineligibility_reasons, rank, rank_decided_by, seal, list_position)
            SELECT {run}, {candidate}, employee_id, candidate_code, grade, jpm, jpm_band,
                competency_gaps, performance_score, performance_years, latest_rating, merit_score, talent_box, eligible,
                ineligibility_reasons, rank, rank_decided_by, seal, list_position
            FROM candidate_results WHERE scoring_run_id = '{trail.Run}' AND candidate_id = '{trail.TopCandidate}'
            """;

        foreach (var sql in new[]
                 {
                     Copy("gen_random_uuid()", "candidate_id"), // no such run
                     Copy($"'{other.Run}'", "gen_random_uuid()"), // no such candidate
                     Copy($"'{other.Run}'", "candidate_id"), // a candidate of another selection
                 })
        {
            await Assert.ThatAsync(() => api.Database.ExecuteAsync(sql),
                Throws.TypeOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo(PostgresErrorCodes.ForeignKeyViolation), sql);
        }
        foreach (var sql in new[]
                 {
                     $"DELETE FROM candidates WHERE id = '{trail.TopCandidate}'",
                     $"UPDATE candidates SET id = gen_random_uuid() WHERE id = '{trail.TopCandidate}'",
                 })
        {
            await Assert.ThatAsync(() => api.Database.ExecuteAsync(sql),
                Throws.TypeOf<PostgresException>().With.Property(nameof(PostgresException.MessageText)).Contains("has scoring results"), sql);
        }
        Assert.That(await api.Database.ScalarAsync<long>($"SELECT count(*) FROM candidate_results WHERE scoring_run_id = '{other.Run}'"), Is.EqualTo(2));
        Assert.That(await api.Database.ScalarAsync<long>($"SELECT count(*) FROM candidates WHERE id = '{trail.TopCandidate}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_edited_entry_breaks_the_chain_at_its_own_sequence()
    {
        await using var api = await OwnApiHost.StartAsync();
        var trail = await ArrangeAsync(api);
        var edited = trail.Sequences["OpenSelection"];
        var total = await api.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");
        Assert.That(edited, Is.InRange(2, total - 1), "an entry in the middle of the trail");

        await api.TamperAsync($"UPDATE audit_entries SET actor = 'mallory' WHERE sequence = {S(edited)}");

        var verification = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("broken"));
            Assert.That((long?)verification["firstBrokenSequence"], Is.EqualTo(edited));
            Assert.That((long)verification["entriesChecked"]!, Is.EqualTo(edited), "the walk stops at the first broken link");
            Assert.That((string?)verification["reason"], Does.Contain("edited"));
        }
    }

    [Test]
    public async Task An_edit_that_also_relinks_the_next_entry_is_still_caught_at_the_edited_entry()
    {
        // A tamperer who rewrites the hash of the edited row and the next row's previous_hash to match: without
        // the canonical content the new hash cannot be right, so the edited entry itself fails.
        await using var api = await OwnApiHost.StartAsync();
        var trail = await ArrangeAsync(api);
        var edited = trail.Sequences["EnrolCandidates"];
        var forged = new string('a', 64);

        await api.TamperAsync($"""
            UPDATE audit_entries SET touched_ids = ARRAY[]::uuid[], hash = '{forged}' WHERE sequence = {S(edited)};
            UPDATE audit_entries SET previous_hash = '{forged}' WHERE sequence = {S(edited + 1)};
            """);

        var verification = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        Assert.That(((string)verification["status"]!, (long?)verification["firstBrokenSequence"]), Is.EqualTo(("broken", (long?)edited)));
        Assert.That((string?)verification["reason"], Does.Contain("edited"));
    }

    [Test]
    public async Task A_deleted_entry_breaks_the_chain_at_the_missing_sequence()
    {
        await using var api = await OwnApiHost.StartAsync();
        var trail = await ArrangeAsync(api);
        var deleted = trail.Sequences["EnrolCandidates"];
        var total = await api.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");
        Assert.That(deleted, Is.InRange(2, total - 1), "an entry in the middle of the trail");

        await api.TamperAsync($"DELETE FROM audit_entries WHERE sequence = {S(deleted)}");

        var verification = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("broken"));
            Assert.That((long?)verification["firstBrokenSequence"], Is.EqualTo(deleted));
            Assert.That((string?)verification["reason"], Does.Contain("missing").And.Contain("deleted"));
        }

        // Renumbering the rows after it to close the gap does not help: the entry moved into the gap no longer links.
        await using var other = await OwnApiHost.StartAsync();
        var otherTrail = await ArrangeAsync(other);
        var gap = otherTrail.Sequences["EnrolCandidates"];
        var last = await other.Database.ScalarAsync<long>("SELECT max(sequence) FROM audit_entries");
        var renumber = string.Concat(Enumerable.Range((int)gap + 1, (int)(last - gap))
            .Select(s => $"UPDATE audit_entries SET sequence = {S(s - 1)} WHERE sequence = {S(s)};\n"));
        await other.TamperAsync($"DELETE FROM audit_entries WHERE sequence = {S(gap)};\n{renumber}");
        var renumbered = await other.Client.GetJsonAsync("/api/v1/audit/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((string)renumbered["status"]!, (long?)renumbered["firstBrokenSequence"]), Is.EqualTo(("broken", (long?)gap)));
            Assert.That((long?)renumbered["lastSequence"], Is.EqualTo(gap), "verification stops at the first broken link");
            Assert.That((string?)renumbered["reason"], Does.Contain("does not link"));
        }
    }

    [Test]
    public async Task New_commands_after_an_edit_do_not_repair_the_chain()
    {
        await using var api = await OwnApiHost.StartAsync();
        var trail = await ArrangeAsync(api);
        var edited = trail.Sequences["RunScoring"];
        await api.TamperAsync($"UPDATE audit_entries SET request_id = 'replayed' WHERE sequence = {S(edited)}");

        await api.Client.CreateEmployeeAsync();
        await api.Client.CreateEmployeeAsync();
        var verification = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        var entries = await api.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");
        Assert.That(((string)verification["status"]!, (long?)verification["firstBrokenSequence"]), Is.EqualTo(("broken", (long?)edited)));
        Assert.That(entries, Is.GreaterThan(edited), "commands still append after the break");
    }

    [Test]
    public async Task Removing_the_newest_entries_is_caught_by_the_latest_signed_checkpoint_and_by_an_auditors_anchor()
    {
        await using var api = await OwnApiHost.StartAsync();
        await ArrangeAsync(api);
        var anchor = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        var (sequence, hash) = ((long)anchor["lastSequence"]!, (string)anchor["lastHash"]!);
        var anchored = $"/api/v1/audit/verification?anchorSequence={S(sequence)}&anchorHash={hash}";
        await api.Client.CreateEmployeeAsync();
        Assert.That((string)(await api.Client.GetJsonAsync(anchored))["status"]!, Is.EqualTo("intact"), "later entries keep the anchor");

        // Cutting off the tail leaves a chain that links perfectly; the latest signed checkpoint still covers the lost entries.
        await api.TamperAsync($"DELETE FROM audit_entries WHERE sequence >= {S(sequence)}");
        var plain = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        Assert.That(((string)plain["status"]!, (long?)plain["firstBrokenSequence"]), Is.EqualTo(("broken", (long?)sequence)));
        Assert.That((string?)plain["reason"], Does.Contain("the newest entries were removed"));
        // And the log is not extended while it is shorter than what was signed.
        await api.Client.PostAsJsonAsync("/api/v1/employees", new { nip = "198001012005011999", name = "After", grade = "III/a", unit = "U" })
            .ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, MeritApi.Api.Infrastructure.ProblemTypes.AuditLogInconsistent);
        var verification = await api.Client.GetJsonAsync(anchored);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((string)verification["status"]!, (long?)verification["firstBrokenSequence"]), Is.EqualTo(("broken", (long?)sequence)));
            Assert.That((string?)verification["reason"], Does.Contain("removed"));
        }
    }

    [Test]
    public async Task A_log_rebuilt_over_a_removed_entry_and_its_checkpoint_is_caught_by_what_an_auditor_kept()
    {
        await using var api = await OwnApiHost.StartAsync();
        await ArrangeAsync(api);
        var anchor = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        var (sequence, hash) = ((long)anchor["lastSequence"]!, (string)anchor["lastHash"]!);
        var kept = await api.Client.GetJsonAsync("/api/v1/audit/checkpoints/latest");

        // The newest entry and its checkpoint are removed, and a new command appends a perfectly linked entry in its place,
        // signed by the server's own key: the server's data is consistent again.
        await api.TamperAsync($"DELETE FROM audit_entries WHERE sequence = {S(sequence)}; DELETE FROM audit_checkpoints WHERE tree_size = {S(sequence)}");
        await api.Client.CreateEmployeeAsync();
        var plain = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        Assert.That(((string)plain["status"]!, (long)plain["lastSequence"]!), Is.EqualTo(("intact", sequence)), "the server alone cannot tell");

        // The checkpoint of the same size that the auditor kept states another root: the log they saw is not this one.
        var now = await api.Client.GetJsonAsync($"/api/v1/audit/checkpoints/{S(sequence)}");
        Assert.That((string)now["rootHash"]!, Is.Not.EqualTo((string)kept["rootHash"]!));

        var verification = await api.Client.GetJsonAsync($"/api/v1/audit/verification?anchorSequence={S(sequence)}&anchorHash={hash}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((string)verification["status"]!, (long?)verification["firstBrokenSequence"]), Is.EqualTo(("broken", (long?)sequence)));
            Assert.That((string?)verification["reason"], Does.Contain("no longer has the hash"));
        }
    }

    [Test]
    public async Task A_log_rebuilt_from_an_entry_on_with_a_valid_chain_is_caught_by_the_latest_signed_checkpoint()
    {
        await using var api = await OwnApiHost.StartAsync();
        var trail = await ArrangeAsync(api);
        var scoring = trail.Sequences["RunScoring"];

        // Someone with database access rewrites the scoring entry's actor and recomputes every hash from it on, exactly as the
        // published scheme says: the chain links perfectly again.
        var entries = (await api.Client.GetJsonAsync("/api/v1/audit/entries?pageSize=500"))["items"]!.AsArray()
            .Select(e => e!).OrderBy(e => (long)e["sequence"]!).ToList();
        var previous = (string)entries.Single(e => (long)e["sequence"]! == scoring - 1)["hash"]!;
        var rewrite = new System.Text.StringBuilder();
        foreach (var entry in entries.Where(e => (long)e["sequence"]! >= scoring))
        {
            if ((long)entry["sequence"]! == scoring)
                entry["actor"] = "mallory";
            entry["previousHash"] = previous;
            previous = PublishedAuditEntry.Hash(entry);
            rewrite.Append(CultureInfo.InvariantCulture, $"UPDATE audit_entries SET actor = '{(string)entry["actor"]!}', ")
                .Append(CultureInfo.InvariantCulture, $"previous_hash = '{(string)entry["previousHash"]!}', hash = '{previous}' ")
                .Append(CultureInfo.InvariantCulture, $"WHERE sequence = {S((long)entry["sequence"]!)};");
        }
        await api.TamperAsync(rewrite.ToString());

        var verification = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("broken"));
            Assert.That((string?)verification["reason"], Does.Contain("no longer hash to the root of the latest signed checkpoint"));
        }
        // The inclusion proof of the rewritten entry no longer leads to the signed root.
        var proof = await api.Client.GetJsonAsync($"/api/v1/audit/entries/{S(scoring)}/inclusion-proof");
        Assert.That(Domain.Transparency.MerkleTree.VerifyInclusion(scoring - 1, (long)proof["treeSize"]!,
            Convert.FromBase64String((string)proof["leafHash"]!), [.. proof["proof"]!.AsArray().Select(p => Convert.FromBase64String((string)p!))],
            Convert.FromBase64String((string)proof["checkpoint"]!["rootHash"]!)), Is.False);
    }

    [Test]
    public async Task A_checkpoint_whose_signature_was_altered_is_reported()
    {
        await using var api = await OwnApiHost.StartAsync();
        await ArrangeAsync(api);
        var latest = await api.Client.GetJsonAsync("/api/v1/audit/checkpoints/latest");
        await api.TamperAsync($"UPDATE audit_checkpoints SET signature = set_byte(signature, 0, get_byte(signature, 0) # 1) " +
                              $"WHERE tree_size = {S((long)latest["treeSize"]!)}");

        var verification = await api.Client.GetJsonAsync("/api/v1/audit/verification");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)verification["status"]!, Is.EqualTo("broken"));
            Assert.That((string?)verification["reason"], Does.Contain("is not signed by the log's key"));
        }
    }

    [Test]
    public async Task An_anchor_needs_both_its_sequence_and_a_hex_hash()
    {
        await using var api = await OwnApiHost.StartAsync();
        var problem = await api.Client.GetAsync("/api/v1/audit/verification?anchorSequence=3&anchorHash=not-a-hash")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, MeritApi.Api.Infrastructure.ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "anchorHash" }));
    }
}
