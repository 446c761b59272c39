using MeritApi.Application.Competencies;
using MeritApi.Application.Competencies.Commands.RegisterCompetency;
using MeritApi.Application.Employees;
using MeritApi.Application.Employees.Commands.RecordCompetencyAssessment;
using MeritApi.Application.Employees.Commands.RecordPerformanceRating;
using MeritApi.Application.Employees.Commands.RegisterEmployee;
using MeritApi.Application.Positions;
using MeritApi.Application.Positions.Commands.CreatePosition;
using MeritApi.Application.Selections;
using MeritApi.Application.Selections.Commands.EnrolCandidates;
using MeritApi.Application.Selections.Commands.OpenSelection;
using MeritApi.Application.Selections.Commands.RunScoring;
using MeritApi.Domain.Competencies;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Tests.Support;

/// <summary>Builds test data through the real commands (so every row passes the same rules as in production).</summary>
public sealed class Scenario(AppHost app)
{
    public const int DefaultPolicyVersion = 1;

    public Task<CompetencyDto> CompetencyAsync() =>
        app.Send(new RegisterCompetencyCommand(Unique.CompetencyCode(), "Test competency", CompetencyCategory.Technical, null));

    public Task<PositionDto> PositionAsync(string? minimumGrade, params (string Code, int Level)[] standard) =>
        app.Send(new CreatePositionCommand(Unique.PositionCode(), "Test position", PositionKind.Structural,
            minimumGrade is null ? null : Grade.Parse(minimumGrade),
            [.. standard.Select(s => new CompetencyRequirementInput(s.Code, s.Level))]));

    public Task<EmployeeDto> EmployeeAsync(string grade = "III/c", string? nip = null) =>
        app.Send(new RegisterEmployeeCommand(Nip.Parse(nip ?? Unique.Nip()), "Test employee", Grade.Parse(grade), "Test unit"));

    /// <summary>Records an assessment; the clock moves one second first so that later recordings are later.</summary>
    public Task<CompetencyAssessmentDto> AssessAsync(Guid employeeId, string competencyCode, int level, DateOnly assessedOn)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return app.Send(new RecordCompetencyAssessmentCommand(employeeId, competencyCode, level, assessedOn, "Assessment centre"));
    }

    public Task<PerformanceRatingDto> RateAsync(Guid employeeId, int year, PerformanceRating rating) =>
        app.Send(new RecordPerformanceRatingCommand(employeeId, year, rating));

    public Task<SelectionDto> SelectionAsync(Guid positionId, int? policyVersion = DefaultPolicyVersion, int places = 1) =>
        app.Send(new OpenSelectionCommand(positionId, SelectionKind.Promotion, places, policyVersion, null, null));

    public Task<IReadOnlyList<CandidateDto>> EnrolAsync(Guid selectionId, params Guid[] employeeIds) =>
        app.Send(new EnrolCandidatesCommand(selectionId, employeeIds));

    public Task<ScoringRunDto> ScoreAsync(Guid selectionId) => app.Send(new RunScoringCommand(selectionId));

    /// <summary>Registers an employee with the given evidence, in the order given.</summary>
    public async Task<EmployeeDto> EmployeeWithEvidenceAsync(string grade,
        IEnumerable<(string Code, int Level, DateOnly On)> assessments,
        IEnumerable<(int Year, PerformanceRating Rating)> ratings)
    {
        var employee = await EmployeeAsync(grade);
        foreach (var (code, level, on) in assessments)
            await AssessAsync(employee.Id, code, level, on);
        foreach (var (year, rating) in ratings)
            await RateAsync(employee.Id, year, rating);
        return employee;
    }
}
