using System.Net;
using System.Net.Http.Json;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Rendering;

/// <summary>
/// One selection whose documents the rendering tests read: 60 candidates imported in one request (more than a JSON page
/// holds), 10 of them ineligible (no 2025 rating), the rest spread over the nine-box by their levels (INTEGRITY and
/// COOPERATION, standard 3 each) and ratings, scored twice so the documents name run 2. Arranged once for every fixture:
/// each document is fetched blind, then the committee reveals identities and each is fetched again.
/// </summary>
internal sealed class CommitteeDocumentsScenario
{
    public const int Candidates = 60, Ineligible = 10;
    public const string Reference = "SEL/2026-EXP 7";

    private static readonly Lazy<Task<CommitteeDocumentsScenario>> Shared = new(ArrangeAsync);

    public required Guid Selection { get; init; }
    public required Guid Run { get; init; }
    public required HttpClient Committee { get; init; }
    public required Documents Blind { get; init; }
    public required Documents Revealed { get; init; }

    /// <summary>The candidate code of each imported employee's NIP, and each one's name.</summary>
    public required IReadOnlyDictionary<string, string> NameOfCode { get; init; }

    public static Task<CommitteeDocumentsScenario> GetAsync() => Shared.Value;

    private static async Task<CommitteeDocumentsScenario> ArrangeAsync()
    {
        var hr = ApiClient.Create();
        var position = await hr.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3)]);
        var unit = $"Biro Ekspor {Guid.NewGuid():N}"[..24];
        string[] ratings = ["VeryGood", "Good"];
        var rows = Enumerable.Range(0, Candidates).Select(i => new
        {
            nip = ApiClient.NewNip(),
            name = $"Pegawai Ekspor {i:D2}",
            grade = "III/d",
            unit,
            assessments = new[]
            {
                new { competencyCode = "M-INTEGRITY", level = 1 + i % 4, assessedOn = "2025-06-01", assessor = "Pusat Penilaian Kompetensi ASN" },
                new { competencyCode = "M-COOPERATION", level = 1 + i / 4 % 4, assessedOn = "2025-06-01", assessor = "Pusat Penilaian Kompetensi ASN" },
            },
            performanceRatings = i < Ineligible
                ? new[] { new { year = 2024, rating = "Good" } }
                : new[] { new { year = 2025, rating = ratings[i % 2] }, new { year = 2024, rating = ratings[i / 2 % 2] } },
        }).ToList();
        await hr.PostAsJsonAsync("/api/v1/employees/import", new { employees = rows }).ExpectAsync(HttpStatusCode.OK);
        var listed = await hr.GetJsonAsync($"/api/v1/employees?unit={Uri.EscapeDataString(unit)}&pageSize=100");
        var employees = listed["items"]!.AsArray().Select(e => ((Guid)e!["id"]!, (string)e["name"]!)).ToList();
        Assert.That(employees, Has.Count.EqualTo(Candidates));

        var selection = (Guid)(await hr.PostAsJsonAsync("/api/v1/selections", new
        {
            positionId = position,
            kind = "Promotion",
            places = 2,
            latestPerformanceYear = 2025,
            reference = Reference,
        }).ExpectAsync(HttpStatusCode.Created))["id"]!;
        await hr.EnrolAsync(selection, [.. employees.Select(e => e.Item1)]);
        await hr.ScoreAsync(selection);
        var run = await hr.ScoreAsync(selection);

        var enrolled = await hr.GetJsonAsync($"/api/v1/selections/{selection}/candidates?pageSize=100");
        var nameOf = employees.ToDictionary(e => e.Item1, e => e.Item2);
        var committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [selection]));
        var blind = await Documents.FetchAsync(committee, selection, run);
        await committee.PostAsync($"/api/v1/selections/{selection}/identity-reveal", null).ExpectAsync(HttpStatusCode.OK);
        return new CommitteeDocumentsScenario
        {
            Selection = selection,
            Run = run,
            Committee = committee,
            NameOfCode = enrolled["items"]!.AsArray().ToDictionary(c => (string)c!["code"]!, c => nameOf[(Guid)c!["employeeId"]!]),
            Blind = blind,
            Revealed = await Documents.FetchAsync(committee, selection, run),
        };
    }

    /// <summary>A response as the tests read it: status, headers and text.</summary>
    public sealed record Fetched(HttpStatusCode Status, string? ContentType, string? Disposition, string? FileName, string Body);

    /// <summary>The CSV and the page of the whole list (ineligible included, a JSON page size of 5 that they ignore), the grid.</summary>
    public sealed record Documents(Fetched Csv, Fetched Page, Fetched PageByAccept, Fetched Grid)
    {
        public static async Task<Documents> FetchAsync(HttpClient client, Guid selection, Guid run)
        {
            var shortlist = $"/api/v1/selections/{selection}/shortlist?includeIneligible=true&pageSize=5";
            return new Documents(
                await GetAsync(client, shortlist + "&format=csv"),
                await GetAsync(client, shortlist + "&format=html"),
                await GetAsync(client, shortlist, "text/html"),
                await GetAsync(client, $"/api/v1/selections/{selection}/scoring-runs/{run}/talent-grid"));
        }

        private static async Task<Fetched> GetAsync(HttpClient client, string url, string? accept = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (accept is not null)
                request.Headers.Accept.ParseAdd(accept);
            using var response = await client.SendAsync(request);
            var headers = response.Content.Headers;
            return new Fetched(response.StatusCode, headers.ContentType?.ToString(), headers.ContentDisposition?.DispositionType,
                headers.ContentDisposition?.FileName?.Trim('"'), await response.Content.ReadAsStringAsync());
        }
    }
}
