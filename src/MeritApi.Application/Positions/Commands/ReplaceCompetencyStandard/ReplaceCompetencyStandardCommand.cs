using System.Text.Json.Serialization;
using Mediator;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;

/// <summary>
/// Replaces a position's competency standard. Scoring runs already stored keep the standard they read;
/// the next run uses the new one.
/// </summary>
public sealed record ReplaceCompetencyStandardCommand(IReadOnlyList<CompetencyRequirementInput>? Requirements) : ICommand<PositionDto>, IAuditedCommand
{
    public static string AuditName => "ReplaceCompetencyStandard";

    [JsonIgnore]
    public Guid PositionId { get; init; }
}
