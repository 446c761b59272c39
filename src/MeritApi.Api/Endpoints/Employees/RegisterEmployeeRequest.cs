using MeritApi.Application.Employees.Commands.RegisterEmployee;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>POST /api/v1/employees</c>. Fields are optional here so that a missing one is reported by name.</summary>
public sealed record RegisterEmployeeRequest(string? Nip, string? Name, string? Grade, string? Unit)
{
    public RegisterEmployeeCommand ToCommand() => new(Nip, Name, Grade, Unit);
}
