using System.Net;
using System.Xml.Linq;
using MeritApi.Api.Infrastructure;

namespace MeritApi.Api.Tests.Rendering;

/// <summary>
/// The nine-box picture of a scoring run (<c>…/scoring-runs/{runId}/talent-grid</c>), read as XML and shown in headless
/// chromium: every candidate in the box the run gave them, counts per box, codes blind before the reveal and with names
/// after it, the talent pool shaded, the axes in English and Indonesian.
/// </summary>
public sealed class TalentGridSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private CommitteeDocumentsScenario _scenario = null!;
    private Dictionary<string, int> _boxOfCode = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _scenario = await CommitteeDocumentsScenario.GetAsync();
        var shortlist = await _scenario.Committee.GetJsonAsync(
            $"/api/v1/selections/{_scenario.Selection}/shortlist?includeIneligible=true&pageSize=100");
        _boxOfCode = shortlist["candidates"]!["items"]!.AsArray().ToDictionary(e => (string)e!["candidateCode"]!, e => (int)e!["talentBox"]!);
    }

    private static Dictionary<int, XElement> Boxes(string svg) =>
        XDocument.Parse(svg).Descendants(Svg + "g").Where(g => g.Attribute("data-box") is not null)
            .ToDictionary(g => (int)g.Attribute("data-box")!, g => g);

    [Test]
    public void It_is_an_svg_image_of_the_nine_boxes_each_counting_the_candidates_the_run_put_there()
    {
        var grid = _scenario.Blind.Grid;
        Assert.That(grid.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(grid.ContentType, Does.StartWith("image/svg+xml"));
        var boxes = Boxes(grid.Body);
        Assert.That(boxes.Keys, Is.EquivalentTo(Enumerable.Range(1, 9)));
        var expected = _boxOfCode.GroupBy(b => b.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(_boxOfCode, Has.Count.EqualTo(CommitteeDocumentsScenario.Candidates));
        Assert.That(expected.Keys, Has.Count.GreaterThanOrEqualTo(4), "the scenario spreads candidates over several boxes");
        foreach (var (number, box) in boxes)
        {
            Assert.That((int)box.Attribute("data-count")!, Is.EqualTo(expected.GetValueOrDefault(number)), $"box {number}");
            Assert.That(box.Attribute("data-talent-pool")?.Value, Is.EqualTo(number >= 7 ? "true" : null), $"box {number}");
        }
    }

    [Test]
    public void Each_box_lists_its_candidates_codes_blind_until_the_reveal_and_with_names_after_it()
    {
        foreach (var (number, box) in Boxes(_scenario.Blind.Grid.Body))
        {
            var listed = box.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "code").Select(t => t.Value).ToList();
            var members = _boxOfCode.Where(b => b.Value == number).Select(b => b.Key).ToList();
            Assert.That(listed, Has.Count.EqualTo(Math.Min(members.Count, 8)), $"box {number}");
            Assert.That(listed, Is.SubsetOf(members), $"box {number}: codes only, no names");
            if (members.Count > 8)
                Assert.That(box.Value, Does.Contain($"+{members.Count - 8} more"));
        }
        Assert.That(_scenario.Blind.Grid.Body, Does.Not.Contain("Pegawai Ekspor"));
        var revealed = Boxes(_scenario.Revealed.Grid.Body).Values.SelectMany(b => b.Elements(Svg + "text"))
            .Where(t => (string?)t.Attribute("class") == "code").Select(t => t.Value).ToList();
        Assert.That(revealed, Is.Not.Empty);
        foreach (var line in revealed)
        {
            var code = line.Split(" · ")[0];
            Assert.That(line, Is.EqualTo($"{code} · {_scenario.NameOfCode[code]}"));
        }
    }

    [Test]
    public async Task In_a_browser_the_axes_read_in_english_and_indonesian_and_the_talent_pool_is_shaded()
    {
        var url = HeadlessChromium.SaveAsFile(_scenario.Blind.Grid.Body, "svg");
        var dom = await HeadlessChromium.DumpDomAsync(url);
        foreach (var label in (string[])["Performance · Kinerja", "Potential · Potensial", "Above expectation", "Di atas ekspektasi", "Sesuai ekspektasi",
                     "Di bawah ekspektasi", "High · Tinggi", "Medium · Menengah", "Low · Rendah", "kelompok rencana suksesi"])
            Assert.That(System.Net.WebUtility.HtmlDecode(dom), Does.Contain(label));

        var png = await HeadlessChromium.ScreenshotAsync(url, 800, 680);
        await TestContext.Out.WriteLineAsync($"screenshot: {png.Path}");
        TestContext.AddTestAttachment(png.Path, "the nine-box as chromium draws it");
        Assert.That(png.DistinctColours(), Is.GreaterThan(20), "not a blank picture");
        // Bottom-right corner of each box (no text there): boxes 7–9 green, the others grey. Column = performance, row =
        // potential from the top: box 9 top right, 1 bottom left (PermenPANRB 3/2020).
        int[,] layout = { { 6, 8, 9 }, { 3, 5, 7 }, { 1, 2, 4 } };
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                var colour = png[150 + column * 210 + 195, 70 + row * 170 + 160];
                var expected = layout[row, column] >= 7 ? ((byte)0xd9, (byte)0xf0, (byte)0xd3) : ((byte)0xf4, (byte)0xf4, (byte)0xf4);
                Assert.That(colour, Is.EqualTo(expected), $"box {layout[row, column]}");
            }
        }
    }

    [Test]
    public async Task An_unknown_run_is_a_404_and_another_selections_committee_is_refused()
    {
        await _scenario.Committee.GetAsync($"/api/v1/selections/{_scenario.Selection}/scoring-runs/{Guid.NewGuid()}/talent-grid")
            .ExpectProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        using var stranger = ApiClient.CreateWithToken(TestTokens.Mint([MeritApi.Api.Security.Roles.Committee], [Guid.NewGuid()]));
        using var refused = await stranger.GetAsync($"/api/v1/selections/{_scenario.Selection}/scoring-runs/{_scenario.Run}/talent-grid");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
