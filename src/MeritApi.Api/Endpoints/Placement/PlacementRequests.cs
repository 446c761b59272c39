using FluentValidation;
using MeritApi.Api.Infrastructure;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Placement.Commands.DecidePlacementPlan;
using MeritApi.Application.Placement.Commands.MakePlacementPlan;
using MeritApi.Application.Placement.Queries.ListPlacementPlans;
using MeritApi.Domain.Placement;
using MeritApi.Domain.Scoring;

namespace MeritApi.Api.Endpoints.Placement;

/// <summary>
/// The body of <c>POST /api/v1/placement-plans</c>: the vacancies and the pool are required; the rest defaults (the middle
/// filling band, i.e. JPM ≥ 68; no conflicts; the newest policy; today; the year before).
/// </summary>
public sealed record MakePlacementPlanRequest(IReadOnlyList<PlanVacancyRequest?>? Vacancies, IReadOnlyList<Guid>? EmployeeIds, JpmBand? MinimumBand,
    IReadOnlyList<ConflictRequest?>? Conflicts, int? PolicyVersion, DateOnly? ReferenceDate, int? LatestPerformanceYear)
{
    public const JpmBand DefaultMinimumBand = JpmBand.MarginallyMeets;

    /// <summary>The example body of the OpenAPI document.</summary>
    public static MakePlacementPlanRequest Example => new(
        [new(new Guid("0196a000-0000-7000-8000-0000000000a1"), 1), new(new Guid("0196a000-0000-7000-8000-0000000000a2"), 2)],
        [new Guid("0196a000-0000-7000-8000-0000000000e1"), new Guid("0196a000-0000-7000-8000-0000000000e2"), new Guid("0196a000-0000-7000-8000-0000000000e3")],
        JpmBand.MarginallyMeets,
        [new(new Guid("0196a000-0000-7000-8000-0000000000e2"), new Guid("0196a000-0000-7000-8000-0000000000a1"), "Sibling of the unit head (atasan langsung).")],
        2, new DateOnly(2026, 12, 1), 2025);

    public MakePlacementPlanCommand ToCommand() => new([.. Vacancies!.Select(v => new VacancyRequest(v!.PositionId!.Value, v.Places!.Value))], EmployeeIds!,
        MinimumBand ?? DefaultMinimumBand, [.. (Conflicts ?? []).Select(c => new ConflictOfInterest(c!.EmployeeId!.Value, c.PositionId!.Value, c.Reason!.Trim()))],
        PolicyVersion, ReferenceDate, LatestPerformanceYear);
}

public sealed record PlanVacancyRequest(Guid? PositionId, int? Places);

public sealed record ConflictRequest(Guid? EmployeeId, Guid? PositionId, string? Reason);

