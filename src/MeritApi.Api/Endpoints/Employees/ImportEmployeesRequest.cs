using FluentValidation;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Employees.Commands.ImportEmployees;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>POST /api/v1/employees/import</c>: up to <see cref="ImportEmployeesCommand.MaxRows"/> employees.</summary>
public sealed record ImportEmployeesRequest(IReadOnlyList<EmployeeImportRow>? Employees)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static ImportEmployeesRequest Example => new([new("198503152010011002", "Siti Rahmawati", "III/d", "Biro Kepegawaian", [new("M-INTEGRITY", 4, new DateOnly(2025, 6, 2), "Pusat Penilaian Kompetensi ASN")], [new(2025, "VeryGood"), new(2024, "Good")],
        new Guid("0196a000-0000-7000-8000-0000000000a1"), new DateOnly(2023, 1, 2), EmploymentType.Pns)]);

    /// <summary>Only after <see cref="ImportEmployeesRequestValidator"/> has passed.</summary>
    public ImportEmployeesCommand ToCommand() => new([.. Employees!.Select(row => row.ToImport())]);
}

public sealed record EmployeeImportRow(
    string? Nip,
    string? Name,
    string? Grade,
    string? Unit,
    IReadOnlyList<AssessmentImportRow>? Assessments,
    IReadOnlyList<RatingImportRow>? PerformanceRatings,
    Guid? CurrentPositionId = null,
    DateOnly? InPositionSince = null,
    EmploymentType? EmploymentType = null)
{
    internal EmployeeImport ToImport() => new(Domain.Employees.Nip.Parse(Nip!), Name!, Domain.Positions.Grade.Parse(Grade!), Unit!,
        [.. (Assessments ?? []).Select(a => new AssessmentImport(a.CompetencyCode!, a.Level!.Value, a.AssessedOn!.Value, a.Assessor!))],
        [.. (PerformanceRatings ?? []).Select(r => new RatingImport(r.Year!.Value, Enum.Parse<PerformanceRating>(r.Rating!)))],
        CurrentPositionId is { } position ? new PositionHeld(position, InPositionSince) : null, EmploymentType);
}

public sealed record AssessmentImportRow(string? CompetencyCode, int? Level, DateOnly? AssessedOn, string? Assessor);

/// <summary>The rating is read as text so a misspelt one is reported on its row with the others, not as an unreadable body.</summary>
public sealed record RatingImportRow(int? Year, string? Rating);

/// <summary>Validates every row, so one answer lists every bad row by index and field.</summary>
internal sealed class ImportEmployeesRequestValidator : AbstractValidator<ImportEmployeesRequest>
{
    public const int MaxEvidencePerRow = 200;

    public ImportEmployeesRequestValidator(TimeProvider clock)
    {
        var today = clock.Today();
        RuleFor(c => c.Employees).NotEmpty()
            .Must(rows => rows is null || rows.Count <= ImportEmployeesCommand.MaxRows)
            .WithMessage($"At most {ImportEmployeesCommand.MaxRows} employees per call; split the batch.");
        RuleForEach(c => c.Employees).NotNull().ChildRules(row =>
        {
            row.RuleFor(r => r.Nip).ValidNip();
            row.RuleFor(r => r.Name).RequiredText(Employee.NameMaxLength);
            row.RuleFor(r => r.Grade).NotEmpty().ValidGrade();
            row.RuleFor(r => r.Unit).RequiredText(Employee.UnitMaxLength);
            row.IncludePositionHeld(r => r.CurrentPositionId, r => r.InPositionSince, today);
            row.RuleFor(r => r.EmploymentType).IsInEnum();
            row.RuleFor(r => r.Assessments).Must(a => a is null || a.Count <= MaxEvidencePerRow)
                .WithMessage($"At most {MaxEvidencePerRow} assessments per employee per call.");
            row.RuleForEach(r => r.Assessments).NotNull().ChildRules(a =>
            {
                a.RuleFor(x => x.CompetencyCode).ValidCompetencyCode();
                a.RuleFor(x => x.Level).ValidCompetencyLevel();
                a.RuleFor(x => x.AssessedOn).Cascade(CascadeMode.Stop).NotNull()
                    .Must(d => d!.Value.Year >= Employee.FirstRatingYear && d.Value <= today)
                    .WithMessage($"'assessedOn' must be between {Employee.FirstRatingYear} and today.");
                a.RuleFor(x => x.Assessor).RequiredText(CompetencyAssessment.AssessorMaxLength);
            });
            row.RuleFor(r => r.PerformanceRatings)
                .Must(r => r is null || r.Where(x => x is not null).GroupBy(x => x.Year).All(g => g.Count() == 1))
                .WithMessage("Each year appears at most once.");
            row.RuleForEach(r => r.PerformanceRatings).NotNull().ChildRules(r =>
            {
                r.RuleFor(x => x.Year).NotNull().InclusiveBetween(Employee.FirstRatingYear, today.Year);
                r.RuleFor(x => x.Rating).NotEmpty().IsEnumName(typeof(PerformanceRating))
                    .WithMessage($"'rating' is one of {string.Join(", ", Enum.GetNames<PerformanceRating>())}.");
            });
        });
        RuleFor(c => c.Employees).Custom((rows, context) =>
        {
            if (rows is null)
                return;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i]?.Nip is not { } nip)
                    continue;
                if (seen.TryGetValue(nip, out var first))
                    context.AddFailure($"employees[{i}].nip", $"NIP also appears at employees[{first}]; each employee appears once per batch.");
                else
                    seen[nip] = i;
            }
        });
    }
}
