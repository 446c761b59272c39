using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.DevelopmentActivities.Commands.RecordDevelopmentActivity;

/// <summary>Records one completed development activity of an employee; the same activity again is a 409.</summary>
public sealed record RecordDevelopmentActivityCommand(Guid EmployeeId, ActivityInput Activity) : Command<DevelopmentActivityDto>, IAuditedCommand
{
    public static string AuditName => "RecordDevelopmentActivity";
}
