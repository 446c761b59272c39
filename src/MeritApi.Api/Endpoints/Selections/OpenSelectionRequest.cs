using MeritApi.Application.Selections.Commands.OpenSelection;
using MeritApi.Domain.Selections;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>The body of <c>POST /api/v1/selections</c>.</summary>
public sealed record OpenSelectionRequest(Guid? PositionId, SelectionKind? Kind, int? Places, int? PolicyVersion,
    int? LatestPerformanceYear, string? Reference)
{
    public OpenSelectionCommand ToCommand() => new(PositionId, Kind, Places, PolicyVersion, LatestPerformanceYear, Reference);
}
