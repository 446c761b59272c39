using System.Net;
using System.Net.Http.Json;
using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Tests.Endpoints.Employees;

/// <summary>
/// The position an employee holds (a registered position) and since when: optional on registration and in the import,
/// shown on the employee, checked (a known position, a date not after today and only with a position), and an import
/// row that says nothing of it leaves it as it was.
/// </summary>
public sealed class PositionHeldTests
{
    private HttpClient _hr = null!;
    private Guid _position;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        _position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
    }

    [OneTimeTearDown]
    public void Dispose() => _hr.Dispose();

    private static object Employee(string nip, object? position = null, string? since = null) =>
        new { nip, name = "Pegawai Jabatan", grade = "III/d", unit = "Biro Jabatan", currentPositionId = position, inPositionSince = since };

    [Test]
    public async Task Registered_with_a_position_the_employee_shows_it_and_since_when()
    {
        var created = await _hr.PostAsJsonAsync("/api/v1/employees", Employee(ApiClient.NewNip(), _position, "2023-01-02"))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.That((Guid)created["currentPositionId"]!, Is.EqualTo(_position));
        Assert.That((string)created["inPositionSince"]!, Is.EqualTo("2023-01-02"));
        var details = await _hr.GetJsonAsync($"/api/v1/employees/{(Guid)created["id"]!}");
        Assert.That((Guid)details["currentPositionId"]!, Is.EqualTo(_position));
        Assert.That((string)details["inPositionSince"]!, Is.EqualTo("2023-01-02"));
    }

    [Test]
    public async Task Without_a_position_nothing_changes_for_clients_that_do_not_send_one()
    {
        var created = await _hr.PostAsJsonAsync("/api/v1/employees", new { nip = ApiClient.NewNip(), name = "Pegawai", grade = "III/d", unit = "Biro" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.That(created["currentPositionId"], Is.Null);
        Assert.That(created["inPositionSince"], Is.Null);
    }

    [TestCase("unknown position", "0196a000-0000-7000-8000-00000000dead", "2023-01-02", "currentPositionId")]
    [TestCase("a date without a position", null, "2023-01-02", "currentPositionId")]
    [TestCase("a date after today", "known", "2100-01-01", "inPositionSince")]
    [TestCase("the empty UUID", "00000000-0000-0000-0000-000000000000", null, "currentPositionId")]
    public async Task A_bad_position_is_a_400_naming_the_field_and_nothing_is_stored(string _, string? position, string? since, string field)
    {
        var nip = ApiClient.NewNip();
        var problem = await _hr.PostAsJsonAsync("/api/v1/employees", Employee(nip, position == "known" ? _position : position, since))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { field }));
        var found = await _hr.GetJsonAsync($"/api/v1/employees?nip={nip}");
        Assert.That(found["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task The_import_sets_the_position_a_row_names_and_a_row_without_one_leaves_it()
    {
        var nip = ApiClient.NewNip();
        object Row(object? position, string? since) => new { nip, name = "Pegawai Impor", grade = "III/d", unit = "Biro Impor", currentPositionId = position, inPositionSince = since };
        await _hr.PostAsJsonAsync("/api/v1/employees/import", new { employees = new[] { Row(_position, "2024-03-01") } }).ExpectAsync(HttpStatusCode.OK);
        var summary = await _hr.PostAsJsonAsync("/api/v1/employees/import", new { employees = new[] { Row(null, null) } }).ExpectAsync(HttpStatusCode.OK);
        Assert.That((int)summary["unchanged"]!, Is.EqualTo(1));
        var employee = (await _hr.GetJsonAsync($"/api/v1/employees?nip={nip}"))["items"]![0]!;
        Assert.That((Guid)employee["currentPositionId"]!, Is.EqualTo(_position));
        Assert.That((string)employee["inPositionSince"]!, Is.EqualTo("2024-03-01"));

        var other = await _hr.CreatePositionAsync([("M-INTEGRITY", 4)]);
        summary = await _hr.PostAsJsonAsync("/api/v1/employees/import", new { employees = new[] { Row(other, "2026-01-05") } }).ExpectAsync(HttpStatusCode.OK);
        Assert.That((int)summary["updated"]!, Is.EqualTo(1), "a new position is a change");
    }

    [Test]
    public async Task An_import_naming_unknown_positions_is_refused_whole_with_every_bad_row_named()
    {
        var nips = new[] { ApiClient.NewNip(), ApiClient.NewNip(), ApiClient.NewNip() };
        var problem = await _hr.PostAsJsonAsync("/api/v1/employees/import", new
        {
            employees = new object[]
            {
                new { nip = nips[0], name = "A", grade = "III/d", unit = "Biro", currentPositionId = _position },
                new { nip = nips[1], name = "B", grade = "III/d", unit = "Biro", currentPositionId = Guid.NewGuid() },
                new
                {
                    nip = nips[2], name = "C", grade = "III/d", unit = "Biro", currentPositionId = Guid.NewGuid(),
                    assessments = new[] { new { competencyCode = "HX-NOT-IN-DICTIONARY", level = 3, assessedOn = "2025-06-01", assessor = "P" } },
                },
            },
        }).ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EquivalentTo(new[]
        {
            "employees[1].currentPositionId", "employees[2].currentPositionId", "employees[2].assessments[0].competencyCode",
        }));
        foreach (var nip in nips)
            Assert.That((await _hr.GetJsonAsync($"/api/v1/employees?nip={nip}"))["items"]!.AsArray(), Is.Empty, "all or nothing");
    }
}
