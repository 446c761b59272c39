using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Security;

/// <summary>
/// DESIGN §7 as a matrix generated from the routing table: every /api endpoint names exactly one policy, and every
/// endpoint × token answers 401 (no valid token), 403 (role not in the policy) or something else (role allowed).
/// A new endpoint is covered (and must name a policy) without touching this file.
/// </summary>
public sealed class RoleMatrixTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HttpClient _anonymous = null!;
    private Guid _position;
    private Guid _employee;
    private (Guid Selection, Guid Run, Guid Candidate) _a;
    private (Guid Selection, Guid Run, Guid Candidate) _b;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _anonymous = ApiTestEnvironment.Factory.CreateClient();
        using var client = ApiClient.Create();
        _position = await client.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3)]);
        _employee = await client.CreateEmployeeAsync();
        await client.AssessAsync(_employee, "M-INTEGRITY", 3);
        await client.AssessAsync(_employee, "M-COOPERATION", 4);
        await client.RateAsync(_employee, 2025, "VeryGood");
        await client.RateAsync(_employee, 2024, "Good");
        _a = await ScoredSelectionAsync(client);
        _b = await ScoredSelectionAsync(client);
    }

    private async Task<(Guid, Guid, Guid)> ScoredSelectionAsync(HttpClient client)
    {
        var selection = await client.OpenSelectionAsync(_position);
        var candidate = (await client.EnrolAsync(selection, _employee)).Single();
        var run = (Guid)(await client.RunScoringAsync(selection))["id"]!;
        return (selection, run, candidate);
    }

    [OneTimeTearDown]
    public void Dispose() => _anonymous.Dispose();

    private static IReadOnlyList<ApiEndpoint> Endpoints => ApiEndpoints.List(ApiTestEnvironment.Factory.Services);

    /// <summary>Route values: the fixture's real ids (selection A for every selection route), so allowed calls reach the handlers.</summary>
    private string ValueOf(ApiEndpoint endpoint, string name, IReadOnlyList<string> constraints) => name switch
    {
        "id" when endpoint.Route.StartsWith("/api/v1/selections/", StringComparison.Ordinal) => _a.Selection.ToString(),
        "id" when endpoint.Route.StartsWith("/api/v1/positions/", StringComparison.Ordinal) => _position.ToString(),
        "id" when endpoint.Route.StartsWith("/api/v1/employees/", StringComparison.Ordinal) => _employee.ToString(),
        "runId" => _a.Run.ToString(),
        "candidateId" => _a.Candidate.ToString(),
        "year" => "2025",
        "version" => "1",
        _ when constraints.Contains("int") || constraints.Contains("long") => "1",
        _ => Guid.NewGuid().ToString(),
    };

    private async Task<(HttpStatusCode Status, string? ProblemType, HttpResponseHeaders Headers)> SendAsync(ApiEndpoint endpoint, string? token,
        string? url = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url ?? endpoint.Url((n, c) => ValueOf(endpoint, n, c)));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await _anonymous.SendAsync(request);
        return (response.StatusCode, await response.ProblemTypeAsync(), response.Headers);
    }

    [Test]
    public void Every_api_endpoint_names_exactly_one_policy_of_the_role_table()
    {
        var endpoints = Endpoints;
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(25), "the routing table looks incomplete");

        var violations = endpoints.Where(e => e.AllowsAnonymous || e.Policy is not { } policy || !Policies.RolesOf.ContainsKey(policy))
            .Select(e => $"{e}: anonymous={e.AllowsAnonymous}, authorization=[{string.Join("; ",
                e.Authorization.Select(a => $"policy={a.Policy ?? "none"} roles={a.Roles ?? "none"}"))}]")
            .ToList();
        Assert.That(violations, Is.Empty, "every /api endpoint must call RequireAuthorization(<one policy of Policies.RolesOf>)");
        Assert.That(Policies.RolesOf.Values.SelectMany(r => r).Distinct(), Is.EquivalentTo(Roles.All));
    }

    [Test]
    public async Task Every_endpoint_answers_each_role_as_its_policy_says()
    {
        var endpoints = Endpoints;
        var tokens = Roles.All.ToDictionary(role => role, role => MatrixTokens.ForRole(role, _run, _a.Selection));
        var failures = new List<string>();
        var table = new StringBuilder($"{"endpoint",-95} {string.Join(' ', Roles.All.Select(r => $"{r,-10}"))}\n");
        foreach (var endpoint in endpoints)
        {
            var allowed = Policies.RolesOf[endpoint.Policy!];
            table.Append($"{endpoint,-95}");
            foreach (var role in Roles.All)
            {
                var (status, type, _) = await SendAsync(endpoint, tokens[role]);
                table.Append($" {(int)status,-10}");
                if (allowed.Contains(role))
                {
                    if (status.IsAuthFailure() || (int)status >= 500)
                        failures.Add($"{endpoint} as {role}: {(int)status}, expected the role to be let through (policy {endpoint.Policy})");
                }
                else if (status != HttpStatusCode.Forbidden || type != ProblemTypes.Forbidden)
                {
                    failures.Add($"{endpoint} as {role}: {(int)status} {type}, expected 403 {ProblemTypes.Forbidden} (policy {endpoint.Policy})");
                }
            }
            table.Append('\n');
        }
        await TestContext.Out.WriteLineAsync(table.ToString());
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task Every_endpoint_refuses_a_missing_or_invalid_token_with_401()
    {
        var endpoints = Endpoints;
        var failures = new List<string>();
        foreach (var (flaw, token) in MatrixTokens.Invalid(_run))
        {
            foreach (var endpoint in endpoints)
            {
                var (status, type, headers) = await SendAsync(endpoint, token);
                if (status != HttpStatusCode.Unauthorized || type != ProblemTypes.Unauthorized)
                    failures.Add($"{endpoint} with {flaw}: {(int)status} {type}, expected 401 {ProblemTypes.Unauthorized}");
                else if (!headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                    failures.Add($"{endpoint} with {flaw}: 401 without a Bearer challenge");
            }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task A_committee_sees_only_the_selections_its_token_names()
    {
        var forA = MatrixTokens.ForRole(Roles.Committee, _run, _a.Selection);
        var forB = MatrixTokens.ForRole(Roles.Committee, _run, _b.Selection);
        var forNone = MatrixTokens.ForRole(Roles.Committee, _run);
        var auditor = MatrixTokens.ForRole(Roles.Auditor, _run);
        var shortlist = Endpoints.Single(e => e is { Method: "GET", Route: "/api/v1/selections/{id}/shortlist" });
        string ShortlistOf(Guid selection) => $"/api/v1/selections/{selection}/shortlist";

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await SendAsync(shortlist, forA, ShortlistOf(_a.Selection))).Status, Is.EqualTo(HttpStatusCode.OK));
            var other = await SendAsync(shortlist, forA, ShortlistOf(_b.Selection));
            Assert.That((other.Status, other.ProblemType), Is.EqualTo((HttpStatusCode.Forbidden, ProblemTypes.Forbidden)));
            Assert.That((await SendAsync(shortlist, forB, ShortlistOf(_b.Selection))).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await SendAsync(shortlist, forB, ShortlistOf(_a.Selection))).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await SendAsync(shortlist, forNone, ShortlistOf(_a.Selection))).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await SendAsync(shortlist, auditor, ShortlistOf(_a.Selection))).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await SendAsync(shortlist, auditor, ShortlistOf(_b.Selection))).Status, Is.EqualTo(HttpStatusCode.OK));
        });

        // Every selection-scoped endpoint the committee may use keeps the same rule: B's version of each is 403 to A's token.
        var failures = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => e.Route.StartsWith("/api/v1/selections/{id}", StringComparison.Ordinal) &&
                                                      Policies.RolesOf[e.Policy!].Contains(Roles.Committee)))
        {
            var urlOfB = endpoint.Url((name, _) => name switch
            {
                "id" => _b.Selection.ToString(),
                "runId" => _b.Run.ToString(),
                "candidateId" => _b.Candidate.ToString(),
                _ => throw new InvalidOperationException($"unexpected route parameter {name} in {endpoint}"),
            });
            var (status, type, _) = await SendAsync(endpoint, forA, urlOfB);
            if (status != HttpStatusCode.Forbidden || type != ProblemTypes.Forbidden)
                failures.Add($"{endpoint} of selection B with a token for A: {(int)status} {type}");
        }
        Assert.That(failures, Is.Empty);
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/swagger/v1/swagger.json")]
    [TestCase("/swagger/index.html")]
    public async Task Health_and_swagger_need_no_token(string url)
    {
        using var response = await _anonymous.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_path_outside_the_routing_table_still_needs_a_token()
    {
        using var response = await _anonymous.GetAsync($"/api/v1/no-such-thing-{_run}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
