using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Selections.Commands.OpenSelection;

/// <summary>
/// Opens a selection for a position. <see cref="PolicyVersion"/> defaults to the newest policy and
/// <see cref="LatestPerformanceYear"/> to the year before opening (the last final SKP year). Opened from
/// <see cref="SuccessionPoolId"/>, it is for the pool's target position and enrols the pool's approved members.
/// </summary>
public sealed record OpenSelectionCommand(
    Guid? PositionId,
    SelectionKind Kind,
    int? Places,
    int? PolicyVersion,
    int? LatestPerformanceYear,
    string? Reference,
    Guid? SuccessionPoolId = null) : Command<SelectionDto>, IAuditedCommand
{
    public static string AuditName => "OpenSelection";
}
