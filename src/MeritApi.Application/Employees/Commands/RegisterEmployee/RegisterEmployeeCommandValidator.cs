using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.RegisterEmployee;

internal sealed class RegisterEmployeeCommandValidator : AbstractValidator<RegisterEmployeeCommand>
{
    public RegisterEmployeeCommandValidator()
    {
        RuleFor(c => c.Nip).ValidNip();
        RuleFor(c => c.Name).RequiredText(Employee.NameMaxLength);
        RuleFor(c => c.Grade).NotEmpty().ValidGrade();
        RuleFor(c => c.Unit).RequiredText(Employee.UnitMaxLength);
    }
}
