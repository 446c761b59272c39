using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Employees.Commands.RegisterEmployee;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>POST /api/v1/employees</c>. Fields are optional here so that a missing one is reported by name.</summary>
public sealed record RegisterEmployeeRequest(string? Nip, string? Name, string? Grade, string? Unit)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RegisterEmployeeRequest Example => new("198503152010011002", "Siti Rahmawati", "III/d", "Biro Kepegawaian");

    /// <summary>Only after <see cref="RegisterEmployeeRequestValidator"/> has passed.</summary>
    public RegisterEmployeeCommand ToCommand() => new(Domain.Employees.Nip.Parse(Nip!), Name!, Domain.Positions.Grade.Parse(Grade!), Unit!);
}

internal sealed class RegisterEmployeeRequestValidator : AbstractValidator<RegisterEmployeeRequest>
{
    public RegisterEmployeeRequestValidator()
    {
        RuleFor(r => r.Nip).ValidNip();
        RuleFor(r => r.Name).RequiredText(Employee.NameMaxLength);
        RuleFor(r => r.Grade).NotEmpty().ValidGrade();
        RuleFor(r => r.Unit).RequiredText(Employee.UnitMaxLength);
    }
}
