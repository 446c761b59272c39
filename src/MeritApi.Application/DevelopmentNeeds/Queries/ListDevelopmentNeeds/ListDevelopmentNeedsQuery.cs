using FluentValidation;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.DevelopmentNeeds.Queries.ListDevelopmentNeeds;

/// <summary>
/// The development-needs inventory (AKPK, PP 11/2017 Art. 205–206): every employee in scope who does not meet the standard
/// of the position they hold (or of <see cref="TargetPositionId"/>, the position to be held), with each such competency, its
/// gap and why, from valid assessments only. Streamed: the employees are read and judged as the answer is written.
/// </summary>
public sealed record ListDevelopmentNeedsQuery(string? Unit, Guid? EmployeeId, Guid? TargetPositionId, DateOnly? AsOf)
    : IQuery<DevelopmentNeedsInventory>, IInventoryQuery;

internal sealed class ListDevelopmentNeedsQueryValidator : AbstractValidator<ListDevelopmentNeedsQuery>
{
    public ListDevelopmentNeedsQueryValidator(TimeProvider clock)
    {
        this.IncludeInventoryRules(clock);
        RuleFor(q => q.EmployeeId).NotEqual(Guid.Empty).WithMessage("'employeeId' must be an employee's id.");
    }
}

internal sealed class ListDevelopmentNeedsQueryHandler(IApplicationDbContext db, IDevelopmentEvidenceReader reader, TimeProvider clock)
    : IQueryHandler<ListDevelopmentNeedsQuery, DevelopmentNeedsInventory>
{
    public async ValueTask<DevelopmentNeedsInventory> Handle(ListDevelopmentNeedsQuery query, CancellationToken cancellationToken)
    {
        var (basis, screen) = await InventoryBasis.ForAsync(db, query.AsOf ?? clock.Today(), query.TargetPositionId, cancellationToken);
        var employees = InventoryStream.ReadAsync(reader, new DevelopmentScope(query.Unit, query.EmployeeId, query.TargetPositionId), screen,
            cancellationToken)
            .Where(e => e.Needs.Count > 0)
            .Select(e => new EmployeeDevelopmentNeedsDto(e.Employee.EmployeeId, e.Employee.Nip, e.Employee.Name, e.Employee.Unit,
                e.Employee.PositionId, e.Employee.PositionCode, [.. e.Needs.Select(DevelopmentNeedDto.From)]));
        return new DevelopmentNeedsInventory(basis, employees);
    }
}
