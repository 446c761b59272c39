using System.Net;
using System.Text.Json.Nodes;

namespace MeritApi.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document as a client generator reads it: every representation, nullable and required as the types and
/// validators say, stable operation ids, problem details on every error status, the headers of idempotency, caching and
/// concurrency, no .NET names; Spectral's oas ruleset finds no error, and openapi-typescript's types of it compile
/// against what a TypeScript client relies on (build/openapi/client-check.ts).
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string Tools = Path.Combine(RepositoryRoot(), "build", "openapi");
    private string _json = null!;
    private JsonNode _document = null!;
    private string _file = null!;

    [OneTimeSetUp]
    public async Task FetchAsync()
    {
        using var client = ApiClient.CreateWithToken(null);
        using var response = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _json = await response.Content.ReadAsStringAsync();
        _document = JsonNode.Parse(_json)!;
        _file = Path.Combine(Path.GetTempPath(), $"meritapi-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_file, _json);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MeritApi.sln")))
                return dir.FullName;
        throw new InvalidOperationException("MeritApi.sln not found above the test binaries.");
    }

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    private JsonObject Operation(string path, string method) => _document["paths"]![path]![method]!.AsObject();

    private JsonObject Schema(string name) => _document["components"]!["schemas"]![name]!.AsObject();

    [Test]
    public void Every_operation_has_a_unique_stable_operation_id()
    {
        var ids = Operations().Select(o => (string?)o.Operation["operationId"]).ToList();
        Assert.That(ids, Has.None.Null.And.Unique);
        Assert.That(ids, Does.Contain("GetShortlist").And.Contain("RunScoring").And.Contain("RecordDecision").And.Contain("GetDecisionFile"));
    }

    [Test]
    public void The_shortlist_and_the_rationale_document_every_representation()
    {
        var shortlist = Operation("/api/v1/selections/{id}/shortlist", "get")["responses"]!["200"]!["content"]!.AsObject();
        Assert.That(shortlist.Select(c => c.Key), Is.EquivalentTo(new[] { "application/json", "text/csv", "text/html" }));
        Assert.That((string)shortlist["application/json"]!["schema"]!["$ref"]!, Is.EqualTo("#/components/schemas/ShortlistDto"));
        Assert.That((string)shortlist["text/csv"]!["schema"]!["type"]!, Is.EqualTo("string"));
        var rationale = Operation("/api/v1/selections/{id}/scoring-runs/{runId}/results/{candidateId}/rationale", "get")["responses"]!["200"]!["content"]!.AsObject();
        Assert.That(rationale.Select(c => c.Key), Is.EquivalentTo(new[] { "application/json", "text/markdown", "text/plain" }));
        var grid = Operation("/api/v1/selections/{id}/scoring-runs/{runId}/talent-grid", "get")["responses"]!["200"]!["content"]!.AsObject();
        Assert.That(grid.Select(c => c.Key), Is.EqualTo(new[] { "image/svg+xml" }));
    }

    [Test]
    public void Nullable_and_required_follow_the_types_and_the_validators()
    {
        foreach (var (schema, property) in new[] { ("RankStep", "decidedBy"), ("PerformanceYearLine", "rating"), ("CandidateResultDto", "latestRating") })
            Assert.That((bool?)Schema(schema)["properties"]![property]!["nullable"], Is.True, $"{schema}.{property}");
        Assert.That(Schema("ShortlistEntryDto")["required"]!.AsArray().Select(r => (string)r!),
            Does.Contain("candidateCode").And.Contain("meritScore").And.Not.Contain("nip").And.Not.Contain("rank"));
        var employee = Schema("RegisterEmployeeRequest");
        Assert.That(employee["required"]!.AsArray().Select(r => (string)r!), Is.EquivalentTo(new[] { "nip", "name", "grade", "unit" }));
        Assert.That((int)employee["properties"]!["name"]!["maxLength"]!, Is.EqualTo(200), "from the validator's length rule");
        Assert.That((bool?)employee["properties"]!["nip"]!["nullable"], Is.Not.True, "not null, as the validator requires");
        var withRequired = _document["components"]!["schemas"]!.AsObject().Count(s => s.Value!["required"] is JsonArray { Count: > 0 });
        Assert.That(withRequired, Is.GreaterThan(50));
    }

    [Test]
    public void Decimals_are_decimal_and_no_dotnet_name_leaks()
    {
        Assert.That(_json, Does.Not.Contain("\"double\""));
        Assert.That(_json, Does.Contain("\"format\": \"decimal\"").Or.Contain("\"format\":\"decimal\""));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(_json, @"MeritApi\.[A-Z][A-Za-z]+\.").Select(m => m.Value), Is.Empty);
        Assert.That(_json, Does.Not.Contain("System.").And.Not.Contain("Microsoft.AspNetCore"));
    }

    [Test]
    public void Every_error_status_is_problem_details_with_errors_trace_id_and_rule()
    {
        var problem = Schema("Problem")["properties"]!.AsObject().Select(p => p.Key);
        Assert.That(problem, Is.SupersetOf(new[] { "type", "title", "status", "detail", "instance", "traceId", "rule", "errors" }));
        foreach (var (path, method, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                Assert.That((string?)response!["content"]?["application/problem+json"]?["schema"]?["$ref"], Is.EqualTo("#/components/schemas/Problem"),
                    $"{method} {path} {status}");
            Assert.That(responses.Select(r => r.Key), Is.SupersetOf(new[] { "400", "401", "403", "429", "503" }), $"{method} {path}");
            Assert.That((string?)responses["429"]!["headers"]?["Retry-After"]?["schema"]?["type"], Is.EqualTo("integer"));
            if (method is "post" or "put")
                Assert.That(responses.Select(r => r.Key), Is.SupersetOf(new[] { "409", "413", "415", "422" }), $"{method} {path}");
        }
    }

    [Test]
    public void The_headers_of_creation_idempotency_caching_and_concurrency_are_declared()
    {
        var open = Operation("/api/v1/selections", "post");
        Assert.That(open["parameters"]!.AsArray().Select(p => (string)p!["name"]!), Does.Contain("Idempotency-Key"));
        Assert.That(open["responses"]!["201"]!["headers"]!.AsObject().Select(h => h.Key), Is.SupersetOf(new[] { "Location", "Idempotent-Replayed" }));
        Assert.That((JsonObject)open["requestBody"]!["content"]!["application/json"]!["example"]!, Has.Count.GreaterThan(2), "an example body");

        var standard = Operation("/api/v1/positions/{id}/competency-standard", "put");
        Assert.That(standard["parameters"]!.AsArray().Select(p => (string)p!["name"]!), Does.Contain("If-Match"));
        Assert.That(standard["responses"]!.AsObject().Select(r => r.Key), Does.Contain("412").And.Contain("428"));
        Assert.That(standard["responses"]!["200"]!["headers"]!["ETag"], Is.Not.Null);

        var run = Operation("/api/v1/selections/{id}/scoring-runs/{runId}", "get");
        Assert.That(run["parameters"]!.AsArray().Select(p => (string)p!["name"]!), Does.Contain("If-None-Match"));
        Assert.That(run["responses"]!["304"], Is.Not.Null);
        Assert.That(run["responses"]!["200"]!["headers"]!["ETag"], Is.Not.Null);

        foreach (var (path, method, operation) in Operations().Where(o => o.Method is "post" && o.Operation["requestBody"] is not null))
            Assert.That(operation["requestBody"]!["content"]!["application/json"]!["example"], Is.Not.Null, $"{method} {path} has an example");
    }

    [Test]
    public async Task Spectral_finds_no_error_in_the_document()
    {
        var (code, output) = await RunAsync(Tool("spectral"), "lint", _file, "--ruleset", Path.Combine(Tools, ".spectral.yaml"), "-f", "json", "--quiet");
        await TestContext.Out.WriteLineAsync($"spectral exit {code}: {output}");
        var results = JsonNode.Parse(output.Length == 0 ? "[]" : output)!.AsArray();
        var errors = results.Where(r => (int)r!["severity"]! == 0).Select(r => $"{r!["code"]} {r["message"]} at {string.Join('.', r["path"]!.AsArray())}").ToList();
        Assert.That(errors, Is.Empty);
        Assert.That(code, Is.Zero);
    }

    [Test]
    public async Task Typescript_types_generated_from_it_compile_against_what_clients_use()
    {
        var dir = Directory.CreateTempSubdirectory("meritapi-ts-");
        var (generated, output) = await RunAsync(Tool("openapi-typescript"), _file, "-o", Path.Combine(dir.FullName, "meritapi.d.ts"));
        Assert.That(generated, Is.Zero, output);
        File.Copy(Path.Combine(Tools, "client-check.ts"), Path.Combine(dir.FullName, "client-check.ts"));
        var (compiled, errors) = await RunAsync(Tool("tsc"), "--strict", "--noEmit", "--target", "es2022", "--module", "es2022",
            "--moduleResolution", "bundler", Path.Combine(dir.FullName, "client-check.ts"));
        Assert.That(compiled, Is.Zero, errors);
    }

    private static string Tool(string name)
    {
        var path = Path.Combine(Tools, "node_modules", ".bin", name);
        if (!File.Exists(path))
            Assert.Fail($"{path} is missing: ./build/test.sh installs the OpenAPI checks (npm ci in build/openapi).");
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string executable, params string[] arguments)
    {
        var outcome = await ExternalProcess.RunAsync(executable, arguments, TimeSpan.FromMinutes(2), $"{executable} could not be started.");
        return (outcome.ExitCode, outcome.Output + outcome.Errors);
    }
}
