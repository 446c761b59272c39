using System.Globalization;
using System.Text;
using MeritApi.Application.Selections.Queries.GetShortlist;

namespace MeritApi.Api.Rendering;

/// <summary>
/// The shortlist as CSV (<see cref="Csv"/>) with the columns a committee prints.
/// </summary>
public static class ShortlistCsv
{
    public const string ContentType = Csv.ContentType;

    private static readonly string[] Header =
        ["rank", "candidate_code", "nip", "name", "jpm", "jpm_band", "performance_score", "merit_score", "talent_box", "eligibility"];

    /// <summary>Writes the header and then each line as it is read, so the whole list is never held in memory.</summary>
    public static async Task WriteAsync(IAsyncEnumerable<ShortlistEntryDto> lines, Stream body, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var row = new StringBuilder();
        Csv.AppendRow(row, Header);
        await foreach (var e in lines.WithCancellation(cancellationToken))
        {
            Csv.AppendRow(row,
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
}
