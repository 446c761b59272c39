using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Rendering;

/// <summary>
/// The shortlist as CSV (RFC 4180): a committee prints it, a spreadsheet opens it. Every field is quoted; names with
/// commas and quotes survive as one field; formula triggers are defused at the start of a field and after any separator
/// a spreadsheet may split on; the CSV says exactly what the JSON says; NIPs and names stay empty until the committee
/// reveals them.
/// </summary>
public sealed class ShortlistCsvTests
{
    private static readonly string[] Header =
        ["rank", "candidate_code", "nip", "name", "jpm", "jpm_band", "performance_score", "merit_score", "talent_box", "eligibility"];

    // name → (integrity, cooperation, rating 2025, rating 2024); standard: INTEGRITY 3, COOPERATION 3.
    private static readonly (string Name, int A, int B, string? R2025, string R2024)[] People =
    [
        ("Siregar, Budi \"Ucok\"", 3, 3, "VeryGood", "VeryGood"),
        ("Dewi \"Nur\" Lestari", 3, 2, "VeryGood", "Good"),
        ("Ahmad Fauzi", 2, 2, "Good", "Good"),
        ("=HYPERLINK(\"http://example.invalid\",\"klik\")", 3, 3, "Good", "VeryGood"),
        ("Putri, Sari", 3, 3, null, "Good"), // ineligible: no 2025 rating
        // An Indonesian-locale spreadsheet splits on ';' (and may ignore quotes): each piece must not start a formula.
        ("Siti;=1+1,@SUM(A1); -2;+3", 3, 3, null, "Good"), // ineligible too
    ];

