using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.RecordPerformanceRating;

/// <summary>Records (or corrects) the SKP rating of one calendar year.</summary>
public sealed record RecordPerformanceRatingCommand(Guid EmployeeId, int Year, PerformanceRating Rating) : Command<PerformanceRatingDto>, IAuditedCommand
{
    public static string AuditName => "RecordPerformanceRating";
}
