using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Placement;
using MeritApi.Domain.Scoring;

namespace MeritApi.Application.Placement.Commands.MakePlacementPlan;

public sealed record VacancyRequest(Guid PositionId, int Places);

/// <summary>
/// Plans the placement of <see cref="EmployeeIds"/> across <see cref="Vacancies"/> under <see cref="PolicyVersion"/> (default the
/// newest), judging assessments and the years in post on <see cref="ReferenceDate"/> (default today), counting SKP years up to
/// <see cref="LatestPerformanceYear"/> (default the year before), refusing pairs below <see cref="MinimumBand"/> and the
/// declared <see cref="Conflicts"/>.
/// </summary>
public sealed record MakePlacementPlanCommand(IReadOnlyList<VacancyRequest> Vacancies, IReadOnlyList<Guid> EmployeeIds, JpmBand MinimumBand,
    IReadOnlyList<ConflictOfInterest> Conflicts, int? PolicyVersion, DateOnly? ReferenceDate, int? LatestPerformanceYear)
    : Command<PlacementPlanSummaryDto>, IAuditedCommand
{
    public static string AuditName => "MakePlacementPlan";
}
