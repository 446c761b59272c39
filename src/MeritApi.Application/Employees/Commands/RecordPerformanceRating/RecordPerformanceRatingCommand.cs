using MeritApi.Application.Common;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.RecordPerformanceRating;

/// <summary>Records (or corrects) the SKP rating of one calendar year.</summary>
public sealed record RecordPerformanceRatingCommand(Guid EmployeeId, int Year, PerformanceRating Rating) : Command<PerformanceRatingDto>, IAuditedCommand
{
    /// <summary>The employee's versions this change may apply to (If-Match); null: whatever it holds now.</summary>
    public VersionPrecondition? IfMatch { get; init; }

    public static string AuditName => "RecordPerformanceRating";
}
