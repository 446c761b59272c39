using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Tests.Infrastructure;

/// <summary>Validation per field, malformed input, unknown ids and conflicts: always problem details, never a 500.</summary>
public sealed class ApiExceptionHandlerTests
{
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Arrange() => _client = ApiClient.Create();

    [OneTimeTearDown]
    public void Dispose() => _client.Dispose();

    [Test]
    public async Task Employee_validation_names_each_invalid_field()
    {
        var problem = await _client.PostJsonAsync("/api/v1/employees", """{"nip":"12345","grade":"V/z","unit":" "}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { "nip", "name", "grade", "unit" }));
        Assert.That((string)problem["errors"]!["nip"]![0]!, Does.Contain("18 digits"));
    }

    [Test]
    public async Task Position_validation_names_nested_standard_lines()
    {
        var problem = await _client.PostJsonAsync("/api/v1/positions", """
            {"code":"P-V","title":"T","kind":"Structural","minimumGrade":"III/e",
             "standard":[{"competencyCode":"M-INTEGRITY","requiredLevel":6},{"competencyCode":"lower-case","requiredLevel":3},{"competencyCode":"M-RESULTS"}]}
            """).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[]
        {
            "minimumGrade", "standard[0].requiredLevel", "standard[1].competencyCode", "standard[2].requiredLevel",
        }));
    }

    [Test]
    public async Task A_competency_outside_the_dictionary_is_named()
    {
        var problem = await _client.PostJsonAsync("/api/v1/positions", """
            {"code":"P-U","title":"T","kind":"Structural","standard":[{"competencyCode":"M-INTEGRITY","requiredLevel":3},{"competencyCode":"T-UNKNOWN-ZZ","requiredLevel":3}]}
            """).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "standard[1].competencyCode" }));
    }

    [Test]
    public async Task Assessment_and_rating_validation()
    {
        var employee = await _client.CreateEmployeeAsync();
        var assessment = await _client.PostJsonAsync($"/api/v1/employees/{employee}/competency-assessments",
                """{"competencyCode":"M-INTEGRITY","level":0,"assessedOn":"2999-01-01","assessor":""}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(assessment.ErrorFields(), Is.EquivalentTo(new[] { "level", "assessedOn", "assessor" }));

        var rating = await _client.PutAsJsonAsync($"/api/v1/employees/{employee}/performance-ratings/1990", new { rating = "Good" })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(rating.ErrorFields(), Is.EqualTo(new[] { "year" }));

        var badEnum = await _client.PutAsJsonAsync($"/api/v1/employees/{employee}/performance-ratings/2025", new { rating = "Excellent" })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That(badEnum.ErrorFields(), Is.EqualTo(new[] { "rating" }));
    }

    [Test]
    public async Task Selection_and_policy_validation()
    {
        var selection = await _client.PostJsonAsync("/api/v1/selections", """{"kind":"Transfer","places":0}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That(selection.ErrorFields(), Is.EqualTo(new[] { "kind" }));

        var missing = await _client.PostJsonAsync("/api/v1/selections", """{"places":0}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(missing.ErrorFields(), Is.EquivalentTo(new[] { "positionId", "kind", "places" }));

        var policy = await _client.PostJsonAsync("/api/v1/scoring-policies",
                """{"competenceWeight":0.7,"performanceWeight":0.5,"performanceYearWeights":[0.5,0.4],"bandSet":"Mapping","minimumRating":"Good"}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(policy.ErrorFields(), Is.EquivalentTo(new[] { "performanceWeight", "performanceYearWeights" }));
    }

    [TestCase("{\"nip\":", "body")]
    [TestCase("[1,2,3]", "body")]
    [TestCase("{\"nip\":199001012020011001,\"name\":\"A\",\"grade\":\"III/a\",\"unit\":\"U\"}", "nip")]
    [TestCase("{\"nip\":\"199001012020011001\",\"name\":\"A\",\"grade\":\"III/a\",\"unit\":\"U\",\"nickname\":\"x\"}", "nickname")]
    public async Task Malformed_or_mistyped_bodies_are_400_problems(string body, string field)
    {
        var problem = await _client.PostJsonAsync("/api/v1/employees", body)
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        if (field != "body")
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Duplicate_keys_and_wrong_content_types_are_refused()
    {
        await _client.PostJsonAsync("/api/v1/employees", """{"nip":"199001012020011001","nip":"199001012020011002"}""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        await _client.PostAsync("/api/v1/employees", new StringContent("nip=1", System.Text.Encoding.UTF8, "text/plain"))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
        var query = await _client.GetAsync("/api/v1/employees?pageSize=abc").ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(query.ErrorFields(), Is.EqualTo(new[] { "pageSize" }));
        var paging = await _client.GetAsync("/api/v1/positions?page=0&pageSize=100000").ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(paging.ErrorFields(), Is.EquivalentTo(new[] { "page", "pageSize" }));
    }

    [TestCase("GET", "/api/v1/positions/{id}")]
    [TestCase("GET", "/api/v1/employees/{id}")]
    [TestCase("GET", "/api/v1/selections/{id}")]
    [TestCase("GET", "/api/v1/selections/{id}/shortlist")]
    [TestCase("GET", "/api/v1/selections/{id}/candidates")]
    [TestCase("GET", "/api/v1/selections/{id}/scoring-runs")]
    [TestCase("GET", "/api/v1/selections/{id}/scoring-runs/{id}")]
    [TestCase("GET", "/api/v1/selections/{id}/scoring-runs/{id}/results/{id}")]
    [TestCase("GET", "/api/v1/scoring-policies/999")]
    [TestCase("POST", "/api/v1/selections/{id}/scoring-runs")]
    [TestCase("GET", "/api/v1/no-such-thing")]
    public async Task Unknown_ids_and_routes_are_404_problems(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        await _client.SendAsync(request).ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Test]
    public async Task Unknown_ids_in_a_body_are_404_problems_and_nothing_is_enrolled()
    {
        var position = await _client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var selection = await _client.OpenSelectionAsync(position);
        var known = await _client.CreateEmployeeAsync();
        var unknown = Guid.NewGuid();
        var problem = await _client.PostAsJsonAsync($"/api/v1/selections/{selection}/candidates", new { employeeIds = new[] { known, unknown } })
            .ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.That((string)problem["detail"]!, Does.Contain(unknown.ToString()));
        var candidates = await _client.GetAsync($"/api/v1/selections/{selection}/candidates").ExpectAsync(HttpStatusCode.OK);
        Assert.That((int)candidates["totalCount"]!, Is.Zero, "all or nothing: the known employee is not enrolled either");

        await _client.PostAsJsonAsync("/api/v1/selections", new { positionId = Guid.NewGuid(), kind = "Promotion" })
            .ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Test]
    public async Task Conflicts_are_409_problems_with_a_stable_rule()
    {
        var nip = ApiClient.NewNip();
        await _client.CreateEmployeeAsync(nip: nip);
        var duplicate = await _client.PostAsJsonAsync("/api/v1/employees", new { nip, name = "Dua", grade = "III/a", unit = "U" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
        Assert.That((string)duplicate["rule"]!, Is.EqualTo("duplicate-nip"));

        var position = await _client.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var code = (string)(await _client.GetAsync($"/api/v1/positions/{position}").ExpectAsync(HttpStatusCode.OK))["code"]!;
        await _client.PostAsJsonAsync("/api/v1/positions", new
        {
            code,
            title = "Lain",
            kind = "Structural",
            standard = new[] { new { competencyCode = "M-INTEGRITY", requiredLevel = 2 } },
        }).ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);

        var selection = await _client.OpenSelectionAsync(position);
        var empty = await _client.PostAsync($"/api/v1/selections/{selection}/scoring-runs", null)
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.RuleViolation);
        Assert.That((string)empty["rule"]!, Is.EqualTo("no-candidates"));

        var employee = await _client.CreateEmployeeAsync();
        await _client.EnrolAsync(selection, employee);
        var twice = await _client.PostAsJsonAsync($"/api/v1/selections/{selection}/candidates", new { employeeIds = new[] { employee } })
            .ExpectProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
        Assert.That((string)twice["rule"]!, Is.EqualTo("already-enrolled"));
    }
    [Test]
    public async Task A_route_only_member_in_a_body_is_an_unknown_field_not_silently_dropped()
    {
        var employee = await _client.CreateEmployeeAsync();
        var other = await _client.CreateEmployeeAsync();
        var year = await _client.PutAsJsonAsync($"/api/v1/employees/{employee}/performance-ratings/2025", new { rating = "Good", year = 2024 })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That(year.ErrorFields(), Is.EqualTo(new[] { "year" }));
        var id = await _client.PutAsJsonAsync($"/api/v1/employees/{employee}/performance-ratings/2025", new { rating = "Good", employeeId = other })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That(id.ErrorFields(), Is.EqualTo(new[] { "employeeId" }));
        foreach (var e in new[] { employee, other })
            Assert.That((await _client.GetJsonAsync($"/api/v1/employees/{e}"))["performanceRatings"]!.AsArray(), Is.Empty);
    }

    [TestCase("text/html")]
    [TestCase("application/xml")]
    [TestCase("image/png")]
    [TestCase("application/json;q=0")]
    public async Task Problems_are_json_whatever_the_Accept_header_asks_for(string accept)
    {
        async Task<JsonNode> Send(HttpMethod method, string url, string? json, HttpStatusCode status, string type)
        {
            using var request = new HttpRequestMessage(method, url);
            if (json is not null)
                request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("Accept", accept);
            return await _client.SendAsync(request).ExpectProblemAsync(status, type);
        }

        await Send(HttpMethod.Post, "/api/v1/employees", "{\"nip\":", HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest); // the guard
        var wrongType = await Send(HttpMethod.Post, "/api/v1/employees", "{\"nip\":{}}", HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest); // binding
        Assert.That(wrongType.ErrorFields(), Is.EqualTo(new[] { "nip" }));
        await Send(HttpMethod.Post, "/api/v1/employees", "{\"nip\":\"1\",\"name\":\"\",\"grade\":\"III/a\",\"unit\":\"U\"}",
            HttpStatusCode.BadRequest, ProblemTypes.Validation); // a validator
        await Send(HttpMethod.Get, $"/api/v1/employees/{Guid.NewGuid()}", null, HttpStatusCode.NotFound, ProblemTypes.NotFound); // a handler
        await Send(HttpMethod.Get, "/api/v1/no-such-thing", null, HttpStatusCode.NotFound, ProblemTypes.NotFound); // routing
        using var anonymous = ApiClient.CreateWithToken(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/positions");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        await anonymous.SendAsync(request).ExpectProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized); // authentication
    }

    [TestCase("application/json; charset=no-such-charset")]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=latin1")]
    [TestCase("application/json; charset=iso-8859-1")]
    [TestCase("application/json; charset=us-ascii")]
    [TestCase("application/json; charset=utf-7")]
    [TestCase("application/json; charset=\"\"")]
    public async Task A_charset_other_than_utf8_is_415_and_stores_nothing(string contentType)
    {
        var nip = ApiClient.NewNip();
        var body = System.Text.Encoding.UTF8.GetBytes(ApiClient.Json(new { nip, name = "Pegawai Uji", grade = "III/c", unit = "Biro Uji" }));
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var problem = await _client.PostAsync("/api/v1/employees", content)
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
        Assert.That((string?)problem["detail"], Does.Contain("UTF-8"));
        var found = await _client.GetJsonAsync($"/api/v1/employees?nip={nip}");
        Assert.That((int)found["totalCount"]!, Is.Zero);
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=UTF-8")]
    [TestCase("application/json; charset=\"utf-8\"")]
    [TestCase("application/json")]
    public async Task Utf8_is_accepted_however_it_is_declared(string contentType)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(ApiClient.Json(new { nip = ApiClient.NewNip(), name = "Pegawai Ünïcödé", grade = "III/c", unit = "Biro Uji" }));
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var employee = await _client.PostAsync("/api/v1/employees", content).ExpectAsync(HttpStatusCode.Created);
        Assert.That((string?)employee["name"], Is.EqualTo("Pegawai Ünïcödé"));
    }

    [TestCase("\"Good, VeryPoor\"")]
    [TestCase("\"Good,VeryPoor\"")]
    [TestCase("\"4\"")]
    [TestCase("\"99\"")]
    [TestCase("4")]
    [TestCase("\"good\"")]
    [TestCase("\" Good\"")]
    [TestCase("\"Good \"")]
    [TestCase("\"\"")]
    [TestCase("[\"Good\"]")]
    public async Task An_enum_value_in_a_body_is_exactly_one_defined_name(string rating)
    {
        var employee = await _client.CreateEmployeeAsync();
        var problem = await _client.SendRawJsonAsync(HttpMethod.Put, $"/api/v1/employees/{employee}/performance-ratings/2025",
                System.Text.Encoding.UTF8.GetBytes($"{{\"rating\":{rating}}}"))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "rating" }));
        if (rating.StartsWith('"'))
            Assert.That((string)problem["errors"]!["rating"]![0]!, Does.Contain("VeryPoor, Poor, NeedsImprovement, Good, VeryGood"));
        var stored = await _client.GetJsonAsync($"/api/v1/employees/{employee}");
        Assert.That(stored["performanceRatings"]!.AsArray(), Is.Empty, "nothing was stored");
    }

    [TestCase("/api/v1/selections?status=1", "status")]
    [TestCase("/api/v1/selections?status=99", "status")]
    [TestCase("/api/v1/selections?status=Open,Scored", "status")]
    [TestCase("/api/v1/selections?status=Open&status=Scored", "status")]
    [TestCase("/api/v1/selections?status=open", "status")]
    [TestCase("/api/v1/selections?status=%20Open", "status")]
    [TestCase("/api/v1/selections?status=", "status")]
    [TestCase("/api/v1/competencies?category=Technical,%20Managerial", "category")]
    [TestCase("/api/v1/competencies?CATEGORY=2", "category")]
    public async Task An_enum_query_parameter_is_exactly_one_defined_name(string url, string field)
    {
        var problem = await _client.GetAsync(url).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
    }

    [TestCase("/api/v1/selections?status=Open")]
    [TestCase("/api/v1/competencies?category=SocioCultural")]
    public async Task A_defined_enum_name_in_the_query_filters(string url) => await _client.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
}
