using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.OpenApi;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Security;

/// <summary>DESIGN §7: response headers, request size limits, rate limits, and the bearer scheme in the Swagger document.</summary>
public sealed class ProtectionTests
{
    private const long MiB = 1024 * 1024;

    /// <summary>A response header wherever HttpClient filed it (it files some "Content-…" names with the content headers).</summary>
    private static List<string> Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? [.. values] : [];

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var seen = $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered with headers:\n" +
                   $"{response.Headers}{response.Content.Headers}";
        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), seen);
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), seen);
            Assert.That(Header(response, "Content-Security-Policy"), Has.One.Contains("default-src 'none'").And.One.Contains("frame-ancestors 'none'"),
                seen);
            Assert.That(Header(response, "Cache-Control"), Is.EqualTo(new[] { "no-store" }), seen);
        });
    }

    [Test]
    public async Task A_successful_api_response_carries_the_security_headers()
    {
        using var client = ApiClient.Create();
        using var ok = await client.GetAsync("/api/v1/competencies");
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSecurityHeaders(ok);
    }

    /// <summary>Every kind of refusal, whichever part of the pipeline writes it, carries the same headers as a success.</summary>
    [TestCase("401 no token")]
    [TestCase("403 wrong role")]
    [TestCase("404 unknown id")]
    [TestCase("400 invalid field")]
    [TestCase("400 malformed JSON")]
    [TestCase("409 duplicate NIP")]
    [TestCase("413 too large")]
    [TestCase("422 idempotency key reused")]
    public async Task An_error_response_carries_the_security_headers_too(string kind)
    {
        using var all = ApiClient.Create();
        using var anonymous = ApiClient.CreateWithToken(null);
        using var auditor = ApiClient.CreateWithToken(TestTokens.Mint(Roles.Auditor));
        var nip = ApiClient.NewNip();
        string Employee(string grade) => ApiClient.Json(new { nip, name = "Pegawai", grade, unit = "Biro Uji" });
        HttpRequestMessage Keyed(string json)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employees")
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(IdempotencyHeader.Header, $"headers-{nip}");
            return request;
        }

        HttpResponseMessage response;
        switch (kind)
        {
            case "401 no token":
                response = await anonymous.GetAsync("/api/v1/competencies");
                break;
            case "403 wrong role":
                response = await auditor.PostJsonAsync("/api/v1/employees", Employee("III/a"));
                break;
            case "404 unknown id":
                response = await all.GetAsync($"/api/v1/positions/{Guid.NewGuid()}");
                break;
            case "400 invalid field":
                response = await all.PostJsonAsync("/api/v1/employees", Employee("IX/z"));
                break;
            case "400 malformed JSON":
                response = await all.PostJsonAsync("/api/v1/employees", "{\"nip\":");
                break;
            case "409 duplicate NIP":
                await all.PostJsonAsync("/api/v1/employees", Employee("III/a")).ExpectAsync(HttpStatusCode.Created);
                response = await all.PostJsonAsync("/api/v1/employees", Employee("III/a"));
                break;
            case "413 too large":
                response = await all.PostAsync("/api/v1/employees", new GeneratedContent(5 * MiB));
                break;
            default:
                using (var first = Keyed(Employee("III/a")))
                    await all.SendAsync(first).ExpectAsync(HttpStatusCode.Created);
                using (var second = Keyed(Employee("III/b")))
                    response = await all.SendAsync(second);
                break;
        }
        using (response)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(int.Parse(kind[..3], CultureInfo.InvariantCulture)), await response.Content.ReadAsStringAsync());
            AssertSecurityHeaders(response);
        }
    }

    [TestCase(true)]  // with Content-Length: refused before reading
    [TestCase(false)] // chunked: refused once 4 MiB have been read
    public async Task Five_MiB_to_a_normal_write_is_413(bool announceLength)
    {
        using var client = ApiClient.Create();
        var problem = await client.PostAsync("/api/v1/employees", new GeneratedContent(5 * MiB, announceLength))
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        Assert.That((string?)problem["detail"], Does.Contain("4096 KiB"));
    }

    [Test]
    public async Task A_body_just_under_the_limit_is_read_and_judged_on_its_content()
    {
        using var client = ApiClient.Create();
        // {"employees":[]} padded to 4 MiB is read in full: the employee endpoint then names what is wrong with it.
        using var response = await client.PostAsync("/api/v1/employees", new GeneratedContent(4 * MiB));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_import_takes_more_than_4_MiB_but_not_more_than_64_MiB()
    {
        using var client = ApiClient.Create();
        var five = await client.PostAsync("/api/v1/employees/import", new GeneratedContent(5 * MiB))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(five.ErrorFields(), Is.EqualTo(new[] { "employees" }), "5 MiB was read and validated, not refused for its size");

        await client.PostAsync("/api/v1/employees/import", new GeneratedContent(65 * MiB))
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        await client.PostAsync("/api/v1/employees/import", new GeneratedContent(65 * MiB, announceLength: false))
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Test]
    public async Task Past_a_low_rate_limit_a_client_gets_429_with_retry_after_while_others_and_health_checks_do_not()
    {
        await using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(b => b.UseSetting("RateLimit:PermitsPerMinute", "5"));
        var run = Guid.NewGuid().ToString("N")[..8];
        HttpClient Client(string? token)
        {
            var client = factory.CreateClient();
            if (token is not null)
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }
        using var busy = Client(TestTokens.Mint([Roles.HrSystem], subject: $"busy-{run}"));
        using var quiet = Client(TestTokens.Mint([Roles.HrSystem], subject: $"quiet-{run}"));
        using var probe = Client(null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await busy.GetAsync("/api/v1/competencies?pageSize=1");
            statuses.Add(response.StatusCode);
        }
        Assert.That(statuses, Has.All.EqualTo(HttpStatusCode.OK));

        using (var limited = await busy.GetAsync("/api/v1/positions"))
        {
            var body = await limited.Content.ReadAsStringAsync();
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), body);
            Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)JsonNode.Parse(body)!["type"], Is.EqualTo(ProblemTypes.TooManyRequests));
            var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            Assert.That(retryAfter, Is.InRange(1, 60));
            AssertSecurityHeaders(limited);
        }
        // A write is counted too, and refused before it is read.
        using (var write = await busy.PostAsync("/api/v1/employees", new GeneratedContent(100)))
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        using (var other = await quiet.GetAsync("/api/v1/competencies?pageSize=1"))
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the limit is per client");

        var health = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var live = await probe.GetAsync("/health/live");
            using var ready = await probe.GetAsync("/health/ready");
            health.Add(live.StatusCode);
            health.Add(ready.StatusCode);
        }
        Assert.That(health, Has.All.EqualTo(HttpStatusCode.OK), "health probes are never rate-limited");
    }

    [Test]
    public async Task The_swagger_document_declares_the_bearer_scheme_and_every_api_operation_requires_it()
    {
        using var anonymous = ApiClient.CreateWithToken(null);
        var document = await anonymous.GetAsync("/swagger/v1/swagger.json").ExpectAsync(HttpStatusCode.OK);

        var scheme = document["components"]?["securitySchemes"]?[SwaggerSetup.BearerScheme];
        Assert.That(scheme, Is.Not.Null, "no bearer security scheme in components.securitySchemes");
        Assert.That(((string?)scheme!["type"], (string?)scheme["scheme"], (string?)scheme["bearerFormat"]), Is.EqualTo(("http", "bearer", "JWT")));

        var failures = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var requirements = operation!["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList() ?? [];
                var responses = operation["responses"]?.AsObject().Select(r => r.Key).ToList() ?? [];
                if (!requirements.Contains(SwaggerSetup.BearerScheme))
                    failures.Add($"{method.ToUpperInvariant()} {path}: no bearer security requirement");
                if (!responses.Contains("401") || !responses.Contains("403") || !responses.Contains("429"))
                    failures.Add($"{method.ToUpperInvariant()} {path}: 401/403/429 not documented ({string.Join(", ", responses)})");
                if ((string?)operation["description"] is not { } description || !description.Contains("Roles: ", StringComparison.Ordinal))
                    failures.Add($"{method.ToUpperInvariant()} {path}: its roles are not named");
            }
        }
        Assert.That(failures, Is.Empty);
    }
}
