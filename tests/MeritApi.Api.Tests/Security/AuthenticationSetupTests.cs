using System.Net;
using System.Net.Http.Headers;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using Microsoft.AspNetCore.Hosting;

namespace MeritApi.Api.Tests.Security;

/// <summary>
/// DESIGN §7 on tokens, beyond a valid signature: refusals say nothing about why; claims longer than the audit trail keeps
/// are a 401, never a 500; a token's unrecognised roles are not stored; the development key does not start a production
/// host. (Pinned algorithms, the required subject and the capped lifetime are rows of the role matrix's invalid tokens.)
/// </summary>
public sealed class AuthenticationSetupTests
{
    [Test]
    public async Task A_refused_token_gets_a_bare_bearer_challenge_and_a_problem_without_the_reason()
    {
        foreach (var token in new[]
                 {
                     TestTokens.Mint(Roles.All, expires: DateTime.UtcNow.AddMinutes(-10)),
                     TestTokens.Mint(Roles.All, key: MatrixTokens.OtherSigningKey),
                     TestTokens.Mint(Roles.All, withSubject: false),
                 })
        {
            using var client = ApiClient.CreateWithToken(token);
            using var response = await client.GetAsync("/api/v1/competencies");
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), body);
            Assert.That(response.Headers.WwwAuthenticate.Select(h => h.ToString()), Is.EqualTo(new[] { "Bearer" }),
                "no error or error_description in the challenge");
            Assert.That(body, Does.Contain(ProblemTypes.Unauthorized).And.Not.Contain("expired").And.Not.Contain("signature")
                .And.Not.Contain("IDX"));
        }
    }

    /// <summary>Registers an employee and returns the request id its audit entry carries.</summary>
    private static async Task<string> RegisterEmployeeAsync(HttpClient client)
    {
        var requestId = $"token-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employees")
        {
            Content = new StringContent(ApiClient.Json(new { nip = ApiClient.NewNip(), name = "Pegawai Uji", grade = "III/a", unit = "Biro Uji" }),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(HttpRequestContext.RequestIdHeader, requestId);
        await (await client.SendAsync(request)).ExpectAsync(HttpStatusCode.Created);
        return requestId;
    }

    [Test]
    public async Task A_subject_of_200_characters_is_accepted_and_kept_whole_in_the_audit_trail()
    {
        var subject = $"hr-{Guid.NewGuid():N}".PadRight(200, 'x');
        using var client = ApiClient.CreateWithToken(TestTokens.Mint([Roles.HrSystem], subject: subject));
        var requestId = await RegisterEmployeeAsync(client);
        Assert.That(await ApiTestEnvironment.Database.ScalarAsync<string>($"SELECT actor FROM audit_entries WHERE request_id = '{requestId}'"),
            Is.EqualTo(subject));
    }

    [Test]
    public async Task A_token_with_sixty_roles_is_no_500_and_only_the_recognised_roles_are_recorded()
    {
        string[] roles = [Roles.HrSystem, .. Enumerable.Range(0, 60).Select(i => $"unknown-role-{i:D2}")];
        using var client = ApiClient.CreateWithToken(TestTokens.Mint(roles, subject: $"many-roles-{Guid.NewGuid():N}"));
        var requestId = await RegisterEmployeeAsync(client);
        Assert.That(await ApiTestEnvironment.Database.ScalarAsync<string>($"SELECT role FROM audit_entries WHERE request_id = '{requestId}'"),
            Is.EqualTo(Roles.HrSystem));
    }

    [Test]
    public void Outside_Development_the_development_signing_key_does_not_start_the_api()
    {
        foreach (var environment in new[] { "Production", "Staging", "Testing" })
        {
            using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment(environment);
                builder.UseSetting("Auth:SigningKey", AuthenticationSetup.DevelopmentSigningKey);
            });
            Assert.That(StartupFailure.Of(factory), Does.StartWith("MeritApi cannot start: ").And.Contain("development key"), environment);
        }
    }

    [Test]
    public async Task In_Development_the_development_key_is_accepted()
    {
        await using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Auth:SigningKey", AuthenticationSetup.DevelopmentSigningKey);
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Mint([Roles.HrSystem], key: AuthenticationSetup.DevelopmentSigningKey));
        await client.GetAsync("/api/v1/competencies").ExpectAsync(HttpStatusCode.OK);
    }
}
