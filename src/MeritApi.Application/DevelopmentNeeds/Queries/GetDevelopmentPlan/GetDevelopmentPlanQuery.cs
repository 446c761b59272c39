using FluentValidation;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Development;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentNeeds.Queries.GetDevelopmentPlan;

/// <summary>
/// The inventory as the rows of a development plan in the shape of PP 11/2017 Art. 207: per competency, the target
/// employees, a suggested form and the JP per employee (<see cref="NeedsInventory.Suggestion"/>), and the employees whose
/// competency must be (re)assessed first. Provider, schedule and budget are the agency's to fill in.
/// </summary>
public sealed record GetDevelopmentPlanQuery(string? Unit, Guid? TargetPositionId, DateOnly? AsOf) : IQuery<DevelopmentPlan>, IInventoryQuery;

public sealed record DevelopmentPlanRow(string CompetencyCode, string CompetencyName, NeedKind Kind, DevelopmentForm? SuggestedForm, int JpPerEmployee,
    int EmployeeCount, int TotalJp, IReadOnlyList<Guid> EmployeeIds);

public sealed record DevelopmentPlan(InventoryBasis Basis, IReadOnlyList<DevelopmentPlanRow> Rows);

internal sealed class GetDevelopmentPlanQueryValidator : AbstractValidator<GetDevelopmentPlanQuery>
{
    public GetDevelopmentPlanQueryValidator(TimeProvider clock) => this.IncludeInventoryRules(clock);
}

internal sealed class GetDevelopmentPlanQueryHandler(IApplicationDbContext db, IDevelopmentEvidenceReader reader, TimeProvider clock)
    : IQueryHandler<GetDevelopmentPlanQuery, DevelopmentPlan>
{
    public async ValueTask<DevelopmentPlan> Handle(GetDevelopmentPlanQuery query, CancellationToken cancellationToken)
    {
        var (basis, screen) = await InventoryBasis.ForAsync(db, query.AsOf ?? clock.Today(), query.TargetPositionId, cancellationToken);
        var rows = new Dictionary<(string Code, NeedKind Kind, DevelopmentForm? Form, int Jp), List<Guid>>();
        await foreach (var (employee, needs) in InventoryStream.ReadAsync(reader, new DevelopmentScope(query.Unit, null, query.TargetPositionId), screen,
                           cancellationToken))
        {
            foreach (var need in needs)
            {
                var (form, jp) = NeedsInventory.Suggestion(need);
                (string Code, NeedKind Kind, DevelopmentForm? Form, int Jp) key = (need.CompetencyCode, need.Kind, form, jp);
                if (!rows.TryGetValue(key, out var employees))
                    rows[key] = employees = [];
                employees.Add(employee.EmployeeId);
            }
        }
        var names = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        return new DevelopmentPlan(basis, [.. rows
            .OrderBy(r => r.Key.Code, StringComparer.Ordinal).ThenBy(r => r.Key.Kind).ThenByDescending(r => r.Key.Jp)
            .Select(r => new DevelopmentPlanRow(r.Key.Code, names.GetValueOrDefault(r.Key.Code, r.Key.Code), r.Key.Kind, r.Key.Form, r.Key.Jp,
                r.Value.Count, r.Value.Count * r.Key.Jp, r.Value))]);
    }
}
