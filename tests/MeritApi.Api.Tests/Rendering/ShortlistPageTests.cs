using System.Net;
using System.Text.RegularExpressions;

namespace MeritApi.Api.Tests.Rendering;

/// <summary>
/// The printable shortlist (<c>?format=html</c> or <c>Accept: text/html</c>) as headless chromium builds and prints it:
/// the heading (reference, position, policy, run), every ranked line in order, the ineligible with their reasons, the
/// robustness, the signature block; blind before the reveal; a non-blank screenshot and a PDF.
/// </summary>
public sealed class ShortlistPageTests
{
    private CommitteeDocumentsScenario _scenario = null!;
    private string _blindDom = null!;
    private string _revealedDom = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _scenario = await CommitteeDocumentsScenario.GetAsync();
        _blindDom = WebUtility.HtmlDecode(await HeadlessChromium.DumpDomAsync(HeadlessChromium.SaveAsFile(_scenario.Blind.Page.Body, "html")));
        _revealedDom = WebUtility.HtmlDecode(await HeadlessChromium.DumpDomAsync(HeadlessChromium.SaveAsFile(_scenario.Revealed.Page.Body, "html")));
    }

    /// <summary>The text of each cell of each body row of a table, as the browser built it.</summary>
    private static List<string[]> Rows(string dom, string tableId) =>
        [.. Regex.Matches(Regex.Match(dom, $"<table id=\"{tableId}\">.*?</table>", RegexOptions.Singleline).Value, "<tr[^>]*>(.*?)</tr>",
            RegexOptions.Singleline).Skip(1).Select(row => Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
            .Select(cell => Regex.Replace(cell.Groups[1].Value, "<[^>]+>", " ").Trim()).ToArray())];

    [Test]
    public void The_page_is_html_shown_inline_and_accept_text_html_gives_the_same_page()
    {
        Assert.That(_scenario.Blind.Page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_scenario.Blind.Page.ContentType, Does.StartWith("text/html"));
        Assert.That(_scenario.Blind.Page.Disposition, Is.Null, "a page to show, not a download");
        Assert.That(_scenario.Blind.PageByAccept.Body, Is.EqualTo(_scenario.Blind.Page.Body));
    }

    [Test]
    public async Task The_heading_names_the_selection_position_policy_and_run()
    {
        var run = await _scenario.Committee.GetJsonAsync($"/api/v1/selections/{_scenario.Selection}/scoring-runs/{_scenario.Run}");
        Assert.That(_blindDom, Does.Contain($"Shortlist {CommitteeDocumentsScenario.Reference} — run 2"));
        Assert.That(_blindDom, Does.Contain("Kepala Bagian Uji"));
        Assert.That(_blindDom, Does.Contain($"version {(int)run["policyVersion"]!}: competence weight"));
        Assert.That(_blindDom, Does.Contain((string)run["resultsDigest"]!));
        Assert.That(_blindDom, Does.Contain($"{CommitteeDocumentsScenario.Candidates} candidates, {CommitteeDocumentsScenario.Candidates - CommitteeDocumentsScenario.Ineligible} eligible"));
    }

    [Test]
    public async Task Every_ranked_candidate_is_a_line_in_rank_order_though_a_json_page_holds_five()
    {
        var json = await _scenario.Committee.GetJsonAsync($"/api/v1/selections/{_scenario.Selection}/shortlist?pageSize=100");
        var expected = json["candidates"]!["items"]!.AsArray()
            .Select(e => (((int)e!["rank"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)e["candidateCode"]!,
                ((decimal)e["meritScore"]!).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        var rows = Rows(_blindDom, "ranked");
        Assert.That(rows, Has.Count.EqualTo(CommitteeDocumentsScenario.Candidates - CommitteeDocumentsScenario.Ineligible));
        Assert.That(rows.Select(r => (r[0], r[1], r[5])), Is.EqualTo(expected));
    }

    [Test]
    public void The_ineligible_are_listed_with_their_reasons()
    {
        var rows = Rows(_blindDom, "ineligible");
        Assert.That(rows, Has.Count.EqualTo(CommitteeDocumentsScenario.Ineligible));
        Assert.That(rows.Select(r => r[^1]), Has.All.Contain("2025"), "each says the 2025 rating is missing");
    }

    [Test]
    public void The_robustness_and_a_signature_block_for_the_minutes_are_on_the_page()
    {
        Assert.That(_blindDom, Does.Match(@"The best 6 stay the same set for every competence weight strictly between 0\.\d{4} and [01]\.\d{4}"));
        Assert.That(_blindDom, Does.Contain("is a near tie"));
        Assert.That(_blindDom, Does.Contain("Signatures (berita acara)").And.Contain("Chair (Ketua)").And.Contain("Secretary (Sekretaris)"));
    }

    [Test]
    public void Blind_the_page_has_no_name_or_nip_and_after_the_reveal_every_name_is_on_it()
    {
        Assert.That(_blindDom, Does.Not.Contain("Pegawai Ekspor").And.Not.Contain("<th>NIP</th>"));
        Assert.That(_blindDom, Does.Contain("blind: candidate codes only"));
        foreach (var name in _scenario.NameOfCode.Values)
            Assert.That(_revealedDom, Does.Contain(name));
        Assert.That(_revealedDom, Does.Contain("<th>NIP</th>"));
    }

    [Test]
    public async Task Chromium_draws_a_non_blank_page_and_prints_it_to_pdf()
    {
        var url = HeadlessChromium.SaveAsFile(_scenario.Revealed.Page.Body, "html");
        var png = await HeadlessChromium.ScreenshotAsync(url, 1200, 900);
        TestContext.AddTestAttachment(png.Path, "the printable shortlist as chromium draws it");
        await TestContext.Out.WriteLineAsync($"screenshot: {png.Path}");
        Assert.That(png.DistinctColours(), Is.GreaterThan(20), "not a blank page");
        Assert.That(png[5, 5], Is.EqualTo(((byte)255, (byte)255, (byte)255)), "white paper");

        var pdf = await HeadlessChromium.PrintToPdfAsync(url);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.That(text, Does.StartWith("%PDF-"));
        Assert.That(Regex.Count(text, @"/Type\s*/Page\b"), Is.GreaterThanOrEqualTo(2), "60 lines and the signatures take pages");
    }
}
