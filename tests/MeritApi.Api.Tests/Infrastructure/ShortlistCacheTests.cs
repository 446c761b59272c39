using System.Net;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Infrastructure;

/// <summary>
/// The output cache of shortlist pages: a repeated page is served stored (the Age header says so) with its ETag and a
/// 304 for If-None-Match; a new scoring run and the identity reveal replace what is stored; every representation and
/// query is its own entry; the committee scope, the role and a bad query are checked on a stored page as on a fresh one;
/// and with the cache turned off nothing is stored.
/// </summary>
public sealed class ShortlistCacheTests
{
    private HttpClient _hr = null!;
    private HttpClient _committee = null!;
    private Guid _selection;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        var position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
        _selection = await _hr.OpenSelectionAsync(position);
        await _hr.EnrolAsync(_selection, await _hr.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3)], "VeryGood", "Good"),
            await _hr.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 2)], "Good", "Good"));
        await _hr.ScoreAsync(_selection);
        _committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [_selection]));
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _hr.Dispose();
        _committee.Dispose();
    }

    private string Shortlist => $"/api/v1/selections/{_selection}/shortlist";

    private static bool Stored(HttpResponseMessage response) => response.Headers.Age is not null;

    [Test]
    public async Task A_repeated_page_is_served_stored_with_the_same_bytes_and_etag_a_fresh_request_id_and_304_for_its_etag()
    {
        var url = Shortlist + "?pageSize=1";
        using var first = await _committee.GetConditionalAsync(url);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var again = await _committee.GetConditionalAsync(url);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Stored(again), Is.True, "the second request is answered from the output cache");
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(again.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(again.Headers.GetValues("X-Request-Id").Single(), Is.Not.EqualTo(first.Headers.GetValues("X-Request-Id").Single()),
            "each answer carries its own request id, not the stored one");

        using var notModified = await _committee.GetConditionalAsync(url, first.Headers.ETag!.ToString());
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(notModified.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(await notModified.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task Each_representation_and_query_is_stored_apart()
    {
        using var json = await _committee.GetConditionalAsync(Shortlist + "?top=1");
        using var csv = await _committee.GetConditionalAsync(Shortlist + "?top=1", accept: "text/csv");
        using var html = await _committee.GetConditionalAsync(Shortlist + "?top=1&format=html");
        using var csvAgain = await _committee.GetConditionalAsync(Shortlist + "?top=1", accept: "text/csv");
        using var all = await _committee.GetConditionalAsync(Shortlist + "?top=1&includeIneligible=true");
        Assert.That(json.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(html.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(csvAgain.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(Stored(csvAgain), Is.True);
        Assert.That(await csvAgain.Content.ReadAsStringAsync(), Is.EqualTo(await csv.Content.ReadAsStringAsync()));
        Assert.That(new[] { json, csv, html, all }.Select(r => r.Headers.ETag!.Tag), Is.Unique);
        Assert.That(Stored(all), Is.False, "another query is computed, not served from the first's entry");
    }

    [Test]
    public async Task A_new_scoring_run_and_the_identity_reveal_replace_the_stored_pages()
    {
        var position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var selection = await _hr.OpenSelectionAsync(position);
        await _hr.EnrolAsync(selection, await _hr.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3)], "Good", "Good"));
        var firstRun = await _hr.ScoreAsync(selection);
        using var committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [selection]));
        var url = $"/api/v1/selections/{selection}/shortlist";

        using (var stored = await committee.GetConditionalAsync(url))
        {
            await committee.GetConditionalAsync(url);
            Assert.That((await stored.ReadJsonAsync())["scoringRunId"]!.GetValue<Guid>(), Is.EqualTo(firstRun));
        }
        var secondRun = await _hr.ScoreAsync(selection);
        using (var afterRun = await committee.GetConditionalAsync(url))
        {
            Assert.That(Stored(afterRun), Is.False);
            Assert.That((await afterRun.ReadJsonAsync())["scoringRunId"]!.GetValue<Guid>(), Is.EqualTo(secondRun), "latest means the new run");
        }
        using (var storedAgain = await committee.GetConditionalAsync(url))
            Assert.That(Stored(storedAgain), Is.True);

        await committee.PostAsync($"/api/v1/selections/{selection}/identity-reveal", null).ExpectAsync(HttpStatusCode.OK);
        using var revealed = await committee.GetConditionalAsync(url);
        var page = await revealed.ReadJsonAsync();
        Assert.That(page["identitiesRevealed"]!.GetValue<bool>(), Is.True);
        Assert.That((string?)page["candidates"]!["items"]![0]!["name"], Is.Not.Null.And.Not.Empty);
        // A page of an earlier run named explicitly is reread with the reveal too.
        using var earlier = await committee.GetConditionalAsync($"{url}?runId={firstRun}");
        Assert.That((await earlier.ReadJsonAsync())["identitiesRevealed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task A_stored_page_is_refused_to_another_committee_a_role_without_results_and_no_token()
    {
        var url = Shortlist + "?page=1";
        await _committee.GetConditionalAsync(url);
        using (var stored = await _committee.GetConditionalAsync(url))
            Assert.That(Stored(stored), Is.True);

        using var otherCommittee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [Guid.NewGuid()]));
        using var scoped = await otherCommittee.GetConditionalAsync(url);
        Assert.That(scoped.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)(await scoped.ReadJsonAsync())["type"], Is.EqualTo(ProblemTypes.Forbidden));

        using var placementOnly = ApiClient.CreateWithToken(TestTokens.Mint([Roles.TalentCommittee]));
        using var role = await placementOnly.GetConditionalAsync(url);
        Assert.That(role.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        using var anonymous = ApiClient.CreateWithToken(null);
        using var unauthenticated = await anonymous.GetConditionalAsync(url);
        Assert.That(unauthenticated.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_bad_query_is_a_problem_every_time_and_never_stored()
    {
        for (var i = 0; i < 2; i++)
        {
            var problem = await _committee.GetConditionalAsync(Shortlist + "?top=0")
                .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
            Assert.That(problem.ErrorFields(), Does.Contain("top"));
        }
    }

    [Test]
    public async Task Turned_off_nothing_is_stored()
    {
        await using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(b => b.UseSetting(ShortlistCache.EnabledSetting, "false"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            TestTokens.Mint([Roles.Committee], [_selection]));
        using var first = await client.GetConditionalAsync(Shortlist);
        using var again = await client.GetConditionalAsync(Shortlist);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Stored(again), Is.False);
        using var notModified = await client.GetConditionalAsync(Shortlist, first.Headers.ETag!.ToString());
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "the endpoint answers If-None-Match itself");
    }
}
