using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MeritApi.Application.Selections.Queries.ExportShortlist;
using MeritApi.Domain.Scoring;

namespace MeritApi.Api.Rendering;

/// <summary>
/// The nine-box talent grid as SVG (of a scoring run, or of a talent-mapping run): potential up the side, performance along
/// the bottom, each box with its PermenPANRB 3/2020 number, how many fall in it and who (a selection's candidates by code, with
/// names only after the committee's reveal; a mapping's employees by NIP and name); the talent pool (boxes 7–9) is shaded. Axis labels in English and Indonesian. A box lists at most
/// <see cref="CodesPerBox"/> codes and says how many more there are, so a national run still draws a readable picture.
/// </summary>
public static class TalentGridSvg
{
    public const string ContentType = "image/svg+xml";
    public const int CodesPerBox = 8;

    private const int Cell = 210, CellHeight = 170, Left = 150, Top = 70;
    private static readonly HtmlEncoder Xml = HtmlEncoder.Default;

    /// <summary>A selection's run: candidates by code (and name after the reveal).</summary>
    public static Task<string> RenderAsync(ShortlistExport export, CancellationToken cancellationToken)
    {
        var h = export.Heading;
        return RenderAsync($"{h.Reference ?? h.SelectionId.ToString()}, run {h.RunSequence}",
            $"{h.Reference ?? ""} {h.PositionCode} — {h.PositionTitle} · run {h.RunSequence} · {h.CandidateCount} candidates{(h.IdentitiesRevealed ? "" : " · blind")}",
            export.Lines.Select(e => (e.TalentBox, e.Name is null ? e.CandidateCode : $"{e.CandidateCode} · {e.Name}")), cancellationToken);
    }

    /// <summary>Any population on the grid: each entry's box and the label it is listed by.</summary>
    public static async Task<string> RenderAsync(string title, string subtitle, IAsyncEnumerable<(int Box, string Label)> entries,
        CancellationToken cancellationToken)
    {
        var counts = new int[10];
        var labels = Enumerable.Range(0, 10).Select(_ => new List<string>()).ToArray();
        await foreach (var (box, label) in entries.WithCancellation(cancellationToken))
        {
            counts[box]++;
            if (labels[box].Count < CodesPerBox)
                labels[box].Add(label);
        }

        var width = Left + 3 * Cell + 20;
        var height = Top + 3 * CellHeight + 100;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-labelledby="title">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="title">Nine-box talent grid (kotak manajemen talenta), {E(title)}</title>""");
        svg.Append("""<rect width="100%" height="100%" fill="#ffffff"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="28" font-size="18" font-weight="bold">Nine-box talent grid · Kotak manajemen talenta</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="50" font-size="12">{E(subtitle)}</text>""");

        foreach (var potential in new[] { Potential.High, Potential.Medium, Potential.Low })
        {
            foreach (var performance in new[] { PerformanceLevel.BelowExpectation, PerformanceLevel.MeetsExpectation, PerformanceLevel.AboveExpectation })
            {
                var box = TalentBox.Of(potential, performance);
                var x = Left + ((int)performance - 1) * Cell;
                var y = Top + (3 - (int)potential) * CellHeight;
                var n = box.Number;
                svg.Append(CultureInfo.InvariantCulture, $"""<g class="box" data-box="{n}" data-count="{counts[n]}"{(box.InTalentPool ? " data-talent-pool=\"true\"" : "")}>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{Cell}" height="{CellHeight}" fill="{(box.InTalentPool ? "#d9f0d3" : "#f4f4f4")}" stroke="#555" stroke-width="{(box.InTalentPool ? 2.5 : 1)}"/>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 10}" y="{y + 28}" font-size="22" font-weight="bold">{n}</text>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + Cell - 10}" y="{y + 28}" font-size="16" text-anchor="end">{counts[n]}</text>""");
                for (var i = 0; i < labels[n].Count; i++)
                    svg.Append(CultureInfo.InvariantCulture, $"""<text class="code" x="{x + 10}" y="{y + 50 + i * 14}" font-size="11">{E(Shorten(labels[n][i]))}</text>""");
                if (counts[n] > labels[n].Count)
                    svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 10}" y="{y + 50 + labels[n].Count * 14}" font-size="11" font-style="italic">+{counts[n] - labels[n].Count} more</text>""");
                svg.Append("</g>");
            }
        }

        // Axes: performance (kinerja) along the bottom, potential (potensial) up the side.
        (string English, string Indonesian)[] performanceLabels =
            [("Below expectation", "Di bawah ekspektasi"), ("Meets expectation", "Sesuai ekspektasi"), ("Above expectation", "Di atas ekspektasi")];
        for (var i = 0; i < 3; i++)
        {
            var (english, indonesian) = performanceLabels[i];
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left + i * Cell + Cell / 2}" y="{Top + 3 * CellHeight + 18}" font-size="11" text-anchor="middle">{english}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left + i * Cell + Cell / 2}" y="{Top + 3 * CellHeight + 32}" font-size="11" font-style="italic" text-anchor="middle">{indonesian}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left + 3 * Cell / 2}" y="{Top + 3 * CellHeight + 54}" font-size="14" font-weight="bold" text-anchor="middle">Performance · Kinerja</text>""");
        string[] potentialLabels = ["High · Tinggi", "Medium · Menengah", "Low · Rendah"];
        for (var i = 0; i < 3; i++)
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 10}" y="{Top + i * CellHeight + CellHeight / 2}" font-size="11" text-anchor="end">{potentialLabels[i]}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text transform="translate(24 {Top + 3 * CellHeight / 2}) rotate(-90)" font-size="14" font-weight="bold" text-anchor="middle">Potential · Potensial</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{height - 24}" width="14" height="14" fill="#d9f0d3" stroke="#555" stroke-width="2.5"/><text x="{Left + 20}" y="{height - 12}" font-size="12">Talent pool, boxes 7–9 (kelompok rencana suksesi)</text>""");
        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..29] + "…";

    private static string E(string text) => Xml.Encode(text);
}
