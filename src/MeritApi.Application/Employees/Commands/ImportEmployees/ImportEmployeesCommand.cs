using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;

namespace MeritApi.Application.Employees.Commands.ImportEmployees;

/// <summary>
/// Bulk import for nightly HR syncs: employees with their assessments and SKP ratings, upserted by NIP, all rows or
/// none. Re-sending the same batch changes nothing: an identical assessment is not added twice and a rating of a year
/// is only rewritten when it differs.
/// </summary>
public sealed record ImportEmployeesCommand(IReadOnlyList<EmployeeImport> Employees) : Command<ImportSummaryDto>, IAuditedCommand
{
    public static string AuditName => "ImportEmployees";

    public const int MaxRows = 10_000;
}

/// <summary>
/// One employee of an import, with the evidence to add or update. A row without a position leaves the one recorded as it is
/// (an HR system that does not send positions erases none); so does a row without an employment type.
/// </summary>
public sealed record EmployeeImport(
    Nip Nip,
    string Name,
    Grade Grade,
    string Unit,
    IReadOnlyList<AssessmentImport> Assessments,
    IReadOnlyList<RatingImport> PerformanceRatings,
    PositionHeld? CurrentPosition = null,
    EmploymentType? EmploymentType = null);

public sealed record AssessmentImport(string CompetencyCode, int Level, DateOnly AssessedOn, string Assessor);

public sealed record RatingImport(int Year, PerformanceRating Rating);

public sealed record ImportSummaryDto(int Rows, int Created, int Updated, int Unchanged, int AssessmentsAdded, int RatingsRecorded);
