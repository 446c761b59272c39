using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Infrastructure;

/// <summary>
/// DESIGN §6: an Idempotency-Key makes any command safe to retry. Checked against the database itself (row counts), with
/// concurrent retries, a reused key with another body, and the same key from another client.
/// </summary>
public sealed class IdempotencyHeaderTests
{
    private const int Parallel = 10;
    private Guid _position;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        using var client = ApiClient.Create();
        _position = await client.CreatePositionAsync([("M-INTEGRITY", 3)]);
    }

    private static string NewKey() => $"idem-{Guid.NewGuid()}";

    /// <summary>An HR-system client of its own, so that its idempotency keys (and rate limit) are its own.</summary>
    private static HttpClient HrClient(string subject) => ApiClient.CreateWithToken(TestTokens.Mint([Roles.HrSystem], subject: subject));

    private sealed record Answer(HttpStatusCode Status, string Body, bool Replayed, string? Location, string? ContentType);

    private static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string url, string? json, string key)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IdempotencyHeader.Header, key);
        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues(IdempotencyHeader.ReplayedHeader, out var replayed) && replayed.Single() == "true",
            response.Headers.Location?.ToString(), response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<Answer[]> SendConcurrentlyAsync(HttpClient client, HttpMethod method, string url, string json, string key)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await SendAsync(client, method, url, json, key);
        })).ToList();
        start.Release(Parallel);
        return await Task.WhenAll(requests);
    }

    private static Task<long> CountAsync(string sql) => ApiTestEnvironment.Database.ScalarAsync<long>(sql);

    private static void AssertAllTheSame(Answer[] answers, HttpStatusCode status)
    {
        var first = answers.Single(a => !a.Replayed);
        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(status), answers[0].Body);
            Assert.That(answers.Select(a => a.Body), Has.All.EqualTo(first.Body), "every retry gets the first response's body");
            Assert.That(answers.Select(a => a.Location), Has.All.EqualTo(first.Location));
            Assert.That(answers.Select(a => a.ContentType), Has.All.EqualTo("application/json"));
            Assert.That(answers.Count(a => a.Replayed), Is.EqualTo(Parallel - 1), "all but the first are replays");
        });
    }

    [Test]
    public async Task Ten_concurrent_registrations_with_one_key_create_one_employee_and_answer_alike()
    {
        using var client = HrClient($"idem-hr-{Guid.NewGuid():N}");
        var nip = ApiClient.NewNip();
        var key = NewKey();
        var json = ApiClient.Json(new { nip, name = "Pegawai Idempoten", grade = "III/c", unit = "Biro Uji" });

        var answers = await SendConcurrentlyAsync(client, HttpMethod.Post, "/api/v1/employees", json, key);

        AssertAllTheSame(answers, HttpStatusCode.Created);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await CountAsync($"SELECT count(*) FROM employees WHERE nip = '{nip}'"), Is.EqualTo(1));
            Assert.That(await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'"), Is.EqualTo(1));
            var id = (Guid)JsonNode.Parse(answers[0].Body)!["id"]!;
            Assert.That(await CountAsync($"SELECT count(*) FROM audit_entries WHERE command = 'RegisterEmployee' AND '{id}' = ANY(touched_ids)"),
                Is.EqualTo(1), "the work (and its audit entry) is done once");
        });
    }

    [Test]
    public async Task Ten_concurrent_openings_with_one_key_open_one_selection_and_answer_alike()
    {
        using var client = HrClient($"idem-hr-{Guid.NewGuid():N}");
        using var setup = ApiClient.Create();
        var position = await setup.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var json = ApiClient.Json(new { positionId = position, kind = "Promotion", places = 1, latestPerformanceYear = 2025 });

        var answers = await SendConcurrentlyAsync(client, HttpMethod.Post, "/api/v1/selections", json, NewKey());

        AssertAllTheSame(answers, HttpStatusCode.Created);
        Assert.That(await CountAsync($"SELECT count(*) FROM selections WHERE position_id = '{position}'"), Is.EqualTo(1));
        Assert.That(answers[0].Location, Is.EqualTo($"/api/v1/selections/{(Guid)JsonNode.Parse(answers[0].Body)!["id"]!}"));
    }

    [Test]
    public async Task Ten_concurrent_puts_with_one_key_record_the_rating_once()
    {
        using var client = HrClient($"idem-hr-{Guid.NewGuid():N}");
        using var setup = ApiClient.Create();
        var employee = await setup.CreateEmployeeAsync();

        var answers = await SendConcurrentlyAsync(client, HttpMethod.Put, $"/api/v1/employees/{employee}/performance-ratings/2025",
            """{"rating":"Good"}""", NewKey());

        AssertAllTheSame(answers, HttpStatusCode.OK);
        Assert.That(await CountAsync($"SELECT count(*) FROM audit_entries WHERE command = 'RecordPerformanceRating' AND '{employee}' = ANY(touched_ids)"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_key_with_another_body_is_refused_with_422_and_nothing_is_created()
    {
        using var client = HrClient($"idem-hr-{Guid.NewGuid():N}");
        var key = NewKey();
        var first = ApiClient.NewNip();
        var second = ApiClient.NewNip();
        var created = await SendAsync(client, HttpMethod.Post, "/api/v1/employees",
            ApiClient.Json(new { nip = first, name = "Pegawai Pertama", grade = "III/c", unit = "Biro Uji" }), key);
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body);

        var reused = await SendAsync(client, HttpMethod.Post, "/api/v1/employees",
            ApiClient.Json(new { nip = second, name = "Pegawai Kedua", grade = "III/c", unit = "Biro Uji" }), key);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), reused.Body);
            Assert.That(reused.ContentType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)JsonNode.Parse(reused.Body)!["type"], Is.EqualTo(ProblemTypes.IdempotencyKeyReused));
            Assert.That(reused.Replayed, Is.False);
            Assert.That(await CountAsync($"SELECT count(*) FROM employees WHERE nip = '{second}'"), Is.Zero);
            Assert.That(await CountAsync($"SELECT count(*) FROM employees WHERE nip = '{first}'"), Is.EqualTo(1));
        });

        // Another command under the same key is another request too: refused, and no selection is opened.
        var before = await CountAsync($"SELECT count(*) FROM selections WHERE position_id = '{_position}'");
        var elsewhere = await SendAsync(client, HttpMethod.Post, "/api/v1/selections",
            ApiClient.Json(new { positionId = _position, kind = "Promotion", places = 1, latestPerformanceYear = 2025 }), key);
        Assert.That(elsewhere.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), elsewhere.Body);
        Assert.That(await CountAsync($"SELECT count(*) FROM selections WHERE position_id = '{_position}'"), Is.EqualTo(before));
    }

    [Test]
    public async Task Keys_are_per_client_so_another_client_with_the_same_key_does_its_own_work()
    {
        using var one = HrClient($"idem-hr-one-{Guid.NewGuid():N}");
        using var other = HrClient($"idem-hr-other-{Guid.NewGuid():N}");
        var key = NewKey();
        var json = ApiClient.Json(new { positionId = _position, kind = "Placement", places = 2, latestPerformanceYear = 2025 });
        var before = await CountAsync($"SELECT count(*) FROM selections WHERE position_id = '{_position}'");

        var fromOne = await SendAsync(one, HttpMethod.Post, "/api/v1/selections", json, key);
        var fromOther = await SendAsync(other, HttpMethod.Post, "/api/v1/selections", json, key);
        var retryOfOne = await SendAsync(one, HttpMethod.Post, "/api/v1/selections", json, key);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((fromOne.Status, fromOther.Status, retryOfOne.Status),
                Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created)));
            Assert.That(fromOther.Replayed, Is.False, "another client's key is not this client's");
            Assert.That((Guid)JsonNode.Parse(fromOther.Body)!["id"]!, Is.Not.EqualTo((Guid)JsonNode.Parse(fromOne.Body)!["id"]!));
            Assert.That((retryOfOne.Replayed, retryOfOne.Body), Is.EqualTo((true, fromOne.Body)));
            Assert.That(await CountAsync($"SELECT count(*) FROM selections WHERE position_id = '{_position}'"), Is.EqualTo(before + 2));
            Assert.That(await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_replay_by_a_token_scoped_to_another_selection_is_refused_and_reveals_nothing()
    {
        // Two scored selections; one committee member (one subject) holds a token for each.
        using var hr = ApiClient.Create();
        var selections = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var selection = await hr.OpenSelectionAsync(_position);
            await hr.EnrolAsync(selection, await hr.CreateEmployeeWithEvidenceAsync([("M-INTEGRITY", 3)], "Good", "Good"));
            await hr.RunScoringAsync(selection);
            selections.Add(selection);
        }
        var (a, b) = (selections[0], selections[1]);
        var subject = $"idem-committee-{Guid.NewGuid():N}";
        using var forB = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [b], subject: subject));
        using var forA = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [a], subject: subject));
        var key = NewKey();

        var original = await SendAsync(forB, HttpMethod.Post, $"/api/v1/selections/{b}/identity-reveal", null, key);
        var replayByA = await SendAsync(forA, HttpMethod.Post, $"/api/v1/selections/{b}/identity-reveal", null, key);
        var retryByB = await SendAsync(forB, HttpMethod.Post, $"/api/v1/selections/{b}/identity-reveal", null, key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(original.Status, Is.EqualTo(HttpStatusCode.OK), original.Body);
            Assert.That((replayByA.Status, replayByA.Replayed, replayByA.ContentType),
                Is.EqualTo((HttpStatusCode.Forbidden, false, "application/problem+json")), replayByA.Body);
            Assert.That(replayByA.Body, Does.Not.Contain("identitiesRevealedAt"), "nothing of B's stored answer");
            Assert.That((retryByB.Status, retryByB.Replayed, retryByB.Body), Is.EqualTo((HttpStatusCode.OK, true, original.Body)));
            Assert.That(await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'"), Is.EqualTo(1),
                "one stored answer, for the subject's one request");
        }
    }

    [Test]
    public async Task A_stored_response_expires_after_the_retention_and_the_key_then_does_new_work()
    {
        await using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
            builder.UseSetting("Idempotency:Retention", "00:00:01"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Mint([Roles.HrSystem], subject: $"idem-expiry-{Guid.NewGuid():N}"));
        var key = NewKey();
        var json = ApiClient.Json(new { positionId = _position, kind = "Placement", places = 1, latestPerformanceYear = 2025 });

        var first = await SendAsync(client, HttpMethod.Post, "/api/v1/selections", json, key);
        var retried = await SendAsync(client, HttpMethod.Post, "/api/v1/selections", json, key);
        var expiresAt = await ApiTestEnvironment.Database.ScalarAsync<DateTime>(
            $"SELECT expires_at - created_at + '2000-01-01'::timestamp FROM idempotency_keys WHERE \"key\" = '{key}'");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var afterExpiry = await SendAsync(client, HttpMethod.Post, "/api/v1/selections", json, key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Status, retried.Status, retried.Replayed), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created, true)));
            Assert.That(expiresAt, Is.EqualTo(new DateTime(2000, 1, 1, 0, 0, 1)), "stored for the configured retention");
            Assert.That((afterExpiry.Status, afterExpiry.Replayed), Is.EqualTo((HttpStatusCode.Created, false)), "an expired key is free again");
            Assert.That((Guid)JsonNode.Parse(afterExpiry.Body)!["id"]!, Is.Not.EqualTo((Guid)JsonNode.Parse(first.Body)!["id"]!));
            Assert.That(await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task The_background_clean_up_removes_expired_keys_nobody_retries()
    {
        await using var factory = ApiTestEnvironment.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Idempotency:Retention", "00:00:01");
            builder.UseSetting("Idempotency:CleanupInterval", "00:00:01");
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Mint([Roles.HrSystem], subject: $"idem-cleanup-{Guid.NewGuid():N}"));
        var key = NewKey();
        var json = ApiClient.Json(new { positionId = _position, kind = "Placement", places = 1, latestPerformanceYear = 2025 });
        Assert.That((await SendAsync(client, HttpMethod.Post, "/api/v1/selections", json, key)).Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'"), Is.EqualTo(1));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'") > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.That(await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'"), Is.Zero, "removed within 15 s");
    }

    [Test]
    public async Task A_refused_first_attempt_is_not_stored_so_the_corrected_request_can_use_the_key()
    {
        using var client = HrClient($"idem-hr-{Guid.NewGuid():N}");
        var key = NewKey();
        var nip = ApiClient.NewNip();
        var refused = await SendAsync(client, HttpMethod.Post, "/api/v1/employees",
            ApiClient.Json(new { nip, name = "Pegawai", grade = "IX/z", unit = "Biro Uji" }), key);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Body);
        Assert.That(await CountAsync($"SELECT count(*) FROM idempotency_keys WHERE \"key\" = '{key}'"), Is.Zero);

        var corrected = await SendAsync(client, HttpMethod.Post, "/api/v1/employees",
            ApiClient.Json(new { nip, name = "Pegawai", grade = "III/a", unit = "Biro Uji" }), key);
        Assert.That((corrected.Status, corrected.Replayed), Is.EqualTo((HttpStatusCode.Created, false)), corrected.Body);
    }

    [TestCase("")]
    [TestCase("has spaces in it")]
    [TestCase("ünïcode")]
    public async Task A_malformed_key_is_refused_with_400(string key)
    {
        if (key.Length == 0)
            key = new string('k', 101);
        using var client = HrClient($"idem-hr-{Guid.NewGuid():N}");
        var nip = ApiClient.NewNip();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employees")
        {
            Content = new StringContent(ApiClient.Json(new { nip, name = "Pegawai", grade = "III/c", unit = "Biro Uji" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(IdempotencyHeader.Header, key);
        await client.SendAsync(request).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(await CountAsync($"SELECT count(*) FROM employees WHERE nip = '{nip}'"), Is.Zero);
    }
}
