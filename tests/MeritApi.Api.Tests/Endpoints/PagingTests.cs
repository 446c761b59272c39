using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Tests.Endpoints;

/// <summary>
/// DESIGN §6: every list is paged. The lists are found in the Swagger document (every GET taking page and pageSize), so a
/// new list is checked too: page size at most 500, page ≥ 1, and totalCount/totalPages in every answer.
/// </summary>
public sealed class PagingTests
{
    private const int MaxPageSize = 500;
    private HttpClient _client = null!;
    private Guid _position;
    private Guid _employee;
    private Guid _selection;
    private Guid _run;
    private Guid _mappingRun;
    private Guid _candidate;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _client = ApiClient.Create();
        _position = await _client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        _selection = await _client.OpenSelectionAsync(_position);
        var employees = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = await _client.CreateEmployeeAsync();
            await _client.AssessAsync(id, "M-INTEGRITY", 3 + (i % 2));
            await _client.RateAsync(id, 2025, "VeryGood");
            await _client.RateAsync(id, 2024, "Good");
            employees.Add(id);
        }
        _employee = employees[0];
        _candidate = (await _client.EnrolAsync(_selection, [.. employees]))[0];
        _run = (Guid)(await _client.RunScoringAsync(_selection))["id"]!;
        // A mapping run of a unit of its own: three employees, one placed, two not.
        var unit = $"Biro Paging {Guid.NewGuid():N}"[..20];
        foreach (var holds in new[] { true, false, false })
            await _client.PostAsJsonAsync("/api/v1/employees", new
            {
                nip = ApiClient.NewNip(),
                name = "Pegawai Paging",
                grade = "III/c",
                unit,
                currentPositionId = holds ? _position : (Guid?)null,
            }).ExpectAsync(HttpStatusCode.Created);
        _mappingRun = (Guid)(await _client.PostAsJsonAsync("/api/v1/talent-mapping-runs", new { units = new[] { unit } })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
    }

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    /// <summary>Every documented GET that takes both page and pageSize, with its route values filled from the fixture.</summary>
    private async Task<List<string>> ListUrlsAsync()
    {
        var document = await _client.GetAsync("/swagger/v1/swagger.json").ExpectAsync(HttpStatusCode.OK);
        var urls = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item?["get"] is not { } get)
                continue;
            var query = get["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList() ?? [];
            if (!query.Contains("page") || !query.Contains("pageSize"))
                continue;
            var id = path.StartsWith("/api/v1/selections/", StringComparison.Ordinal) ? _selection
                : path.StartsWith("/api/v1/positions/", StringComparison.Ordinal) ? _position
                : _employee;
            var run = path.StartsWith("/api/v1/talent-mapping-runs/", StringComparison.Ordinal) ? _mappingRun : _run;
            urls.Add(path.Replace("{id}", id.ToString(), StringComparison.Ordinal)
                .Replace("{runId}", run.ToString(), StringComparison.Ordinal)
                .Replace("{candidateId}", _candidate.ToString(), StringComparison.Ordinal));
        }
        return urls;
    }

    /// <summary>The paged list of an answer: the body itself, or (the shortlist, the JP compliance) its "candidates" or "employees".</summary>
    private static JsonNode PageOf(JsonNode body) => body["items"] is not null ? body : body["candidates"] ?? body["employees"]!;

    private static string With(string url, string query) => $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{query}";

    [Test]
    public async Task Every_list_is_found_in_the_swagger_document()
    {
        var urls = await ListUrlsAsync();
        await TestContext.Out.WriteLineAsync(string.Join('\n', urls));
        Assert.That(urls, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(urls, Has.Some.EndsWith("/shortlist").And.Some.EqualTo("/api/v1/employees").And.Some.EqualTo("/api/v1/audit/entries"));
    }

    [Test]
    public async Task Every_list_answers_totals_and_takes_up_to_500_a_page()
    {
        var failures = new List<string>();
        foreach (var url in await ListUrlsAsync())
        {
            using var full = await _client.GetAsync(With(url, $"page=1&pageSize={MaxPageSize}"));
            if (full.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url} pageSize={MaxPageSize}: {(int)full.StatusCode}");
                continue;
            }
            var page = PageOf(JsonNode.Parse(await full.Content.ReadAsStringAsync())!);
            if (page["totalCount"] is null || page["totalPages"] is null)
            {
                failures.Add($"{url}: no totalCount/totalPages in {page.ToJsonString()[..Math.Min(200, page.ToJsonString().Length)]}");
                continue;
            }
            var total = (int)page["totalCount"]!;
            var items = page["items"]!.AsArray().Count;
            if (total <= MaxPageSize && items != total)
                failures.Add($"{url}: {items} items on one page of {MaxPageSize}, but totalCount {total}");

            using var small = await _client.GetAsync(With(url, "page=1&pageSize=2"));
            var paged = PageOf(JsonNode.Parse(await small.Content.ReadAsStringAsync())!);
            var expectedPages = (total + 1) / 2;
            if ((int)paged["totalCount"]! != total || (int)paged["totalPages"]! != expectedPages || paged["items"]!.AsArray().Count != Math.Min(2, total))
                failures.Add($"{url} pageSize=2: totalCount {(int)paged["totalCount"]!}, totalPages {(int)paged["totalPages"]!}, " +
                             $"{paged["items"]!.AsArray().Count} items; expected {total}, {expectedPages}, {Math.Min(2, total)}");
        }
        Assert.That(failures, Is.Empty);
    }

    [TestCase("pageSize=501", "pageSize")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("page=0", "page")]
    public async Task Every_list_refuses_a_page_out_of_range_naming_the_parameter(string query, string field)
    {
        var failures = new List<string>();
        foreach (var url in await ListUrlsAsync())
        {
            using var response = await _client.GetAsync(With(url, query));
            var body = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonNode.Parse(body) : null;
            if (response.StatusCode != HttpStatusCode.BadRequest || (string?)problem?["type"] != ProblemTypes.Validation ||
                !(problem?.ErrorFields().Contains(field) ?? false))
                failures.Add($"{url}?{query}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        }
        Assert.That(failures, Is.Empty);
    }
}