internal sealed class MakePlacementPlanRequestValidator : AbstractValidator<MakePlacementPlanRequest>
{
    public MakePlacementPlanRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Vacancies).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("'vacancies' is required: the positions to fill, with their places.")
            .Must(v => v!.Sum(x => (long)(x?.Places ?? 0)) <= PlacementPlanner.MaxSeats).WithMessage($"A plan fills at most {PlacementPlanner.MaxSeats} seats.")
            .Must(v => v!.Where(x => x?.PositionId is not null).Select(x => x!.PositionId).Distinct().Count() == v!.Count(x => x?.PositionId is not null))
            .WithMessage("Each position is listed once, with all its places.");
        RuleForEach(r => r.Vacancies).NotNull().ChildRules(v =>
        {
            v.RuleFor(x => x!.PositionId).NotNull().NotEqual(Guid.Empty).WithMessage("'positionId' must be a position's id.");
            v.RuleFor(x => x!.Places).NotNull().InclusiveBetween(1, PlacementPlanner.MaxSeats);
        });
        RuleFor(r => r.EmployeeIds).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("'employeeIds' is required: the candidate pool.")
            .Must(ids => ids!.Count <= PlacementPlanner.MaxCandidates).WithMessage($"A plan considers at most {PlacementPlanner.MaxCandidates} candidates.")
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("Each employee is in the pool once.");
        RuleForEach(r => r.EmployeeIds).NotEqual(Guid.Empty).WithMessage("Each of 'employeeIds' must be an employee's id.");
        RuleFor(r => r.MinimumBand).IsInEnum()
            .Must(b => b is null || JpmBands.SetOf(b.Value) == JpmBandSet.Filling)
            .WithMessage("'minimumBand' is a filling band: Meets, MarginallyMeets or DoesNotMeet.");
        RuleFor(r => r.Conflicts).Must(c => c is null || c.Count <= PlacementPlanner.MaxCandidates)
            .WithMessage($"At most {PlacementPlanner.MaxCandidates} declared conflicts.");
        RuleForEach(r => r.Conflicts).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x!.EmployeeId).NotNull().NotEqual(Guid.Empty).WithMessage("'employeeId' must be an employee of the pool.");
            c.RuleFor(x => x!.PositionId).NotNull().NotEqual(Guid.Empty).WithMessage("'positionId' must be a position of the vacancies.");
            c.RuleFor(x => x!.Reason).RequiredText(PlacementPlan.ConflictReasonMaxLength);
        });
        RuleFor(r => r.PolicyVersion).GreaterThanOrEqualTo(1);
        RuleFor(r => r.ReferenceDate).ValidReferenceDate(clock);
        RuleFor(r => r.LatestPerformanceYear).ValidLatestPerformanceYear(clock);
    }
}

/// <summary>The body of <c>POST /api/v1/placement-plans/{planId}/decision</c>.</summary>
public sealed record DecidePlacementPlanRequest(string? DecidedBy, IReadOnlyList<PlacementChoiceRequest?>? Placements, string? Justification)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static DecidePlacementPlanRequest Example => new("Sekretaris Jenderal, PPK",
        [new(new Guid("0196a000-0000-7000-8000-0000000000a1"), new Guid("0196a000-0000-7000-8000-0000000000e1"))], null);

    public DecidePlacementPlanCommand ToCommand(Guid planId) =>
        new(planId, [.. Placements!.Select(p => new PlacementChoice(p!.PositionId!.Value, p.EmployeeId!.Value))], Justification, DecidedBy!.Trim());
}

public sealed record PlacementChoiceRequest(Guid? PositionId, Guid? EmployeeId);

internal sealed class DecidePlacementPlanRequestValidator : AbstractValidator<DecidePlacementPlanRequest>
{
    public DecidePlacementPlanRequestValidator()
    {
        RuleFor(r => r.DecidedBy).RequiredText(PlacementDecision.DecidedByMaxLength);
        // [] is a decision too: the PPK places nobody (every proposal is then a departure, justified).
        RuleFor(r => r.Placements).Cascade(CascadeMode.Stop).NotNull().WithMessage("'placements' is required: every placement the PPK makes ([] for none).")
            .Must(p => p!.Count <= PlacementPlanner.MaxSeats).WithMessage($"At most {PlacementPlanner.MaxSeats} placements.");
        RuleForEach(r => r.Placements).NotNull().ChildRules(p =>
        {
            p.RuleFor(x => x!.PositionId).NotNull().NotEqual(Guid.Empty).WithMessage("'positionId' must be a vacancy of the plan.");
            p.RuleFor(x => x!.EmployeeId).NotNull().NotEqual(Guid.Empty).WithMessage("'employeeId' must be a candidate of the plan.");
        });
        RuleFor(r => r.Justification).OptionalProse(PlacementDecision.JustificationMaxLength);
    }
}

/// <summary>The query of <c>GET /api/v1/placement-plans</c>.</summary>
public sealed record ListPlacementPlansRequest(bool? WithDepartures, int Page, int PageSize) : IQueryRequest<ListPlacementPlansRequest>
{
    public static ListPlacementPlansRequest Read(QueryReader query) => new(query.Bool(nameof(WithDepartures)), query.Page(), query.PageSize());

    public ListPlacementPlansQuery ToQuery() => new(WithDepartures, Page, PageSize);
}
