using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Selections.Commands.RecordDecision;

/// <summary>
/// Records the committee's choice from the scoring run it reviewed (<see cref="ScoringRunId"/>; refused with a 409 when a
/// newer run exists) and closes the selection. Choosing anyone outside the top n (n = places) needs a justification of
/// at least <see cref="Domain.Decisions.SelectionDecision.MinimumJustificationLength"/> characters: within the best 3n it
/// is a reasoned choice, beyond them a merit deviation. An ineligible candidate cannot be chosen.
/// </summary>
public sealed record RecordDecisionCommand(Guid SelectionId, Guid ScoringRunId, IReadOnlyList<Guid> CandidateIds, string? Justification)
    : Command<DecisionDto>, IAuditedCommand
{
    public static string AuditName => "RecordDecision";
}
