using System.Globalization;
using System.Text;
using MeritApi.Application.Selections.Queries.GetShortlist;

namespace MeritApi.Api.Rendering;

/// <summary>
/// The shortlist as RFC 4180 CSV with the columns a committee prints. Fields are quoted when they hold a comma,
/// quote or line break; text that a spreadsheet would run as a formula is defused with a leading apostrophe.
/// </summary>
public static class ShortlistCsv
{
    public const string ContentType = "text/csv";

    private static readonly string[] Header =
        ["rank", "candidate_code", "nip", "name", "jpm", "jpm_band", "performance_score", "merit_score", "talent_box", "eligibility"];

    public static string Render(ShortlistDto shortlist)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var e in shortlist.Candidates.Items)
        {
            AppendRow(csv,
            [
                e.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                e.CandidateCode,
                e.MaskedNip,
                e.Name ?? string.Empty,
                Number(e.Jpm),
                e.JpmBand.ToString(),
                Number(e.PerformanceScore),
                Number(e.MeritScore),
                e.TalentBox.ToString(CultureInfo.InvariantCulture),
                e.Eligible ? "eligible" : "ineligible: " + string.Join("; ", e.IneligibilityReasons.Select(r => r.Detail)),
            ]);
        }
        return csv.ToString();
    }

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
