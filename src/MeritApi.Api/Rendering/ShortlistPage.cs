using System.Globalization;
using System.Text.Encodings.Web;
using MeritApi.Application.Selections.Queries.ExportShortlist;
using MeritApi.Application.Selections.Queries.GetShortlist;
using MeritApi.Domain.Scoring;

namespace MeritApi.Api.Rendering;

/// <summary>
/// The shortlist as a printable HTML page for the committee's minutes (berita acara): what was selected for, under which
/// policy and run, the ranked table, the ineligible with their reasons, how firm the ranking is, and a signature block.
/// Self-contained (inline CSS, no script, no external resource), so that it prints or saves as PDF as it is shown; the
/// lines are written as they are read. Every text from the database is HTML-encoded.
/// </summary>
public static class ShortlistPage
{
    public const string ContentType = "text/html";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;color:#111;margin:24px}
        h1{font-size:16pt;margin:0 0 4px} h2{font-size:12pt;margin:18px 0 6px}
        dl.heading{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}
        dl.heading dt{font-weight:bold} dl.heading dd{margin:0}
        table{border-collapse:collapse;width:100%} th,td{border:1px solid #777;padding:3px 6px;text-align:left;vertical-align:top}
        th{background:#e8e8e8} td.num{text-align:right;font-variant-numeric:tabular-nums}
        tr.near-tie td{background:#fff4d6} .note{color:#444;font-size:9.5pt}
        table.signatures td{height:72px;width:33%;vertical-align:bottom;border:1px solid #777}
        @media print{body{margin:0} thead{display:table-header-group} tr{page-break-inside:avoid} .signatures{page-break-inside:avoid}}
        @page{size:A4 landscape;margin:14mm}
        """;

    public static async Task WriteAsync(ShortlistExport export, Stream body, CancellationToken cancellationToken)
    {
        var h = export.Heading;
        await using var w = new StreamWriter(body, new System.Text.UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var title = $"Shortlist {h.Reference ?? h.SelectionId.ToString()} — run {h.RunSequence}";
        await w.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(title)}</title><style>{Style}</style></head>
            <body>
            <h1>{E(title)}</h1>
            <p class="note">Daftar peringkat (shortlist) — {(h.IdentitiesRevealed ? "identities revealed by the committee" : "blind: candidate codes only, names withheld until the committee reveals them")}</p>
            <dl class="heading">
            <dt>Selection</dt><dd>{E(h.Reference ?? "(no reference)")} · {E(h.Kind.ToString())} · {h.Places} place(s) · {h.SelectionId}</dd>
            <dt>Position</dt><dd>{E(h.PositionCode)} — {E(h.PositionTitle)}</dd>
            <dt>Policy</dt><dd>version {h.PolicyVersion}: competence weight {N(h.CompetenceWeight)}, performance weight {N(h.PerformanceWeight)}</dd>
            <dt>Scoring run</dt><dd>{h.RunSequence}, scored {h.ScoredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} · {h.CandidateCount} candidates, {h.EligibleCount} eligible · {h.ScoringRunId}</dd>
            <dt>Results digest</dt><dd><code>{E(h.ResultsDigest)}</code></dd>
            <dt>Listed</dt><dd>{(h.Top is { } top ? $"ranks 1 to {top} (ties at the boundary kept)" : "every ranked candidate")}</dd>
            </dl>
            <h2>Ranked candidates</h2>
            <table id="ranked"><thead><tr><th>Rank</th><th>Code</th>{(h.IdentitiesRevealed ? "<th>NIP</th><th>Name</th>" : "")}<th>JPM</th><th>Band</th><th>Performance</th><th>Merit score</th><th>Gap to next</th><th>Box</th></tr></thead>
            <tbody>

            """.AsMemory(), cancellationToken);

        var ineligible = new List<ShortlistEntryDto>();
        var ranked = 0;
        await foreach (var e in export.Lines.WithCancellation(cancellationToken))
        {
            if (!e.Eligible)
            {
                ineligible.Add(e); // the unranked come after the ranked, and are few
                continue;
            }
            ranked++;
            await w.WriteAsync($"""<tr{(e.NearTie ? " class=\"near-tie\"" : "")}><td class="num">{e.Rank}</td><td>{E(e.CandidateCode)}</td>{(h.IdentitiesRevealed ? $"<td>{E(e.Nip ?? "")}</td><td>{E(e.Name ?? "")}</td>" : "")}<td class="num">{N(e.Jpm)}</td><td>{e.JpmBand}</td><td class="num">{N(e.PerformanceScore)}</td><td class="num">{N(e.MeritScore)}</td><td class="num">{(e.GapToNextRank is { } g ? N(g) : "—")}{(e.NearTie ? " (near tie)" : "")}</td><td class="num">{e.TalentBox}</td></tr>{"\n"}""".AsMemory(), cancellationToken);
        }
        await w.WriteAsync($"""
            </tbody></table>
            <p class="note">{ranked} ranked candidate(s) listed. A gap to the next rank below {N(h.NearTieThreshold)} points is a near tie (highlighted).</p>

            """.AsMemory(), cancellationToken);

        await w.WriteAsync(IneligibleSection(h, ineligible).AsMemory(), cancellationToken);
        await w.WriteAsync(RobustnessSection(h).AsMemory(), cancellationToken);
        await w.WriteAsync("""
            <h2>Signatures (berita acara)</h2>
            <table class="signatures"><tr><td>Chair (Ketua)<br><br>Name / NIP:</td><td>Member (Anggota)<br><br>Name / NIP:</td><td>Secretary (Sekretaris)<br><br>Name / NIP:</td></tr></table>
            <p class="note">Place and date (tempat dan tanggal): ____________________</p>
            </body></html>

            """.AsMemory(), cancellationToken);
    }

    private static string IneligibleSection(ShortlistHeading h, List<ShortlistEntryDto> ineligible)
    {
        var notEligible = h.CandidateCount - h.EligibleCount;
        if (ineligible.Count == 0)
        {
            return notEligible == 0 ? "<h2>Ineligible candidates</h2><p>None.</p>\n"
                : $"<h2>Ineligible candidates</h2><p>{notEligible} ineligible candidate(s) not listed (ask with includeIneligible=true).</p>\n";
        }
        var rows = string.Concat(ineligible.Select(e =>
            $"<tr><td>{E(e.CandidateCode)}</td>{(h.IdentitiesRevealed ? $"<td>{E(e.Nip ?? "")}</td><td>{E(e.Name ?? "")}</td>" : "")}<td><ul>{string.Concat(e.IneligibilityReasons.Select(r => $"<li>{E(r.Detail)}</li>"))}</ul></td></tr>\n"));
        return $"""
            <h2>Ineligible candidates</h2>
            <table id="ineligible"><thead><tr><th>Code</th>{(h.IdentitiesRevealed ? "<th>NIP</th><th>Name</th>" : "")}<th>Reasons</th></tr></thead><tbody>
            {rows}</tbody></table>

            """;
    }

    private static string RobustnessSection(ShortlistHeading h)
    {
        if (h.WeightSensitivity is not { } s)
            return "<h2>Robustness</h2><p>Not computed for this run (scored before rank robustness was recorded).</p>\n";
        string Bound(string side, decimal bound, WeightCrossing? c) => c is null
            ? $"{side}: {N4(bound)} (the end of the scale: no crossing)"
            : $"{side}: {N4(bound)} (exactly {E(c.Exact)}), where {E(c.EnteringCode)} enters and {E(c.LeavingCode)} leaves";
        return $"""
            <h2>Robustness</h2>
            <p id="sensitivity">The best {s.BestCount} stay the same set for every competence weight strictly between {N4(s.Lower)} and {N4(s.Upper)} (the policy's is {N4(s.PolicyWeight)}).</p>
            <ul><li>{Bound("Lower bound", s.Lower, s.LowerCrossing)}</li>
            <li>{Bound("Upper bound", s.Upper, s.UpperCrossing)}</li></ul>

            """;
    }

    private static string E(string text) => Html.Encode(text);

    private static string N(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string N4(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
