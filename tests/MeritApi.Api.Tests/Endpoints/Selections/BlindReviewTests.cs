using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeritApi.Api.Security;

namespace MeritApi.Api.Tests.Endpoints.Selections;

/// <summary>
/// Blind means no NIP digit. A NIP's digits 1–8 are the date of birth and digit 15 the sex, so two candidates whose NIPs
/// differ only there must be indistinguishable to the committee before the reveal: every committee-facing representation
/// carries no run of their NIP's digits, and each candidate's answers are identical apart from the candidate's own
/// code (and what the code seals). After the reveal, the full NIP stands beside the name.
/// </summary>
public sealed partial class BlindReviewTests
{
    private HttpClient _hr = null!;
    private HttpClient _committee = null!;
    private Guid _selection;
    private Guid _run;
    private (string Nip, Guid Candidate, string Code)[] _pair = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _hr = ApiClient.Create();
        // Digits 9–14 (appointment) and 16–18 (serial) shared; digits 1–8 (birth date) and 15 (sex) differ.
        var appointment = Random.Shared.Next(100_000, 999_999).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var serial = Random.Shared.Next(100, 999).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        string[] nips = [$"19850317{appointment}1{serial}", $"19920824{appointment}2{serial}"];

        var position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3), ("M-COOPERATION", 3)]);
        _selection = await _hr.OpenSelectionAsync(position);
        var employees = new List<Guid>();
        foreach (var nip in nips)
        {
            var id = await _hr.CreateEmployeeAsync(nip: nip);
            await _hr.AssessAsync(id, "M-INTEGRITY", 3);
            await _hr.AssessAsync(id, "M-COOPERATION", 2);
            await _hr.RateAsync(id, 2025, "Good");
            await _hr.RateAsync(id, 2024, "VeryGood");
            employees.Add(id);
        }
        var candidates = await _hr.EnrolAsync(_selection, [.. employees]);
        _run = await _hr.ScoreAsync(_selection);
        _committee = ApiClient.CreateWithToken(TestTokens.Mint([Roles.Committee], [_selection], subject: $"blind-{Guid.NewGuid():N}"));

        var codes = new List<string>();
        foreach (var candidate in candidates)
            codes.Add((string)(await _committee.GetJsonAsync(ResultUrl(candidate)))["candidateCode"]!);
        _pair = [.. nips.Zip(candidates, codes).Select(t => (t.First, t.Second, t.Third))];
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _hr.Dispose();
        _committee.Dispose();
    }

    private string ResultUrl(Guid candidate) => $"/api/v1/selections/{_selection}/scoring-runs/{_run}/results/{candidate}";

    private static async Task<string> TextAsync(HttpClient client, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {body}");
        return body;
    }

    /// <summary>Every window of five digits of a NIP: none may appear in a blind view.</summary>
    private static IEnumerable<string> Runs(string nip) => Enumerable.Range(0, nip.Length - 4).Select(i => nip.Substring(i, 5));

    /// <summary>Ids, instants and seals are random or hex; masked so that they cannot match a digit run by chance.</summary>
    private static string WithoutRandomParts(string text) => Seal().Replace(Instant().Replace(Uuid().Replace(text, "<id>"), "<instant>"), "<seal>");

    private void AssertBlind(string view, string what)
    {
        var masked = WithoutRandomParts(view);
        foreach (var (nip, _, _) in _pair)
            foreach (var run in Runs(nip))
                Assert.That(masked, Does.Not.Contain(run), $"{what} carries the NIP digits '{run}'");
    }

    /// <summary>One candidate's view with its own identity (id, code) replaced, to compare the pair.</summary>
    private string AsAnonymous(string view, int index) =>
        Seal().Replace(view.Replace(_pair[index].Candidate.ToString(), "<candidate>", StringComparison.Ordinal)
            .Replace(_pair[index].Code, "<code>", StringComparison.Ordinal), "<seal>");

    [Test]
    public async Task Before_the_reveal_no_committee_view_carries_a_digit_of_the_NIP()
    {
        var shortlist = await TextAsync(_committee, $"/api/v1/selections/{_selection}/shortlist?includeIneligible=true");
        var csv = await TextAsync(_committee, $"/api/v1/selections/{_selection}/shortlist?includeIneligible=true&format=csv");
        using (Assert.EnterMultipleScope())
        {
            AssertBlind(shortlist, "the shortlist JSON");
            AssertBlind(csv, "the shortlist CSV");
            var entries = JsonNode.Parse(shortlist)!["candidates"]!["items"]!.AsArray();
            Assert.That(entries.Select(e => (e!["nip"], e["name"])), Has.All.EqualTo(((JsonNode?)null, (JsonNode?)null)));
            Assert.That(entries.Select(e => ((JsonObject)e!).ContainsKey("maskedNip")), Has.All.False, "no masked form either");
            Assert.That(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[2]),
                Has.All.EqualTo("\"\""), "the CSV's nip column is empty");
        }

        var views = new List<string[]>();
        foreach (var (_, candidate, _) in _pair)
        {
            string[] candidateViews =
            [
                await TextAsync(_committee, ResultUrl(candidate)),
                await TextAsync(_committee, ResultUrl(candidate) + "/rationale"),
                await TextAsync(_committee, ResultUrl(candidate) + "/rationale", "text/markdown"),
                await TextAsync(_committee, ResultUrl(candidate) + "/rationale", "text/plain"),
            ];
            foreach (var view in candidateViews)
                AssertBlind(view, $"a view of {candidate}");
            views.Add(candidateViews);
        }

        // Indistinguishable: the same answers apart from each candidate's own id and code (and the seals that cover them).
        for (var i = 0; i < views[0].Length; i++)
            Assert.That(AsAnonymous(views[1][i], 1), Is.EqualTo(AsAnonymous(views[0][i], 0)), $"view {i} tells the pair apart");
    }

    [Test]
    public async Task After_the_reveal_the_full_NIP_stands_beside_the_name_and_the_decision_carries_none()
    {
        // A selection of its own, so the other test's views stay blind.
        var position = await _hr.CreatePositionAsync([("M-INTEGRITY", 3)]);
        var selection = await _hr.OpenSelectionAsync(position);
        var nip = ApiClient.NewNip();
        var employee = await _hr.CreateEmployeeAsync(nip: nip);
        await _hr.AssessAsync(employee, "M-INTEGRITY", 3);
        await _hr.RateAsync(employee, 2025, "Good");
        await _hr.RateAsync(employee, 2024, "Good");
        var candidate = (await _hr.EnrolAsync(selection, employee))[0];
        var run = await _hr.ScoreAsync(selection);
        using var committee = ApiClient.CreateWithToken(TestTokens.Mint(Roles.Committee, selection));

        var decision = await committee.PostAsJsonAsync($"/api/v1/selections/{selection}/decision",
            new { scoringRunId = run, candidateIds = new[] { candidate } }).ExpectAsync(HttpStatusCode.Created);
        Assert.That(Runs(nip).Where(WithoutRandomParts(decision.ToJsonString()).Contains), Is.Empty, "the decision names the candidate by code");

        await committee.PostAsync($"/api/v1/selections/{selection}/identity-reveal", null).ExpectAsync(HttpStatusCode.OK);
        var entry = (await committee.GetJsonAsync($"/api/v1/selections/{selection}/shortlist"))["candidates"]!["items"]![0]!;
        Assert.That(((string?)entry["nip"], (string?)entry["name"]), Is.EqualTo(((string?)nip, (string?)"Pegawai Uji")));
        var result = await committee.GetJsonAsync($"/api/v1/selections/{selection}/scoring-runs/{run}/results/{candidate}");
        Assert.That(((string?)result["nip"], (string?)result["name"]), Is.EqualTo(((string?)nip, (string?)"Pegawai Uji")));
        var csv = await TextAsync(committee, $"/api/v1/selections/{selection}/shortlist?format=csv");
        Assert.That(csv, Does.Contain($",\"{nip}\",\"Pegawai Uji\","));

        // The auditor's decision file archives the decision without any NIP: the candidate code is the identifier there too.
        using var auditor = ApiClient.CreateWithToken(TestTokens.Mint(Roles.Auditor));
        var file = await TextAsync(auditor, $"/api/v1/selections/{selection}/decision-file");
        Assert.That(file, Does.Not.Contain(nip));
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Instant();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Seal();
}
