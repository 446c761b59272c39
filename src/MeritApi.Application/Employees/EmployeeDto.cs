using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees;

/// <summary>The HR-system view of an employee (full NIP). Committee views never use this.</summary>
/// <summary>An employee; the position held and since when only when the HR system said.</summary>
public sealed record EmployeeDto(Guid Id, string Nip, string Name, string Grade, string Unit, Guid? CurrentPositionId, DateOnly? InPositionSince,
    EmploymentType? EmploymentType)
{
    public static EmployeeDto From(Employee e) =>
        new(e.Id, e.Nip.Value, e.Name, e.Grade.ToString(), e.Unit, e.CurrentPositionId, e.InPositionSince, e.EmploymentType);
}

public sealed record CompetencyAssessmentDto(Guid Id, string CompetencyCode, int Level, DateOnly AssessedOn, string Assessor, DateTimeOffset RecordedAt)
{
    public static CompetencyAssessmentDto From(CompetencyAssessment a) =>
        new(a.Id, a.CompetencyCode, a.Level, a.AssessedOn, a.Assessor, a.RecordedAt);
}

public sealed record PerformanceRatingDto(int Year, PerformanceRating Rating, DateTimeOffset RecordedAt)
{
    public static PerformanceRatingDto From(AnnualPerformanceRating r) => new(r.Year, r.Rating, r.RecordedAt);
}

/// <summary>An employee with all recorded merit evidence, newest first.</summary>
public sealed record EmployeeDetailsDto(
    Guid Id, string Nip, string Name, string Grade, string Unit, Guid? CurrentPositionId, DateOnly? InPositionSince, EmploymentType? EmploymentType,
    IReadOnlyList<CompetencyAssessmentDto> Assessments,
    IReadOnlyList<PerformanceRatingDto> PerformanceRatings);
