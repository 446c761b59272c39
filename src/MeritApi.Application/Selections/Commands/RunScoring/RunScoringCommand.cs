using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Selections.Commands.RunScoring;

/// <summary>
/// Scores every candidate of a selection from the evidence as it is now, under the selection's policy,
/// and stores the outcome as a new immutable scoring run.
/// </summary>
public sealed record RunScoringCommand(Guid SelectionId) : Command<ScoringRunDto>, IAuditedCommand
{
    public static string AuditName => "RunScoring";
}
