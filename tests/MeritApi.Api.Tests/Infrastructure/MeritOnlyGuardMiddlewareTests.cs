using System.Net;
using MeritApi.Api.Infrastructure;
using MeritApi.Domain.MeritOnly;

namespace MeritApi.Api.Tests.Infrastructure;

/// <summary>
/// Every write endpoint refuses a body carrying a non-merit attribute, whatever its case or depth, with a 400
/// that names the field, and nothing is stored.
/// </summary>
public sealed class MeritOnlyGuardMiddlewareTests
{
    private static readonly string[] Attributes =
    [
        "politicalAffiliation", "politicalBackground", "race", "ethnicity", "suku", "skinColour", "skinColor", "religion",
        "placeOfOrigin", "origin", "gender", "sex", "maritalStatus", "age", "dateOfBirth", "birthDate", "disability",
        "specialNeeds", "family", "relationship", "kinship",
    ];

    private HttpClient _client = null!;
    private Guid _employee;
    private Guid _position;
    private Guid _selection;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _client = ApiClient.Create();
        _employee = await _client.CreateEmployeeAsync();
        _position = await _client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        _selection = await _client.OpenSelectionAsync(_position);
    }

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    [Test]
    public void The_test_list_is_the_design_list() => Assert.That(NonMeritAttributes.Names, Is.EquivalentTo(Attributes));

    [TestCaseSource(nameof(Attributes))]
    public async Task Registering_an_employee_with_the_attribute_is_refused_by_name(string attribute)
    {
        var nip = ApiClient.NewNip();
        var problem = await _client.PostJsonAsync("/api/v1/employees",
                $$"""{"nip":"{{nip}}","name":"Siti Rahma","grade":"III/c","unit":"Biro SDM","{{attribute}}":"x"}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritAttribute);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { attribute }));
        Assert.That((string)problem["detail"]!, Does.Contain($"'{attribute}'"));
        var stored = await _client.GetAsync($"/api/v1/employees?nip={nip}").ExpectAsync(HttpStatusCode.OK);
        Assert.That((int)stored["totalCount"]!, Is.Zero, "nothing may be stored");
    }

    [TestCase("RELIGION")]
    [TestCase("Date_Of_Birth")]
    [TestCase("place-of-origin")]
    [TestCase("MaritalStatus")]
    public async Task Matching_ignores_case_and_separators(string attribute)
    {
        var problem = await _client.PostJsonAsync("/api/v1/employees",
                $$"""{"nip":"{{ApiClient.NewNip()}}","name":"Budi","grade":"III/c","unit":"Biro SDM","{{attribute}}":1}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritAttribute);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { attribute }));
    }

    [Test]
    public async Task Nested_attributes_are_found_in_objects_and_arrays_with_their_path()
    {
        var problem = await _client.PostJsonAsync("/api/v1/positions", """
            {"code":"X-1","title":"T","kind":"Structural",
             "standard":[{"competencyCode":"M-INTEGRITY","requiredLevel":3,"notes":{"preferred":{"gender":"any"}}}],
             "meta":[{"ethnicity":"any"}]}
            """).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritAttribute);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "standard[0].notes.preferred.gender", "meta[0].ethnicity" }));
    }

    /// <summary>One write of each endpoint, each carrying a forbidden attribute somewhere else.</summary>
    private static IEnumerable<TestCaseData> WriteEndpoints()
    {
        yield return new TestCaseData("POST", "/api/v1/competencies", """{"code":"T-X","name":"n","category":"Technical","age":40}""", "age");
        yield return new TestCaseData("POST", "/api/v1/positions",
            """{"code":"P","title":"t","kind":"Functional","standard":[{"competencyCode":"M-INTEGRITY","requiredLevel":2,"religion":"x"}]}""", "standard[0].religion");
        yield return new TestCaseData("POST", "/api/v1/employees/{employee}/competency-assessments",
            """{"competencyCode":"M-INTEGRITY","level":3,"assessedOn":"2025-01-01","assessor":"A","assessorNotes":{"kinship":"uncle of the head"}}""", "assessorNotes.kinship");
        yield return new TestCaseData("PUT", "/api/v1/employees/{employee}/performance-ratings/2025", """{"rating":"Good","sex":"F"}""", "sex");
        yield return new TestCaseData("PUT", "/api/v1/positions/{position}/competency-standard",
            """{"requirements":[{"competencyCode":"M-INTEGRITY","requiredLevel":2}],"politicalAffiliation":"none"}""", "politicalAffiliation");
        yield return new TestCaseData("POST", "/api/v1/selections", """{"kind":"Promotion","positionId":"{position}","placeOfOrigin":"Medan"}""", "placeOfOrigin");
        yield return new TestCaseData("POST", "/api/v1/selections/{selection}/candidates", """{"employeeIds":[],"relationship":"spouse"}""", "relationship");
        yield return new TestCaseData("POST", "/api/v1/scoring-policies",
            """{"competenceWeight":0.5,"performanceWeight":0.5,"performanceYearWeights":[1],"bandSet":"Filling","minimumRating":"Good","disability":false}""", "disability");
        yield return new TestCaseData("POST", "/api/v1/selections/{selection}/scoring-runs", """{"birthDate":"1980-01-01"}""", "birthDate");
    }

    [TestCaseSource(nameof(WriteEndpoints))]
    public async Task Every_write_endpoint_refuses_the_attribute(string method, string url, string body, string field)
    {
        url = url.Replace("{employee}", _employee.ToString(), StringComparison.Ordinal)
            .Replace("{position}", _position.ToString(), StringComparison.Ordinal)
            .Replace("{selection}", _selection.ToString(), StringComparison.Ordinal);
        body = body.Replace("{position}", _position.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        var problem = await _client.SendAsync(request).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritAttribute);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Nothing_is_stored_when_a_write_is_refused()
    {
        var before = await ApiTestEnvironment.Database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM competency_assessments) + (SELECT count(*) FROM performance_ratings) + (SELECT count(*) FROM candidates)");
        await _client.PostJsonAsync($"/api/v1/employees/{_employee}/competency-assessments",
                """{"competencyCode":"M-INTEGRITY","level":3,"assessedOn":"2025-01-01","assessor":"A","religion":"x"}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritAttribute);
        await _client.PostJsonAsync($"/api/v1/selections/{_selection}/candidates", $$"""{"employeeIds":["{{_employee}}"],"age":30}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritAttribute);
        var after = await ApiTestEnvironment.Database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM competency_assessments) + (SELECT count(*) FROM performance_ratings) + (SELECT count(*) FROM candidates)");
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task A_value_that_merely_mentions_an_attribute_is_not_refused()
    {
        // Only field names are forbidden: a unit may be called "Biro Agama" (religious affairs bureau).
        await _client.PostJsonAsync("/api/v1/employees",
                $$"""{"nip":"{{ApiClient.NewNip()}}","name":"Ahmad","grade":"III/c","unit":"Biro Agama dan Gender"}""")
            .ExpectAsync(HttpStatusCode.Created);
    }
}
