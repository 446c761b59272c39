using System.Net;
using System.Net.Http.Json;
using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.Competencies;

/// <summary>
/// DESIGN §3 "Values count too": the competency dictionary is a scoring input, so a competency whose code, name or
/// description uses non-merit vocabulary is refused with a problem naming the term, unless an administrator registers it
/// with a written justification; that exemption is audited and listed for auditors. And a command's query string is
/// refused like an unknown body field.
/// </summary>
public sealed class VocabularyGuardTests
{
    private const string Reason = "Penyuluhan agama is the counselling skill of the religious-counsellor position (penyuluh agama), not a religion.";

    private HttpClient _hr = null!;
    private HttpClient _admin = null!;
    private HttpClient _auditor = null!;

    [OneTimeSetUp]
    public void Arrange()
    {
        _hr = ApiClient.CreateWithToken(TestTokens.Mint([Roles.HrSystem], subject: $"vocab-hr-{Guid.NewGuid():N}"));
        _admin = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Admin], subject: $"vocab-admin-{Guid.NewGuid():N}"));
        _auditor = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Auditor], subject: $"vocab-auditor-{Guid.NewGuid():N}"));
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _hr.Dispose();
        _admin.Dispose();
        _auditor.Dispose();
    }

    private static object Competency(string code, string name, string? description = null, string? justification = null) =>
        new { code, name, category = "Technical", description, justification };

    private static async Task<long> CountAsync(string code) =>
        await ApiTestEnvironment.Database.ScalarAsync<long>($"SELECT count(*) FROM competencies WHERE code = '{code}'");

    [TestCase("T", "Agama (religion)", null, "name", new[] { "agama", "religion" })]
    [TestCase("SUKU", "Kompetensi Uji", null, "code", new[] { "suku" })]
    [TestCase("TEKNIS", "Kompetensi Uji", "Dinilai menurut usia pegawai", "description", new[] { "usia" })]
    [TestCase("TEKNIS", "Jenis Kelamin", null, "name", new[] { "jenis kelamin" })]
    [TestCase("TEKNIS", "Kompetensi Uji", "Berdasarkan tanggal_lahir dan status perkawinan", "description", new[] { "tanggal lahir", "status perkawinan" })]
    [TestCase("TEKNIS", "Political awareness", null, "name", new[] { "political" })]
    [TestCase("TEKNIS", "Hubungan KELUARGA", null, "name", new[] { "keluarga" })]
    [TestCase("TEKNIS", "Gender mainstreaming", null, "name", new[] { "gender" })]
    public async Task A_competency_using_non_merit_vocabulary_is_refused_naming_the_term(string codePrefix, string name, string? description,
        string field, string[] terms)
    {
        var code = ApiClient.UniqueCode(codePrefix);
        var problem = await _hr.PostAsJsonAsync("/api/v1/competencies", Competency(code, name, description))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritVocabulary);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
            foreach (var term in terms)
                Assert.That((string)problem["errors"]![field]![0]!, Does.Contain($"'{term}'"));
            Assert.That((string)problem["rule"]!, Is.EqualTo("non-merit-vocabulary"));
            Assert.That(await CountAsync(code), Is.Zero, "nothing stored");
        }
    }

    [TestCase("Managing change (Mengelola perubahan)")]
    [TestCase("Storage management")]
    [TestCase("Rasio keuangan daerah")]
    [TestCase("Manajemen usaha perikanan")]
    [TestCase("Message passing")]
    [TestCase("Originality in design")]
    public async Task Whole_words_only_so_a_word_containing_a_term_is_fine(string name) =>
        await _hr.PostAsJsonAsync("/api/v1/competencies", Competency(ApiClient.UniqueCode("T"), name)).ExpectAsync(HttpStatusCode.Created);

    [Test]
    public async Task An_administrator_may_register_it_with_a_justification_which_is_audited_and_listed_for_auditors()
    {
        var code = ApiClient.UniqueCode("T-PENYULUHAN");
        var requestId = $"vocab-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/competencies")
        {
            Content = JsonContent.Create(Competency(code, "Penyuluhan agama", "Bimbingan dan penyuluhan agama kepada masyarakat", Reason)),
        };
        request.Headers.Add(HttpRequestContext.RequestIdHeader, requestId);
        var created = await (await _admin.SendAsync(request)).ExpectAsync(HttpStatusCode.Created);

        using (Assert.EnterMultipleScope())
        {
            var exemption = created["vocabularyExemption"]!;
            Assert.That(exemption["terms"]!.AsArray().Select(t => (string)t!), Is.EqualTo(new[] { "agama" }));
            Assert.That((string)exemption["justification"]!, Is.EqualTo(Reason));
            Assert.That((string)exemption["approvedBy"]!, Does.StartWith("vocab-admin-"));
            Assert.That(await ApiTestEnvironment.Database.ScalarAsync<string>(
                    $"SELECT command || '|' || role FROM audit_entries WHERE request_id = '{requestId}'"),
                Is.EqualTo($"RegisterCompetency|{Roles.Admin}"), "the exemption is an audited command of the administrator");

            var listed = await _auditor.GetJsonAsync("/api/v1/audit/vocabulary-exemptions?pageSize=500");
            var mine = listed["items"]!.AsArray().Single(c => (string)c!["code"]! == code)!;
            Assert.That((string)mine["vocabularyExemption"]!["justification"]!, Is.EqualTo(Reason));
            Assert.That(listed["items"]!.AsArray().Select(c => c!["vocabularyExemption"]), Has.None.Null, "only exemptions are listed");
        }
        // The dictionary shows it like any competency, with its exemption.
        var dictionary = await _hr.GetJsonAsync("/api/v1/competencies?category=Technical&pageSize=500");
        Assert.That(dictionary["items"]!.AsArray().Single(c => (string)c!["code"]! == code)!["vocabularyExemption"], Is.Not.Null);
    }

    [Test]
    public async Task Only_an_administrator_may_justify_and_only_with_a_real_reason_for_a_real_term()
    {
        var code = ApiClient.UniqueCode("T-KONSELING");
        var byHr = await _hr.PostAsJsonAsync("/api/v1/competencies", Competency(code, "Konseling keluarga berencana", null, Reason))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.That((string)byHr["detail"]!, Does.Contain("administrator"));

        var tooShort = await _admin.PostAsJsonAsync("/api/v1/competencies", Competency(code, "Konseling keluarga berencana", null, "skill"))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(tooShort.ErrorFields(), Is.EqualTo(new[] { "justification" }));

        var needless = await _admin.PostAsJsonAsync("/api/v1/competencies", Competency(code, "Konseling karier", null, Reason))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(needless.ErrorFields(), Is.EqualTo(new[] { "justification" }));
        Assert.That(await CountAsync(code), Is.Zero);

        // The HR system cannot register it either way, nor the committee or auditor at all.
        await _hr.PostAsJsonAsync("/api/v1/competencies", Competency(code, "Konseling keluarga berencana"))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.NonMeritVocabulary);
        await _auditor.PostAsJsonAsync("/api/v1/competencies", Competency(code, "Konseling karier"))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await _admin.PostAsJsonAsync("/api/v1/competencies", Competency(code, "Konseling keluarga berencana", null, Reason))
            .ExpectAsync(HttpStatusCode.Created);
    }

    [TestCase("POST", "/api/v1/employees?religion=Islam", "religion")]
    [TestCase("POST", "/api/v1/employees?force=true", "force")]
    [TestCase("POST", "/api/v1/competencies?dryRun=1", "dryRun")]
    public async Task A_write_with_a_query_parameter_is_refused_naming_it_and_stores_nothing(string method, string url, string parameter)
    {
        var nip = ApiClient.NewNip();
        var body = url.StartsWith("/api/v1/employees", StringComparison.Ordinal)
            ? (object)new { nip, name = "Pegawai Uji", grade = "III/a", unit = "Biro Uji" }
            : Competency(ApiClient.UniqueCode("T-QUERY"), "Kompetensi Uji");
        using var client = ApiClient.Create();
        var problem = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body) })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { parameter }));
        Assert.That(await ApiTestEnvironment.Database.ScalarAsync<long>($"SELECT count(*) FROM employees WHERE nip = '{nip}'"), Is.Zero);
    }

    [Test]
    public async Task A_put_with_a_query_parameter_is_refused_too()
    {
        using var client = ApiClient.Create();
        var employee = await client.CreateEmployeeAsync();
        var problem = await client.PutAsJsonAsync($"/api/v1/employees/{employee}/performance-ratings/2025?override=true", new { rating = "Good" })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.MalformedRequest);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "override" }));
        var ratings = await ApiTestEnvironment.Database.ScalarAsync<long>($"SELECT count(*) FROM performance_ratings WHERE employee_id = '{employee}'");
        Assert.That(ratings, Is.Zero);
    }
}
