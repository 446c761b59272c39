using FluentValidation;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Employees.Commands.RegisterEmployee;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>POST /api/v1/employees</c>. Fields are optional here so that a missing one is reported by name.</summary>
public sealed record RegisterEmployeeRequest(string? Nip, string? Name, string? Grade, string? Unit, Guid? CurrentPositionId = null,
    DateOnly? InPositionSince = null, EmploymentType? EmploymentType = null)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RegisterEmployeeRequest Example => new("198503152010011002", "Siti Rahmawati", "III/d", "Biro Kepegawaian",
        new Guid("0196a000-0000-7000-8000-0000000000a1"), new DateOnly(2023, 1, 2), Domain.Employees.EmploymentType.Pns);

    /// <summary>Only after <see cref="RegisterEmployeeRequestValidator"/> has passed.</summary>
    public RegisterEmployeeCommand ToCommand() => new(Domain.Employees.Nip.Parse(Nip!), Name!, Domain.Positions.Grade.Parse(Grade!), Unit!,
        CurrentPositionId is { } position ? new PositionHeld(position, InPositionSince) : null, EmploymentType);
}

internal sealed class RegisterEmployeeRequestValidator : AbstractValidator<RegisterEmployeeRequest>
{
    public RegisterEmployeeRequestValidator(TimeProvider clock)
    {
        this.IncludePositionHeld(r => r.CurrentPositionId, r => r.InPositionSince, clock.Today());
        RuleFor(r => r.Nip).ValidNip();
        RuleFor(r => r.Name).RequiredText(Employee.NameMaxLength);
        RuleFor(r => r.Grade).NotEmpty().ValidGrade();
        RuleFor(r => r.Unit).RequiredText(Employee.UnitMaxLength);
        RuleFor(r => r.EmploymentType).IsInEnum();
    }
}
