using FluentValidation;
using MeritApi.Api.Infrastructure;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.TalentMapping.Commands.RunTalentMapping;
using MeritApi.Application.TalentMapping.Queries.ListMappingPlacements;
using MeritApi.Application.TalentMapping.Queries.ListUnplacedEmployees;
using MeritApi.Domain.Employees;
using MeritApi.Domain.TalentMapping;

namespace MeritApi.Api.Endpoints.TalentMapping;

/// <summary>
/// The body of <c>POST /api/v1/talent-mapping-runs</c>. The scope is always stated: <c>units</c>, or <c>[]</c> for the whole
/// agency (a run over every employee is not what an empty body should mean). The rest defaults: the newest policy, today, the
/// year before.
/// </summary>
public sealed record RunTalentMappingRequest(IReadOnlyList<string?>? Units, int? PolicyVersion, DateOnly? ReferenceDate, int? LatestPerformanceYear)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RunTalentMappingRequest Example => new(["Biro Sumber Daya Manusia", "Biro Keuangan"], 2, new DateOnly(2026, 12, 1), 2025);

    public RunTalentMappingCommand ToCommand() => new([.. Units!.Select(u => u!)], PolicyVersion, ReferenceDate, LatestPerformanceYear);
}

internal sealed class RunTalentMappingRequestValidator : AbstractValidator<RunTalentMappingRequest>
{
    public RunTalentMappingRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Units).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("'units' is required: the units to map, or [] for the whole agency.")
            .Must(u => u!.Count <= TalentMappingRun.MaxUnits).WithMessage($"At most {TalentMappingRun.MaxUnits} units; [] maps the whole agency.");
        RuleForEach(r => r.Units).RequiredText(Employee.UnitMaxLength);
        RuleFor(r => r.PolicyVersion).GreaterThanOrEqualTo(1);
        RuleFor(r => r.ReferenceDate).ValidReferenceDate(clock);
        RuleFor(r => r.LatestPerformanceYear).ValidLatestPerformanceYear(clock);
    }
}

/// <summary>The query of <c>GET …/placements</c>: one unit, one box, a page.</summary>
public sealed record MappingPlacementsRequest(string? Unit, int? Box, int Page, int PageSize) : IQueryRequest<MappingPlacementsRequest>
{
    public static MappingPlacementsRequest Read(QueryReader query) =>
        new(query.Text(nameof(Unit)), query.Number(nameof(Box)), query.Page(), query.PageSize());

    public ListMappingPlacementsQuery ToQuery(Guid runId) => new(runId, Unit, Box, Page, PageSize);
}

/// <summary>The query of <c>GET …/unplaced</c>: one unit, a page.</summary>
public sealed record UnplacedRequest(string? Unit, int Page, int PageSize) : IQueryRequest<UnplacedRequest>
{
    public static UnplacedRequest Read(QueryReader query) => new(query.Text(nameof(Unit)), query.Page(), query.PageSize());

    public ListUnplacedEmployeesQuery ToQuery(Guid runId) => new(runId, Unit, Page, PageSize);
}

/// <summary>The query of the picture and the export: the whole run, or one unit.</summary>
public sealed record MappingUnitRequest(string? Unit) : IQueryRequest<MappingUnitRequest>
{
    public static MappingUnitRequest Read(QueryReader query) => new(query.Text(nameof(Unit)));
}
