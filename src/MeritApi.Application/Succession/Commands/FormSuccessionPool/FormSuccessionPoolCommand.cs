using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Succession;

namespace MeritApi.Application.Succession.Commands.FormSuccessionPool;

/// <summary>Forms a pool for <see cref="TargetPositionId"/> from <see cref="MappingRunId"/> (default the latest mapping run).</summary>
public sealed record FormSuccessionPoolCommand(Guid TargetPositionId, SuccessionReason Reason, DateOnly? VacantOn, Guid? MappingRunId)
    : Command<SuccessionPoolSummaryDto>, IAuditedCommand
{
    public static string AuditName => "FormSuccessionPool";
}
