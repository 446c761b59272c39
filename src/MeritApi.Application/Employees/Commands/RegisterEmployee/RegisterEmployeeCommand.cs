using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;

namespace MeritApi.Application.Employees.Commands.RegisterEmployee;

/// <summary>
/// Registers a civil servant. Only merit-relevant fields exist; the API refuses payloads that carry any
/// non-merit attribute before they reach this command. The position held is optional; when given it must be registered. So is the employment type (PNS or PPPK), which decides
/// the development-hours rule.
/// </summary>
public sealed record RegisterEmployeeCommand(Nip Nip, string Name, Grade Grade, string Unit, PositionHeld? CurrentPosition = null,
    EmploymentType? EmploymentType = null)
    : Command<EmployeeDto>, IAuditedCommand
{
    public static string AuditName => "RegisterEmployee";
}
