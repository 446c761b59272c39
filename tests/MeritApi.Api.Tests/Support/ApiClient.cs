using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests;

/// <summary>
/// Test helpers that speak the API's JSON, plus builders that create uniquely-coded test data through
/// the API itself (never behind its back).
/// </summary>
public static class ApiClient
{
    private static int _nipCounter = Random.Shared.Next(100_000, 900_000);

    /// <summary>
    /// A client whose token carries every role: tests of behaviour (not of access rules) use it, so that each
    /// can drive the whole flow. The role matrix tests use single-role tokens.
    /// </summary>
    public static HttpClient Create() => CreateWithToken(TestTokens.Mint(Roles.All));

    public static HttpClient CreateWithToken(string? token)
    {
        var client = ApiTestEnvironment.Factory.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A fresh 18-digit NIP for test data.</summary>
    public static string NewNip() => $"198{Interlocked.Increment(ref _nipCounter):D6}202001{Random.Shared.Next(100, 999)}";

    public static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    /// <summary>Sends, asserts the expected status (showing the body when it differs) and returns the JSON.</summary>
    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>The same, for a response already received (e.g. when its headers are checked too).</summary>
    public static Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status) =>
        Task.FromResult(response).ExpectAsync(status);

    /// <summary>Asserts an RFC 9457 problem response of the given status and type and returns it.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(this Task<HttpResponseMessage> request, HttpStatusCode status, string type)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonNode.Parse(body)!;
        Assert.That((string?)problem["type"], Is.EqualTo(type), body);
        Assert.That((int?)problem["status"], Is.EqualTo((int)status), body);
        return problem;
    }

    /// <summary>The same, for a response already received (e.g. one of several sent at once).</summary>
    public static Task<JsonNode> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type) =>
        Task.FromResult(response).ExpectProblemAsync(status, type);

    public static IReadOnlyList<string> ErrorFields(this JsonNode problem) =>
        problem["errors"]?.AsObject().Select(p => p.Key).ToList() ?? [];

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    // ---- builders ------------------------------------------------------------------------------

    public static async Task<Guid> CreatePositionAsync(this HttpClient client, (string Code, int Level)[] standard,
        string? minimumGrade = null, string kind = "Structural")
    {
        var body = await client.PostAsJsonAsync("/api/v1/positions", new
        {
            code = UniqueCode("POS"),
            title = "Kepala Bagian Uji",
            kind,
            minimumGrade,
            standard = standard.Select(s => new { competencyCode = s.Code, requiredLevel = s.Level }),
        }).ExpectAsync(HttpStatusCode.Created);
        return (Guid)body["id"]!;
    }

    public static async Task<Guid> CreateEmployeeAsync(this HttpClient client, string grade = "III/d", string? nip = null)
    {
        var body = await client.PostAsJsonAsync("/api/v1/employees", new
        {
            nip = nip ?? NewNip(),
            name = "Pegawai Uji",
            grade,
            unit = "Biro Uji",
        }).ExpectAsync(HttpStatusCode.Created);
        return (Guid)body["id"]!;
    }

    public static async Task AssessAsync(this HttpClient client, Guid employeeId, string code, int level, string assessedOn = "2025-06-01") =>
        await client.PostAsJsonAsync($"/api/v1/employees/{employeeId}/competency-assessments", new
        {
            competencyCode = code,
            level,
            assessedOn,
            assessor = "Pusat Penilaian Kompetensi ASN",
        }).ExpectAsync(HttpStatusCode.Created);

    public static async Task RateAsync(this HttpClient client, Guid employeeId, int year, string rating) =>
        await client.PutAsJsonAsync($"/api/v1/employees/{employeeId}/performance-ratings/{year}", new { rating })
            .ExpectAsync(HttpStatusCode.OK);

    public static async Task<Guid> OpenSelectionAsync(this HttpClient client, Guid positionId, int places = 1, int latestYear = 2025)
    {
        var body = await client.PostAsJsonAsync("/api/v1/selections", new
        {
            positionId,
            kind = "Promotion",
            places,
            latestPerformanceYear = latestYear,
        }).ExpectAsync(HttpStatusCode.Created);
        return (Guid)body["id"]!;
    }

    /// <summary>Enrols the employees and returns their candidate ids, in the same order.</summary>
    public static async Task<List<Guid>> EnrolAsync(this HttpClient client, Guid selectionId, params Guid[] employeeIds)
    {
        var body = await client.PostAsJsonAsync($"/api/v1/selections/{selectionId}/candidates", new { employeeIds })
            .ExpectAsync(HttpStatusCode.OK);
        return [.. body.AsArray().Select(c => (Guid)c!["id"]!)];
    }

    public static Task<JsonNode> RunScoringAsync(this HttpClient client, Guid selectionId) =>
        client.PostAsync($"/api/v1/selections/{selectionId}/scoring-runs", null).ExpectAsync(HttpStatusCode.Created);

    // ---- helpers for rationales, decisions and the audit trail ---------------------------------

    /// <summary>A GET with an optional If-None-Match (sent as given, so malformed lists can be tried) and Accept.</summary>
    public static async Task<HttpResponseMessage> GetConditionalAsync(this HttpClient client, string url, string? ifNoneMatch = null,
        string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    public static Task<JsonNode> GetJsonAsync(this HttpClient client, string url) =>
        client.GetAsync(url).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Lower-case SHA-256 hex of exactly these bytes, as the audit trail records a request body.</summary>
    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>Sends exactly these JSON bytes (no re-serialisation), optionally with an X-Request-Id.</summary>
    public static Task<HttpResponseMessage> SendRawJsonAsync(this HttpClient client, HttpMethod method, string url, byte[] body,
        string? requestId = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (requestId is not null)
            request.Headers.Add("X-Request-Id", requestId);
        return client.SendAsync(request);
    }

    /// <summary>
    /// Registers an employee with the given evidence: levels per competency (null = never assessed) and the
    /// SKP ratings of 2025 and 2024 (null = none recorded).
    /// </summary>
    public static async Task<Guid> CreateEmployeeWithEvidenceAsync(this HttpClient client, (string Code, int? Level)[] levels,
        string? rating2025, string? rating2024, string grade = "III/d")
    {
        var id = await client.CreateEmployeeAsync(grade);
        foreach (var (code, level) in levels)
            if (level is { } l)
                await client.AssessAsync(id, code, l);
        if (rating2025 is not null)
            await client.RateAsync(id, 2025, rating2025);
        if (rating2024 is not null)
            await client.RateAsync(id, 2024, rating2024);
        return id;
    }

    public static async Task<string> RegisterTechnicalCompetencyAsync(this HttpClient client, string prefix)
    {
        var code = UniqueCode(prefix);
        await client.PostAsJsonAsync("/api/v1/competencies", new { code, name = "Kompetensi Teknis Uji", category = "Technical" })
            .ExpectAsync(HttpStatusCode.Created);
        return code;
    }

    /// <summary>Runs scoring and returns the run id.</summary>
    public static async Task<Guid> ScoreAsync(this HttpClient client, Guid selectionId) =>
        (Guid)(await client.RunScoringAsync(selectionId))["id"]!;
}
