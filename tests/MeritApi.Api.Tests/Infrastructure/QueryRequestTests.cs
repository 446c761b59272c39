using System.Net;
using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Tests.Infrastructure;

/// <summary>Query strings are read by the project's own parsing: every malformed value named at once, typed values exact.</summary>
public sealed class QueryRequestTests
{
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Arrange() => _client = ApiClient.Create();

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    [Test]
    public async Task Every_malformed_query_value_is_named_in_one_answer()
    {
        var problem = await _client.GetAsync("/api/v1/selections?positionId=not-a-uuid&status=Bogus&page=abc&pageSize=1.5")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "positionId", "status", "page", "pageSize" }));
        Assert.That((string)problem["errors"]!["page"]![0]!, Does.Contain("'abc' is not a whole number"));
    }

    [TestCase("/api/v1/audit/entries?from=yesterday", "from")]
    [TestCase("/api/v1/audit/entries?from=2026-12-01T08:00:00Z&from=2026-12-02T08:00:00Z", "from")]
    [TestCase("/api/v1/audit/verification?anchorSequence=%201", "anchorSequence")]
    [TestCase("/api/v1/audit/merit-deviations?pageSize=", "pageSize")]
    [TestCase("/api/v1/positions?PAGE=x", "page")]
    public async Task A_malformed_or_repeated_value_is_refused_by_its_name(string url, string field)
    {
        var problem = await _client.GetAsync(url).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Well_formed_values_are_read_whatever_the_case_of_their_names()
    {
        var page = await _client.GetJsonAsync("/api/v1/positions?PageSize=1&page=1");
        Assert.That((int)page["pageSize"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task A_write_without_its_body_is_refused_as_a_missing_body()
    {
        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new("application/json");
        var problem = await _client.PostAsync("/api/v1/employees", empty)
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That((string)problem["title"]!, Is.EqualTo("Missing body"));
    }
}
