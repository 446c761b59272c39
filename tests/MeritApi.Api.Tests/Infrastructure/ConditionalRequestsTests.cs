using System.Net;
using System.Net.Http.Json;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Infrastructure;

/// <summary>
/// HTTP caching and concurrency (RFC 9110 §13): strong ETags on what a scoring run fixes (the run, a result, a rationale,
/// shortlist pages and documents, the nine-box) that change with the identity reveal, 304 for If-None-Match, revalidation
/// instead of no-store there; the row version as ETag of positions and employees, If-Match → 412 on their updates with
/// nothing written, and 428 where the operator requires If-Match.
/// </summary>
public sealed class ConditionalRequestsTests
{
    private HttpClient _hr = null!;
    private HttpClient _committee = null!;
    private Guid _selection, _run, _candidate;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        var position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
        _selection = await _hr.OpenSelectionAsync(position);
        var a = await _hr.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3)], "VeryGood", "Good");
        var b = await _hr.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2)], "Good", "Good");
        _candidate = (await _hr.EnrolAsync(_selection, a, b))[0];
        _run = await _hr.ScoreAsync(_selection);
        _committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [_selection]));
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _hr.Dispose();
        _committee.Dispose();
    }

    private static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new AssertionException($"no ETag on {response.RequestMessage?.RequestUri}");

    private string Run => $"/api/v1/selections/{_selection}/scoring-runs/{_run}";

    [Test]
    public async Task A_scoring_run_has_a_strong_etag_and_if_none_match_with_it_is_a_304_without_a_body()
    {
        using var first = await _committee.GetConditionalAsync(Run);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.ETag!.IsWeak, Is.False);
        Assert.That(first.Headers.CacheControl, Has.Property("Private").True.And.Property("NoCache").True.And.Property("NoStore").False);

        using var again = await _committee.GetConditionalAsync(Run, ETagOf(first));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(ETagOf(again), Is.EqualTo(ETagOf(first)));
        Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.Empty);

        using var other = await _committee.GetConditionalAsync(Run, "\"something-else\", W/\"also-not\"");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var any = await _committee.GetConditionalAsync(Run, "*");
        Assert.That(any.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task Each_representation_and_page_has_its_own_etag_and_the_reveal_changes_the_shortlists()
    {
        var shortlist = $"/api/v1/selections/{_selection}/shortlist";
        var urls = new[] { shortlist, shortlist + "?pageSize=1", shortlist + "?pageSize=1&page=2", shortlist + "?format=csv", shortlist + "?format=html",
            $"{Run}/results/{_candidate}", $"{Run}/results/{_candidate}/rationale", $"{Run}/talent-grid" };
        var before = new List<string>();
        foreach (var url in urls)
        {
            using var response = await _committee.GetConditionalAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            before.Add(ETagOf(response));
        }
        using var markdown = await _committee.GetConditionalAsync($"{Run}/results/{_candidate}/rationale", accept: "text/markdown");
        before.Add(ETagOf(markdown));
        Assert.That(before, Is.Unique);

        // A client holding the blind shortlist is told it changed once the committee reveals names.
        var reviewer = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [_selection]));
        var position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var selection = await _hr.OpenSelectionAsync(position);
        await _hr.EnrolAsync(selection, await _hr.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3)], "Good", "Good"));
        await _hr.ScoreAsync(selection);
        using var revealer = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [selection]));
        using var blind = await revealer.GetConditionalAsync($"/api/v1/selections/{selection}/shortlist");
        await revealer.PostAsync($"/api/v1/selections/{selection}/identity-reveal", null).ExpectAsync(HttpStatusCode.OK);
        using var revealed = await revealer.GetConditionalAsync($"/api/v1/selections/{selection}/shortlist", ETagOf(blind));
        Assert.That(revealed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the blind copy is stale after the reveal");
        Assert.That(ETagOf(revealed), Is.Not.EqualTo(ETagOf(blind)));
        Assert.That((await revealed.ReadJsonAsync())["identitiesRevealed"]!.GetValue<bool>(), Is.True);
        reviewer.Dispose();
    }

    [Test]
    public async Task The_decision_file_has_a_weak_etag_that_revalidates()
    {
        using var auditor = ApiClient.CreateWithToken(TestTokens.Mint(Roles.Auditor));
        var url = $"/api/v1/selections/{_selection}/decision-file";
        using var first = await auditor.GetConditionalAsync(url);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.ETag!.IsWeak, Is.True, "the file says when it was generated: equivalent, not byte-identical");
        using var again = await auditor.GetConditionalAsync(url, ETagOf(first));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task Errors_and_other_answers_stay_no_store()
    {
        using var missing = await _committee.GetConditionalAsync($"/api/v1/selections/{_selection}/scoring-runs/{Guid.NewGuid()}");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(missing.Headers.ETag, Is.Null);
        using var list = await _hr.GetConditionalAsync("/api/v1/selections");
        Assert.That(list.Headers.CacheControl?.NoStore, Is.True);
    }

    private static async Task<HttpResponseMessage> PutStandardAsync(HttpClient client, Guid position, int level, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/positions/{position}/competency-standard")
        {
            Content = JsonContent.Create(new { requirements = new[] { new { competencyCode = "M-INTEGRITY", requiredLevel = level } } }),
        };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    [Test]
    public async Task A_standard_is_replaced_only_at_the_version_the_client_read_else_412_and_nothing_changes()
    {
        var position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
        using var read = await _hr.GetConditionalAsync($"/api/v1/positions/{position}");
        var version = ETagOf(read);
        Assert.That(version, Does.Match("^\"[0-9]+\"$"));

        using var first = await PutStandardAsync(_hr, position, 4, version);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var newVersion = ETagOf(first);
        Assert.That(newVersion, Is.Not.EqualTo(version), "the update moved the version on");

        using var stale = await PutStandardAsync(_hr, position, 5, version);
        var problem = await stale.ExpectAsync(HttpStatusCode.PreconditionFailed);
        Assert.That((string)problem["type"]!, Is.EqualTo(ProblemTypes.PreconditionFailed));
        Assert.That((string)problem["detail"]!, Does.Contain(newVersion));
        using var weak = await PutStandardAsync(_hr, position, 5, "W/" + newVersion);
        Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), "If-Match compares strongly");
        using var garbage = await PutStandardAsync(_hr, position, 5, "not-an-etag");
        Assert.That(garbage.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));

        var now = await _hr.GetJsonAsync($"/api/v1/positions/{position}");
        Assert.That((int)now["standard"]![0]!["requiredLevel"]!, Is.EqualTo(4), "the refused updates wrote nothing");

        using var listed = await PutStandardAsync(_hr, position, 5, $"\"1\", {newVersion}");
        Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "any of the listed versions");
        using var anyVersion = await PutStandardAsync(_hr, position, 3, "*");
        Assert.That(anyVersion.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var noPrecondition = await PutStandardAsync(_hr, position, 2, null);
        Assert.That(noPrecondition.StatusCode, Is.EqualTo(HttpStatusCode.OK), "If-Match is optional unless the operator requires it");
        using var missing = await PutStandardAsync(_hr, Guid.NewGuid(), 2, "\"1\"");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_employees_etag_follows_every_change_of_the_evidence_and_guards_a_rating_correction()
    {
        var employee = await _hr.CreateEmployeeAsync();
        using var read = await _hr.GetConditionalAsync($"/api/v1/employees/{employee}");
        var version = ETagOf(read);
        using var unchanged = await _hr.GetConditionalAsync($"/api/v1/employees/{employee}", version);
        Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        await _hr.AssessAsync(employee, "M-INTEGRITY", 3);
        using var assessed = await _hr.GetConditionalAsync($"/api/v1/employees/{employee}", version);
        Assert.That(assessed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a new assessment is a new version");

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/employees/{employee}/performance-ratings/2025")
        {
            Content = JsonContent.Create(new { rating = "VeryGood" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", version);
        using var refused = await _hr.SendAsync(stale);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        var details = await _hr.GetJsonAsync($"/api/v1/employees/{employee}");
        Assert.That(details["performanceRatings"]!.AsArray(), Is.Empty, "nothing recorded");

        using var current = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/employees/{employee}/performance-ratings/2025")
        {
            Content = JsonContent.Create(new { rating = "VeryGood" }),
        };
        current.Headers.TryAddWithoutValidation("If-Match", ETagOf(assessed));
        using var recorded = await _hr.SendAsync(current);
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ETagOf(recorded), Is.Not.EqualTo(ETagOf(assessed)));
    }

    [Test]
    public async Task Where_the_operator_requires_if_match_an_update_without_it_is_a_428()
    {
        await using var host = await OwnApiHost.StartAsync("ifmatch", (IfMatchHeader.RequireSetting, "true"));
        var position = await host.Client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        using var without = await PutStandardAsync(host.Client, position, 4, null);
        var problem = await without.ExpectAsync((HttpStatusCode)428);
        Assert.That((string)problem["type"]!, Is.EqualTo(ProblemTypes.PreconditionRequired));
        using var read = await host.Client.GetConditionalAsync($"/api/v1/positions/{position}");
        using var with = await PutStandardAsync(host.Client, position, 4, ETagOf(read));
        Assert.That(with.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
