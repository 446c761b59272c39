using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.DevelopmentActivities.Commands.ImportDevelopmentActivities;

/// <summary>
/// Bulk import of development activities for nightly HR syncs, each row naming its employee by NIP: all rows or none.
/// Re-sending the same batch adds nothing: an activity already recorded (same employee, form, title and dates) is skipped.
/// </summary>
public sealed record ImportDevelopmentActivitiesCommand(IReadOnlyList<ActivityImport> Activities)
    : Command<ActivityImportSummaryDto>, IAuditedCommand
{
    public static string AuditName => "ImportDevelopmentActivities";

    public const int MaxRows = 10_000;
}

public sealed record ActivityImport(Nip Nip, ActivityInput Activity);

public sealed record ActivityImportSummaryDto(int Rows, int Added, int Unchanged);
