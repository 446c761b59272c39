using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Employees.Commands.ImportEmployees;

/// <summary>
/// Bulk import for nightly HR syncs: employees with their assessments and SKP ratings, upserted by NIP, all rows or
/// none. Re-sending the same batch changes nothing: an identical assessment is not added twice and a rating of a year
/// is only rewritten when it differs.
/// </summary>
public sealed record ImportEmployeesCommand(IReadOnlyList<EmployeeImportRow>? Employees) : Command<ImportSummaryDto>, IAuditedCommand
{
    public static string AuditName => "ImportEmployees";

    public const int MaxRows = 10_000;
}

public sealed record EmployeeImportRow(
    string? Nip,
    string? Name,
    string? Grade,
    string? Unit,
    IReadOnlyList<AssessmentImportRow>? Assessments,
    IReadOnlyList<RatingImportRow>? PerformanceRatings);

public sealed record AssessmentImportRow(string? CompetencyCode, int? Level, DateOnly? AssessedOn, string? Assessor);

/// <summary>The rating is read as text so a misspelt one is reported on its row with the others, not as an unreadable body.</summary>
public sealed record RatingImportRow(int? Year, string? Rating);

public sealed record ImportSummaryDto(int Rows, int Created, int Updated, int Unchanged, int AssessmentsAdded, int RatingsRecorded);