    /// <summary>The defusing the CSV applies: an apostrophe before a trigger at the start or after a separator (spaces skipped).</summary>
    private static string Defused(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(^|[,;\t])( *)([=+\-@\t\r])", "$1$2'$3");

    private HttpClient _committee = null!;
    private Guid _selection;
    private string _revealedBy = null!;
    private (JsonNode Json, string Csv) _blind;
    private (JsonNode Json, string Csv, string CsvByAccept, HttpContentHeaders Headers) _revealed;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        using var hr = ApiClient.Create();
        var position = await hr.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3)]);
        _selection = await hr.OpenSelectionAsync(position);
        var employees = new List<Guid>();
        foreach (var p in People)
        {
            var id = (Guid)(await hr.PostAsJsonAsync("/api/v1/employees",
                new { nip = ApiClient.NewNip(), name = p.Name, grade = "III/d", unit = "Biro Uji" }).ExpectAsync(HttpStatusCode.Created))["id"]!;
            await hr.AssessAsync(id, "M-INTEGRITY", p.A);
            await hr.AssessAsync(id, "M-COOPERATION", p.B);
            if (p.R2025 is not null)
                await hr.RateAsync(id, 2025, p.R2025);
            await hr.RateAsync(id, 2024, p.R2024);
            employees.Add(id);
        }
        await hr.EnrolAsync(_selection, [.. employees]);
        await hr.RunScoringAsync(_selection);

        _revealedBy = $"csv-committee-{Guid.NewGuid():N}";
        _committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [_selection], subject: _revealedBy));
        _blind = (await JsonAsync(), await CsvAsync("&format=csv"));

        await _committee.PostAsync($"/api/v1/selections/{_selection}/identity-reveal", null).ExpectAsync(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Get, Url(""));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var byAccept = await _committee.SendAsync(request);
        Assert.That(byAccept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var byFormat = await _committee.GetAsync(Url("&format=csv"));
        Assert.That(byFormat.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _revealed = (await JsonAsync(), await byFormat.Content.ReadAsStringAsync(), await byAccept.Content.ReadAsStringAsync(), byFormat.Content.Headers);
    }

    [OneTimeTearDown]
    public void Dispose() => _committee.Dispose();

    private string Url(string query) => $"/api/v1/selections/{_selection}/shortlist?includeIneligible=true{query}";

    private Task<JsonNode> JsonAsync() => _committee.GetAsync(Url("")).ExpectAsync(HttpStatusCode.OK);

    private async Task<string> CsvAsync(string query)
    {
        using var response = await _committee.GetAsync(Url(query));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    private static List<JsonNode> Items(JsonNode shortlist) => [.. shortlist["candidates"]!["items"]!.AsArray().Select(e => e!)];

    /// <summary>What the CSV line of a JSON shortlist entry must hold, field by field (formula-like text defused with ').</summary>
    private static string[] ExpectedFields(JsonNode e) =>
    [
        e["rank"] is null ? string.Empty : ((int)e["rank"]!).ToString(CultureInfo.InvariantCulture),
        (string)e["candidateCode"]!,
        (string?)e["nip"] ?? string.Empty,
        (string?)e["name"] is { } name ? Defused(name) : string.Empty,
        ((decimal)e["jpm"]!).ToString("0.00", CultureInfo.InvariantCulture),
        (string)e["jpmBand"]!,
        ((decimal)e["performanceScore"]!).ToString("0.00", CultureInfo.InvariantCulture),
        ((decimal)e["meritScore"]!).ToString("0.00", CultureInfo.InvariantCulture),
        ((int)e["talentBox"]!).ToString(CultureInfo.InvariantCulture),
        (bool)e["eligible"]!
            ? "eligible"
            : "ineligible: " + string.Join("; ", e["ineligibilityReasons"]!.AsArray().Select(r => (string)r!["detail"]!)),
    ];

    [Test]
    public async Task The_csv_is_a_table_a_header_and_one_line_per_candidate_with_crlf_line_ends()
    {
        await TestContext.Out.WriteLineAsync(_revealed.Csv);
        var table = StrictCsv.Parse(_revealed.Csv);
        Assert.Multiple(() =>
        {
            Assert.That(table[0], Is.EqualTo(Header));
            Assert.That(table, Has.Count.EqualTo(1 + People.Length));
            Assert.That(table.Select(r => r.Length), Has.All.EqualTo(Header.Length));
            Assert.That(_revealed.Csv.Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain("\n").And.Not.Contain("\r"));
        });
    }

    [Test]
    public void Every_csv_line_says_what_the_json_shortlist_says_in_the_same_order()
    {
        var rows = StrictCsv.Parse(_revealed.Csv).Skip(1).ToList();
        var items = Items(_revealed.Json);
        Assert.That(items, Has.Count.EqualTo(People.Length));
        Assert.That(rows, Is.EqualTo(items.Select(ExpectedFields)));
        Assert.That(rows.Select(r => r[3]), Is.EquivalentTo(People.Select(p => Defused(p.Name))));
        Assert.That(rows.Select(r => r[9]).Count(e => e.StartsWith("ineligible: ", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(rows.Select(r => r[0]).Where(r => r.Length > 0), Is.EqualTo(new[] { "1", "2", "3", "4" }));
    }

    [Test]
    public void Every_field_is_quoted_with_doubled_quotes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_revealed.Csv, Does.Contain(",\"Siregar, Budi \"\"Ucok\"\"\","));
            Assert.That(_revealed.Csv, Does.Contain(",\"Dewi \"\"Nur\"\" Lestari\","));
            Assert.That(_revealed.Csv, Does.Contain(",\"Putri, Sari\","));
            Assert.That(_revealed.Csv, Does.Contain(",\"Ahmad Fauzi\","), "a plain name is quoted too");
            Assert.That(_revealed.Csv, Does.Contain(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\","),
                "a name a spreadsheet would run as a formula is defused and quoted");
            foreach (var line in _revealed.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
                Assert.That(line, Does.StartWith("\"").And.EndWith("\""), line);
        });
    }

    [Test]
    public void A_formula_after_a_semicolon_comma_or_tab_is_defused_for_spreadsheets_that_split_there()
    {
        Assert.That(_revealed.Csv, Does.Contain(",\"Siti;'=1+1,'@SUM(A1); '-2;'+3\","));
        // Read as a semicolon-separated file ignoring quotes (the worst case), no cell starts a formula.
        foreach (var line in _revealed.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            foreach (var cell in line.Split([';', ',', '\t']))
                Assert.That(cell.Trim().TrimStart('"').TrimStart(), Does.Not.Match("^[=+\\-@]"), line);
    }

    [Test]
    public void Before_the_reveal_the_nip_and_name_columns_are_empty_and_everything_else_is_the_same()
    {
        var blind = StrictCsv.Parse(_blind.Csv);
        var revealed = StrictCsv.Parse(_revealed.Csv);
        Assert.Multiple(() =>
        {
            Assert.That(blind.Skip(1).Select(r => r[2] + r[3]), Has.All.Empty);
            Assert.That(Items(_blind.Json).Select(e => (e["nip"], e["name"])), Has.All.EqualTo(((JsonNode?)null, (JsonNode?)null)));
            Assert.That((bool)_blind.Json["identitiesRevealed"]!, Is.False);
            Assert.That(revealed.Skip(1).Select(r => r[2]), Has.All.Match("^[0-9]{18}$"), "after the reveal, the full NIP");
            Assert.That(blind.Skip(1).Select(r => r.Where((_, i) => i is not (2 or 3))),
                Is.EqualTo(revealed.Skip(1).Select(r => r.Where((_, i) => i is not (2 or 3)))));
            Assert.That(StrictCsv.Parse(_blind.Csv).Skip(1), Is.EqualTo(Items(_blind.Json).Select(ExpectedFields)));
            Assert.That((bool)_revealed.Json["identitiesRevealed"]!, Is.True);
            Assert.That(Items(_revealed.Json).Select(e => (string?)e["name"]), Is.EquivalentTo(People.Select(p => p.Name)));
        });
    }

    [Test]
    public void Accept_text_csv_gives_the_same_document_as_format_csv_as_a_download()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_revealed.CsvByAccept, Is.EqualTo(_revealed.Csv));
            Assert.That(_revealed.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(_revealed.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
            Assert.That(_revealed.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(_revealed.Headers.ContentDisposition?.FileName?.Trim('"'), Does.StartWith($"shortlist-{_selection}-run-1").And.EndWith(".csv"));
        });
    }

    [Test]
    public async Task The_reveal_is_an_audited_command_of_the_committee()
    {
        var entries = await ApiTestEnvironment.Database.ScalarAsync<string>($"""
            SELECT string_agg(actor || '|' || role, ',') FROM audit_entries
            WHERE command = 'RevealIdentities' AND '{_selection}' = ANY(touched_ids)
            """);
        Assert.That(entries, Is.EqualTo($"{_revealedBy}|{Roles.Committee}"));
    }

    [Test]
    public async Task Revealing_before_scoring_is_refused_with_409_and_reveals_nothing()
    {
        using var hr = ApiClient.Create();
        var position = await hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var selection = await hr.OpenSelectionAsync(position);
        await hr.EnrolAsync(selection, await hr.CreateEmployeeAsync());
        using var committee = ApiClient.CreateWithToken(TestTokens.Mint(Roles.Committee, selection));

        var problem = await committee.PostAsync($"/api/v1/selections/{selection}/identity-reveal", null)
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);

        Assert.That((string?)problem["rule"], Is.EqualTo("not-scored"));
        var stored = await committee.GetAsync($"/api/v1/selections/{selection}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(stored["identitiesRevealedAt"], Is.Null);

        // Scored afterwards, the shortlist is still blind: the refused reveal left no trace.
        await hr.RunScoringAsync(selection);
        var shortlist = await committee.GetAsync($"/api/v1/selections/{selection}/shortlist?includeIneligible=true&format=csv").ExpectCsvAsync();
        Assert.That(StrictCsv.Parse(shortlist).Skip(1).Select(r => r[3]), Is.EqualTo(new[] { string.Empty }));
    }
}

internal static class CsvResponses
{
    public static async Task<string> ExpectCsvAsync(this Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        return body;
    }
}
