using MeritApi.Application.Common;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;

/// <summary>
/// Replaces a position's competency standard. Scoring runs already stored keep the standard they read;
/// the next run uses the new one.
/// </summary>
public sealed record ReplaceCompetencyStandardCommand(Guid PositionId, IReadOnlyList<CompetencyRequirementInput> Requirements) : Command<PositionDto>, IAuditedCommand
{
    /// <summary>The position's versions this change may apply to (If-Match); null: whatever it holds now.</summary>
    public VersionPrecondition? IfMatch { get; init; }

    public static string AuditName => "ReplaceCompetencyStandard";
}
