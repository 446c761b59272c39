using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.DevelopmentActivities;

/// <summary>
/// Development activities and JP compliance through HTTP on PostgreSQL, in a unit of its own: a PNS with exactly 20 JP, a PNS
/// with 19.5 JP (from minutes), a PPPK over the 24 JP cap, one without an employment type; the import is all or none and a
/// retried batch adds nothing; certificates lapsing within a window; roles and bad input.
/// </summary>
public sealed class DevelopmentActivityTests
{
    private static readonly int Year = DateTime.UtcNow.Year;
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string InTenDays = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string InAYear = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient _hr = null!;
    private string _unit = null!;
    private readonly Dictionary<string, (Guid Id, string Nip)> _employees = [];

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        _unit = $"Biro JP {Guid.NewGuid():N}"[..18];
        foreach (var (name, type) in new[] { ("Twenty", "Pns"), ("NineteenAndAHalf", "Pns"), ("OverCap", "Pppk"), ("Unknown", (string?)null) })
        {
            var nip = ApiClient.NewNip();
            var created = await _hr.PostAsJsonAsync("/api/v1/employees", new { nip, name = $"Pegawai {name}", grade = "III/b", unit = _unit, employmentType = type })
                .ExpectAsync(HttpStatusCode.Created);
            Assert.That((string?)created["employmentType"], Is.EqualTo(type));
            _employees[name] = ((Guid)created["id"]!, nip);
        }
        await RecordAsync("Twenty", new { form = "Training", title = "Pelatihan Teknis Anggaran", startDate = $"{Year}-01-06", endDate = $"{Year}-01-07", jp = 12 });
        await RecordAsync("Twenty", new
        {
            form = "Coaching",
            title = "Coaching Pimpinan",
            startDate = $"{Year}-02-03",
            endDate = $"{Year}-02-03",
            jp = 8,
            competencyCodes = new[] { "M-DEVELOPMENT" },
            certificate = new { number = "COACH-01", validFrom = $"{Year}-02-03", validUntil = InTenDays },
        });
        await RecordAsync("NineteenAndAHalf", new { form = "ELearning", title = "Literasi Digital", startDate = $"{Year}-03-02", endDate = $"{Year}-03-09", minutes = 878 });
        await RecordAsync("OverCap", new { form = "Workshop", title = "Lokakarya SKP", startDate = $"{Year}-04-01", endDate = $"{Year}-04-05", jp = 24.5 });
        // Last year's activity counts last year, not this one.
        await RecordAsync("NineteenAndAHalf", new { form = "Seminar", title = "Seminar Nasional", startDate = $"{Year - 1}-11-01", endDate = $"{Year - 1}-11-01", jp = 8 });
    }

    [OneTimeTearDown]
    public void Dispose() => _hr.Dispose();

    private Task<JsonNode> RecordAsync(string employee, object body) =>
        _hr.PostAsJsonAsync($"/api/v1/employees/{_employees[employee].Id}/development-activities", body).ExpectAsync(HttpStatusCode.Created);

    private Task<JsonNode> ComplianceAsync(string query = "") =>
        _hr.GetJsonAsync($"/api/v1/development-compliance?year={Year}&unit={Uri.EscapeDataString(_unit)}{query}");

    [Test]
    public async Task Each_employee_s_JP_of_the_year_is_judged_against_the_rule_of_their_appointment()
    {
        var compliance = await ComplianceAsync();
        var byName = compliance["employees"]!["items"]!.AsArray()
            .ToDictionary(e => _employees.Single(x => x.Value.Id == (Guid)e!["employeeId"]!).Key, e => e!);

        Assert.That(((decimal)compliance["pnsMinimumJp"]!, (decimal)compliance["pppkCapJp"]!), Is.EqualTo((20m, 24m)));
        Assert.That(byName.ToDictionary(e => e.Key, e => ((decimal)e.Value["jp"]!, (string)e.Value["standing"]!, (decimal)e.Value["shortfall"]!)),
            Is.EquivalentTo(new Dictionary<string, (decimal, string, decimal)>
            {
                ["Twenty"] = (20m, "Compliant", 0m),
                ["NineteenAndAHalf"] = (19.5m, "BelowMinimum", 0.5m), // 878 minutes; last year's seminar counts last year
                ["OverCap"] = (24.5m, "AboveCap", 0m),
                ["Unknown"] = (0m, "EmploymentTypeUnknown", 0m),
            }));
        var unit = compliance["byUnit"]!.AsArray().Single()!;
        Assert.That(((int)unit["employees"]!, (decimal)unit["totalJp"]!, (int)unit["compliant"]!, (int)unit["belowMinimum"]!, (int)unit["aboveCap"]!,
            (int)unit["employmentTypeUnknown"]!), Is.EqualTo((4, 64m, 1, 1, 1, 1)));
    }

    [Test]
    public async Task Who_falls_short_is_one_filter_away()
    {
        var short_ = await ComplianceAsync("&standing=BelowMinimum");
        Assert.That(short_["employees"]!["items"]!.AsArray().Select(e => (string)e!["nip"]!), Is.EqualTo(new[] { _employees["NineteenAndAHalf"].Nip }));
    }

    [Test]
    public async Task The_same_activity_again_is_a_409_and_the_list_shows_the_employee_s_activities_newest_first()
    {
        var again = await _hr.PostAsJsonAsync($"/api/v1/employees/{_employees["Twenty"].Id}/development-activities",
            new { form = "Training", title = "Pelatihan Teknis Anggaran ", startDate = $"{Year}-01-06", endDate = $"{Year}-01-07", jp = 12 })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.That((string)again["rule"]!, Is.EqualTo("duplicate-activity"));

        var list = await _hr.GetJsonAsync($"/api/v1/employees/{_employees["Twenty"].Id}/development-activities");
        var items = list["items"]!.AsArray();
        Assert.That(items.Select(a => (string)a!["title"]!), Is.EqualTo(new[] { "Coaching Pimpinan", "Pelatihan Teknis Anggaran" }));
        Assert.That(((bool)items[0]!["classical"]!, (bool)items[1]!["classical"]!), Is.EqualTo((false, true)));
        Assert.That((string)items[0]!["certificate"]!["number"]!, Is.EqualTo("COACH-01"));
    }

    [Test]
    public async Task The_import_is_all_or_none_every_bad_row_named_and_a_retried_batch_adds_nothing()
    {
        var nip = _employees["Unknown"].Nip;
        object Row(string title, string? code = null) => new
        {
            nip,
            form = "Mentoring",
            title,
            startDate = $"{Year}-05-04",
            endDate = $"{Year}-05-04",
            jp = 4,
            competencyCodes = code is null ? Array.Empty<string>() : new[] { code },
        };
        var bad = await _hr.PostAsJsonAsync("/api/v1/development-activities/import", new
        {
            activities = new object[] { Row("Mentoring A"), Row("Mentoring B", "T-NOT-IN-DICTIONARY"), new { nip = "198001012000011999", form = "Mentoring", title = "X", startDate = $"{Year}-05-04", endDate = $"{Year}-05-04", jp = 4 } },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(bad.ErrorFields(), Is.EquivalentTo(new[] { "activities[1].competencyCodes[0]", "activities[2].nip" }));
        var before = await _hr.GetJsonAsync($"/api/v1/employees/{_employees["Unknown"].Id}/development-activities");
        Assert.That((int)before["totalCount"]!, Is.Zero, "nothing of the refused batch was stored");

        var batch = new { activities = new[] { Row("Mentoring A"), Row("Mentoring B", "M-DEVELOPMENT") } };
        var first = await _hr.PostAsJsonAsync("/api/v1/development-activities/import", batch).ExpectAsync(HttpStatusCode.OK);
        var second = await _hr.PostAsJsonAsync("/api/v1/development-activities/import", batch).ExpectAsync(HttpStatusCode.OK);
        Assert.That(((int)first["added"]!, (int)first["unchanged"]!), Is.EqualTo((2, 0)));
        Assert.That(((int)second["added"]!, (int)second["unchanged"]!), Is.EqualTo((0, 2)));
    }

    [Test]
    public async Task Certificates_lapsing_within_the_window_are_listed_soonest_first()
    {
        await RecordAsync("OverCap", new
        {
            form = "Course",
            title = "Kursus Bahasa",
            startDate = $"{Year - 1}-06-01",
            endDate = $"{Year - 1}-06-30",
            jp = 30,
            certificate = new { number = "LANG-9", validUntil = InAYear },
        });
        var within30 = await _hr.GetJsonAsync($"/api/v1/development-activities/certificates/expiring?withinDays=30&unit={Uri.EscapeDataString(_unit)}");
        Assert.That(within30["items"]!.AsArray().Select(c => ((string)c!["certificateNumber"]!, (int)c["daysLeft"]!)), Is.EqualTo(new[] { ("COACH-01", 10) }));
        var within500 = await _hr.GetJsonAsync($"/api/v1/development-activities/certificates/expiring?withinDays=500&unit={Uri.EscapeDataString(_unit)}");
        Assert.That(within500["items"]!.AsArray().Select(c => (string)c!["certificateNumber"]!), Is.EqualTo(new[] { "COACH-01", "LANG-9" }));
    }

    [TestCase(Roles.Auditor, HttpStatusCode.OK)]
    [TestCase(Roles.Committee, HttpStatusCode.Forbidden)]
    public async Task Auditors_read_committees_see_none_of_it(string role, HttpStatusCode expected)
    {
        using var client = ApiClient.CreateWithToken(TestTokens.Mint(role));
        foreach (var path in new[] { $"/api/v1/development-compliance?year={Year}", "/api/v1/development-activities/certificates/expiring",
                     $"/api/v1/employees/{_employees["Twenty"].Id}/development-activities" })
            Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(expected), path);
        Assert.That((await client.PostAsJsonAsync($"/api/v1/employees/{_employees["Twenty"].Id}/development-activities", new { })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden), "only HR systems write");
    }

    [TestCase("""{"form":"Training","title":"T","startDate":"2026-01-02","endDate":"2026-01-01","jp":2}""", "endDate")]
    [TestCase("""{"form":"Training","title":"T","startDate":"2026-01-02","endDate":"2026-01-02"}""", "jp")]
    [TestCase("""{"form":"Training","title":"T","startDate":"2026-01-02","endDate":"2026-01-02","jp":2,"minutes":200}""", "minutes")]
    [TestCase("""{"form":"Training","title":"T","startDate":"2026-01-02","endDate":"2026-01-02","minutes":22}""", "minutes")]
    [TestCase("""{"form":"Lecture","title":"T","startDate":"2026-01-02","endDate":"2026-01-02","jp":2}""", "form")]
    [TestCase("""{"form":"Training","title":"T","startDate":"2026-01-02","endDate":"2026-01-02","jp":2,"certificate":{"number":"","validUntil":"2027-01-01"}}""", "certificate.number")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var problem = await _hr.PostJsonAsync($"/api/v1/employees/{_employees["Twenty"].Id}/development-activities", body).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public async Task Compliance_query_values_are_checked()
    {
        Assert.That((await _hr.GetAsync("/api/v1/development-compliance?year=1999").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EquivalentTo(new[] { "year" }));
        Assert.That((await _hr.GetAsync("/api/v1/development-compliance?standing=Late").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EquivalentTo(new[] { "standing" }));
        Assert.That((await _hr.GetAsync("/api/v1/development-activities/certificates/expiring?withinDays=-1").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFields(),
            Is.EquivalentTo(new[] { "withinDays" }));
        await _hr.GetAsync($"/api/v1/employees/{Guid.NewGuid()}/development-activities").ExpectAsync(HttpStatusCode.NotFound);
    }
}
