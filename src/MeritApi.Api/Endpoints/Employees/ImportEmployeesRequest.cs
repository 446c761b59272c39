using MeritApi.Application.Employees.Commands.ImportEmployees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>POST /api/v1/employees/import</c>: the rows keep the command's own row shape.</summary>
public sealed record ImportEmployeesRequest(IReadOnlyList<EmployeeImportRow>? Employees)
{
    public ImportEmployeesCommand ToCommand() => new(Employees);
}
