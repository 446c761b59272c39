using System.Globalization;
using System.Text;
using MeritApi.Application.DevelopmentNeeds;
using MeritApi.Application.DevelopmentNeeds.Queries.GetDevelopmentPlan;

namespace MeritApi.Api.Rendering;

/// <summary>The inventory (one row per competency an employee does not meet) and the plan rows (Art. 207) as CSV.</summary>
public static class DevelopmentNeedsCsv
{
    private static readonly string[] InventoryHeader =
        ["nip", "name", "unit", "position_code", "competency_code", "required_level", "assessed_level", "assessed_on", "gap", "kind", "reason"];

    /// <summary>Art. 207's plan: competency, target employees, form, JP; provider, schedule and budget left for the agency to fill in.</summary>
    private static readonly string[] PlanHeader =
        ["competency_code", "competency_name", "kind", "suggested_form", "jp_per_employee", "employee_count", "total_jp", "employee_ids",
         "provider", "schedule", "budget"];

    /// <summary>Writes each employee's rows as the inventory is read.</summary>
    public static async Task WriteInventoryAsync(IAsyncEnumerable<EmployeeDevelopmentNeedsDto> employees, Stream body, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var rows = new StringBuilder();
        Csv.AppendRow(rows, InventoryHeader);
        await foreach (var e in employees.WithCancellation(cancellationToken))
        {
            foreach (var n in e.Needs)
            {
                Csv.AppendRow(rows,
                [
                    e.Nip, e.Name, e.Unit, e.PositionCode, n.CompetencyCode, Number(n.RequiredLevel), n.AssessedLevel is { } a ? Number(a) : string.Empty,
                    n.AssessedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, Number(n.Gap), n.Kind.ToString(), n.Reason,
                ]);
            }
            await writer.WriteAsync(rows, cancellationToken);
            rows.Clear();
        }
        await writer.WriteAsync(rows, cancellationToken);
    }

    public static async Task WritePlanAsync(DevelopmentPlan plan, Stream body, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var rows = new StringBuilder();
        Csv.AppendRow(rows, PlanHeader);
        foreach (var r in plan.Rows)
        {
            Csv.AppendRow(rows,
            [
                r.CompetencyCode, r.CompetencyName, r.Kind.ToString(), r.SuggestedForm?.ToString() ?? string.Empty, Number(r.JpPerEmployee),
                Number(r.EmployeeCount), Number(r.TotalJp), string.Join(' ', r.EmployeeIds), string.Empty, string.Empty, string.Empty,
            ]);
            await writer.WriteAsync(rows, cancellationToken);
            rows.Clear();
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
