using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Employees.Commands.RegisterEmployee;

internal sealed class RegisterEmployeeCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit) : ICommandHandler<RegisterEmployeeCommand, EmployeeDto>
{
    public async ValueTask<EmployeeDto> Handle(RegisterEmployeeCommand command, CancellationToken cancellationToken)
    {
        var nip = command.Nip;
        if (await db.Employees.AnyAsync(e => e.Nip == nip, cancellationToken))
            throw new ConflictException(Rules.DuplicateNip, "An employee with this NIP is already registered.");

        var employee = new Employee(Guid.CreateVersion7(), nip, command.Name, command.Grade, command.Unit);
        if (command.CurrentPosition is { } held)
        {
            if (!await db.Positions.AnyAsync(p => p.Id == held.PositionId, cancellationToken))
                throw RequestValidation.Failure("currentPositionId", $"No position '{held.PositionId}' is registered.");
            employee.AssignPosition(held, clock.Today());
        }
        if (command.EmploymentType is { } type)
            employee.SetEmploymentType(type);
        db.Employees.Add(employee);
        audit.Touch(employee.Id);
        return EmployeeDto.From(employee);
    }
}
