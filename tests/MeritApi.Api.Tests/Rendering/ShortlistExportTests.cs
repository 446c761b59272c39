using System.Net;
using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Tests.Rendering;

/// <summary>
/// The CSV carries every line the request selects, whatever the JSON page size, as a download named after the selection's
/// reference and the run; an unknown format is refused by name.
/// </summary>
public sealed class ShortlistExportTests
{
    private CommitteeDocumentsScenario _scenario = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync() => _scenario = await CommitteeDocumentsScenario.GetAsync();

    [Test]
    public void The_csv_holds_all_60_candidates_though_a_json_page_holds_five()
    {
        var csv = _scenario.Blind.Csv;
        Assert.That(csv.Status, Is.EqualTo(HttpStatusCode.OK));
        var table = StrictCsv.Parse(csv.Body);
        Assert.That(table, Has.Count.EqualTo(1 + CommitteeDocumentsScenario.Candidates));
        Assert.That(table.Skip(1).Select(r => r[1]), Is.EquivalentTo(_scenario.NameOfCode.Keys));
        Assert.That(table.Skip(1).Count(r => r[9].StartsWith("ineligible", StringComparison.Ordinal)),
            Is.EqualTo(CommitteeDocumentsScenario.Ineligible));
    }

    [Test]
    public void The_download_is_named_after_the_reference_and_the_run()
    {
        Assert.That(_scenario.Blind.Csv.Disposition, Is.EqualTo("attachment"));
        Assert.That(_scenario.Blind.Csv.FileName, Is.EqualTo("shortlist-SEL-2026-EXP-7-run-2.csv"));
    }

    [Test]
    public async Task Top_selects_the_csv_lines_as_it_selects_the_json_ones()
    {
        using var response = await _scenario.Committee.GetAsync($"/api/v1/selections/{_scenario.Selection}/shortlist?top=3&format=csv");
        var ranks = StrictCsv.Parse(await response.Content.ReadAsStringAsync()).Skip(1).Select(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(ranks, Is.Not.Empty.And.All.InRange(1, 3));
    }

    [Test]
    public async Task An_unknown_format_is_a_400_naming_the_field()
    {
        var problem = await _scenario.Committee.GetAsync($"/api/v1/selections/{_scenario.Selection}/shortlist?format=pdf")
            .ExpectProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "format" }));
    }
}
