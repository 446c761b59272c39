using FluentValidation;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Development;

namespace MeritApi.Application.DevelopmentNeeds.Queries.SummariseDevelopmentNeeds;

/// <summary>
/// The inventory rolled up by unit and by competency: how many employees were measured, how many fall below the standard or
/// need assessment, the sum of the gaps, and who (by competency). One pass over the same stream as the inventory.
/// </summary>
public sealed record SummariseDevelopmentNeedsQuery(string? Unit, Guid? TargetPositionId, DateOnly? AsOf)
    : IQuery<DevelopmentNeedsSummary>, IInventoryQuery;

public sealed record UnitNeedsDto(string Unit, int EmployeesMeasured, int EmployeesWithNeeds, int BelowStandard, int NeedsAssessment, int GapSum);

public sealed record CompetencyNeedsDto(string CompetencyCode, int EmployeesBelowStandard, int EmployeesNeedingAssessment, int GapSum,
    IReadOnlyList<Guid> EmployeeIds);

/// <summary><see cref="UnitNeedsDto.GapSum"/> and <see cref="CompetencyNeedsDto.GapSum"/> add the gaps of the lines below standard only: a
/// competency without a valid assessment has no measured gap.</summary>
public sealed record DevelopmentNeedsSummary(InventoryBasis Basis, int EmployeesMeasured, IReadOnlyList<UnitNeedsDto> ByUnit,
    IReadOnlyList<CompetencyNeedsDto> ByCompetency);

internal sealed class SummariseDevelopmentNeedsQueryValidator : AbstractValidator<SummariseDevelopmentNeedsQuery>
{
    public SummariseDevelopmentNeedsQueryValidator(TimeProvider clock) => this.IncludeInventoryRules(clock);
}

internal sealed class SummariseDevelopmentNeedsQueryHandler(IApplicationDbContext db, IDevelopmentEvidenceReader reader, TimeProvider clock)
    : IQueryHandler<SummariseDevelopmentNeedsQuery, DevelopmentNeedsSummary>
{
    private sealed class UnitTally
    {
        public int Measured, WithNeeds, BelowStandard, NeedsAssessment, GapSum;
    }

    private sealed class CompetencyTally
    {
        public int BelowStandard, NeedsAssessment, GapSum;
        public readonly List<Guid> Employees = [];
    }

    public async ValueTask<DevelopmentNeedsSummary> Handle(SummariseDevelopmentNeedsQuery query, CancellationToken cancellationToken)
    {
        var (basis, screen) = await InventoryBasis.ForAsync(db, query.AsOf ?? clock.Today(), query.TargetPositionId, cancellationToken);
        var units = new Dictionary<string, UnitTally>(StringComparer.Ordinal);
        var competencies = new Dictionary<string, CompetencyTally>(StringComparer.Ordinal);
        var measured = 0;
        await foreach (var (employee, needs) in InventoryStream.ReadAsync(reader, new DevelopmentScope(query.Unit, null, query.TargetPositionId), screen,
                           cancellationToken))
        {
            measured++;
            if (!units.TryGetValue(employee.Unit, out var unit))
                units[employee.Unit] = unit = new UnitTally();
            unit.Measured++;
            if (needs.Count > 0)
                unit.WithNeeds++;
            foreach (var need in needs)
            {
                if (!competencies.TryGetValue(need.CompetencyCode, out var competency))
                    competencies[need.CompetencyCode] = competency = new CompetencyTally();
                competency.Employees.Add(employee.EmployeeId);
                if (need.Kind == NeedKind.BelowStandard)
                {
                    (unit.BelowStandard, unit.GapSum) = (unit.BelowStandard + 1, unit.GapSum + need.Gap);
                    (competency.BelowStandard, competency.GapSum) = (competency.BelowStandard + 1, competency.GapSum + need.Gap);
                }
                else
                {
                    unit.NeedsAssessment++;
                    competency.NeedsAssessment++;
                }
            }
        }
        return new DevelopmentNeedsSummary(basis, measured,
            [.. units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new UnitNeedsDto(u.Key, u.Value.Measured, u.Value.WithNeeds,
                u.Value.BelowStandard, u.Value.NeedsAssessment, u.Value.GapSum))],
            [.. competencies.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CompetencyNeedsDto(c.Key, c.Value.BelowStandard,
                c.Value.NeedsAssessment, c.Value.GapSum, c.Value.Employees))]);
    }
}
