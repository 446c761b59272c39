using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Positions;

namespace MeritApi.Application.Positions.Commands.CreatePosition;

/// <summary>Registers a position (jabatan) with its competency standard and optional minimum grade.</summary>
public sealed record CreatePositionCommand(
    string Code,
    string Title,
    PositionKind Kind,
    Grade? MinimumGrade,
    IReadOnlyList<CompetencyRequirementInput> Standard) : Command<PositionDto>, IAuditedCommand
{
    public static string AuditName => "CreatePosition";
}
