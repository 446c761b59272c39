using System.Globalization;
using System.Text;
using MeritApi.Application.Selections.Queries.GetShortlist;

namespace MeritApi.Api.Rendering;

/// <summary>
/// The shortlist as RFC 4180 CSV with the columns a committee prints. Every field is quoted. Text that a spreadsheet
/// would run as a formula is defused with an apostrophe: a trigger (= + - @, tab, carriage return) at the start of the
/// field and after any separator a spreadsheet may split on (',' ';' tab), since an Indonesian-locale spreadsheet
/// splits on ';' and may ignore the quotes.
/// </summary>
public static class ShortlistCsv
{
    public const string ContentType = "text/csv";

    private static readonly string[] Header =
        ["rank", "candidate_code", "nip", "name", "jpm", "jpm_band", "performance_score", "merit_score", "talent_box", "eligibility"];

    /// <summary>Writes the header and then each line as it is read, so the whole list is never held in memory.</summary>
    public static async Task WriteAsync(IAsyncEnumerable<ShortlistEntryDto> lines, Stream body, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var row = new StringBuilder();
        AppendRow(row, Header);
        await foreach (var e in lines.WithCancellation(cancellationToken))
        {
            AppendRow(row,
            [
                e.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                e.CandidateCode,
                e.Nip ?? string.Empty,
                e.Name ?? string.Empty,
                Number(e.Jpm),
                e.JpmBand.ToString(),
                Number(e.PerformanceScore),
                Number(e.MeritScore),
                e.TalentBox.ToString(CultureInfo.InvariantCulture),
                e.Eligible ? "eligible" : "ineligible: " + string.Join("; ", e.IneligibilityReasons.Select(r => r.Detail)),
            ]);
            await writer.WriteAsync(row, cancellationToken);
            row.Clear();
        }
        await writer.WriteAsync(row, cancellationToken);
    }

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        var field = new StringBuilder(value.Length + 2).Append('"');
        var cellStart = true; // at the start of the field or of a piece a separator may split off (spaces skipped)
        foreach (var c in value)
        {
            if (cellStart && IsFormulaTrigger(c))
                field.Append('\'');
            if (c == '"')
                field.Append('"');
            field.Append(c);
            cellStart = c is ',' or ';' or '\t' || (cellStart && c == ' ');
        }
        return field.Append('"').ToString();
    }

    private static bool IsFormulaTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
