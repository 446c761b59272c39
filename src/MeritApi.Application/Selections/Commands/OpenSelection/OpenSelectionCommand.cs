using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Selections.Commands.OpenSelection;

/// <summary>
/// Opens a selection for a position. <see cref="PolicyVersion"/> defaults to the newest policy and
/// <see cref="LatestPerformanceYear"/> to the year before opening (the last final SKP year).
/// </summary>
public sealed record OpenSelectionCommand(
    Guid PositionId,
    SelectionKind Kind,
    int? Places,
    int? PolicyVersion,
    int? LatestPerformanceYear,
    string? Reference) : Command<SelectionDto>, IAuditedCommand
{
    public static string AuditName => "OpenSelection";
}
