using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Npgsql;

namespace Soak;

internal sealed record CheckResult(
    int Found, int Missing, int Duplicated, int UnacknowledgedStored, int UnacknowledgedDuplicated, long Runs, long PartialRuns,
    string AuditStatus, long AuditEntries, IReadOnlyList<string> Problems);

/// <summary>
/// After the load, against the database itself: every acknowledged write is stored exactly once (its row, by its natural
/// key or id, and its one audit entry, found by the request id the driver sent), no write is stored twice, no scoring run
/// is partial, and the API's audit chain verification (as an auditor) reports the chain intact.
/// </summary>
internal static class Checker
{
    public static async Task<CheckResult> RunAsync(Options options, IReadOnlyList<Write> writes)
    {
        var problems = new List<string>();
        var (auditStatus, auditEntries) = await VerifyAuditChainAsync(options, problems);

        await using var dataSource = NpgsqlDataSource.Create(Options.Environment("SOAK_DB"));
        var audit = await CountByAsync(dataSource, "SELECT request_id, count(*) FROM audit_entries WHERE request_id = ANY($1) GROUP BY request_id",
            writes.Select(w => w.Key).ToArray());
        var employees = await RowsAsync(dataSource, "SELECT nip, id FROM employees WHERE nip = ANY($1)",
            writes.Where(w => w.Kind == WriteKind.Employee).Select(w => w.Nip!).ToArray());
        var assessments = await RowsAsync(dataSource, "SELECT assessor, id FROM competency_assessments WHERE assessor = ANY($1)",
            writes.Where(w => w.Kind == WriteKind.Assessment).Select(w => w.Tag!).ToArray());
        var ratings = await RowsAsync(dataSource, "SELECT employee_id::text || '/' || year, rating FROM performance_ratings WHERE employee_id = ANY($1::uuid[])",
            writes.Where(w => w.Kind == WriteKind.Rating).Select(w => w.EmployeeId.ToString()).Distinct().ToArray());
        var candidates = await RowsAsync(dataSource, "SELECT selection_id::text || '/' || employee_id, id FROM candidates WHERE selection_id = ANY($1::uuid[])",
            writes.Where(w => w.Kind == WriteKind.Enrolment).Select(w => w.SelectionId.ToString()).Distinct().ToArray());
        var runs = await RowsAsync(dataSource, "SELECT id::text, candidate_count::text FROM scoring_runs WHERE id = ANY($1::uuid[])",
            writes.Where(w => w.Kind == WriteKind.ScoringRun && w.Acknowledged).Select(w => w.Id.ToString()).ToArray());

        int found = 0, missing = 0, duplicated = 0, unacknowledgedStored = 0, unacknowledgedDuplicated = 0;
        foreach (var write in writes)
        {
            var entries = audit.GetValueOrDefault(write.Key);
            // The effect itself: how many rows it left, and whether they are the ones the answer named.
            var (rows, matches) = write.Kind switch
            {
                WriteKind.Employee => Rows(employees, write.Nip!, write.Acknowledged ? write.Id.ToString() : null),
                WriteKind.Assessment => Rows(assessments, write.Tag!, write.Acknowledged ? write.Id.ToString() : null),
                WriteKind.Rating => Rows(ratings, $"{write.EmployeeId}/{write.Year}", write.Rating),
                WriteKind.Enrolment => Rows(candidates, $"{write.SelectionId}/{write.EmployeeId}", write.Acknowledged ? write.Id.ToString() : null),
                WriteKind.ScoringRun => write.Acknowledged ? Rows(runs, write.Id.ToString(), write.CandidateCount.ToString(System.Globalization.CultureInfo.InvariantCulture)) : (entries, true),
                _ => throw new InvalidOperationException(),
            };
            if (write.Acknowledged)
            {
                if (rows > 1 || entries > 1)
                {
                    duplicated++;
                    problems.Add($"duplicated {write.Kind} {write.Key}: {rows} rows, {entries} audit entries");
                }
                else if (rows == 0 || entries == 0 || !matches)
                {
                    missing++;
                    problems.Add($"missing {write.Kind} {write.Key} (id {write.Id}): {rows} rows{(matches ? "" : " (not the acknowledged one)")}, {entries} audit entries");
                }
                else
                {
                    found++;
                }
            }
            else
            {
                if (entries > 0)
                    unacknowledgedStored++;
                // Ratings are upserts: an unacknowledged one may share its row with nothing else, so only the audit trail counts them.
                if (entries > 1 || (write.Kind != WriteKind.Rating && rows > 1))
                {
                    unacknowledgedDuplicated++;
                    problems.Add($"unacknowledged {write.Kind} {write.Key} stored twice: {rows} rows, {entries} audit entries");
                }
            }
        }

        long runCount, partial;
        await using (var command = dataSource.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE r.candidate_count <> (SELECT count(*) FROM candidate_results c WHERE c.scoring_run_id = r.id))
            FROM scoring_runs r
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            runCount = reader.GetInt64(0);
            partial = reader.GetInt64(1);
        }
        return new CheckResult(found, missing, duplicated, unacknowledgedStored, unacknowledgedDuplicated, runCount, partial, auditStatus,
            auditEntries, problems);
    }

    private static (int Rows, bool Matches) Rows(Dictionary<string, List<string>> rows, string key, string? expected)
    {
        var values = rows.GetValueOrDefault(key) ?? [];
        return (values.Count, expected is null || (values.Count == 1 && string.Equals(values[0], expected, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>GET /api/v1/audit/verification as an auditor, patiently: the database has only just come back.</summary>
    private static async Task<(string Status, long Entries)> VerifyAuditChainAsync(Options options, List<string> problems)
    {
        using var http = new HttpClient { BaseAddress = options.Api, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.Environment("SOAK_AUDITOR_TOKEN"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await http.GetAsync("/api/v1/audit/verification");
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                var body = JsonNode.Parse(text)!;
                var status = (string?)body["status"] ?? "?";
                if (status != "intact")
                    problems.Add($"audit chain: {text}");
                return (status, (long?)body["entriesChecked"] ?? 0);
            }
            if ((int)response.StatusCode != 503 || DateTime.UtcNow > deadline)
            {
                problems.Add($"audit verification answered {(int)response.StatusCode}: {text}");
                return ($"not verified ({(int)response.StatusCode})", 0);
            }
            await Task.Delay(1000);
        }
    }

    private static async Task<Dictionary<string, long>> CountByAsync(NpgsqlDataSource dataSource, string sql, string[] keys)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = keys });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>Rows by key (first column), each with the value of the second column as text.</summary>
    private static async Task<Dictionary<string, List<string>>> RowsAsync(NpgsqlDataSource dataSource, string sql, string[] keys)
    {
        var rows = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = keys });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(0);
            if (!rows.TryGetValue(key, out var list))
                rows[key] = list = [];
            list.Add(reader.GetValue(1).ToString()!);
        }
        return rows;
    }
}
