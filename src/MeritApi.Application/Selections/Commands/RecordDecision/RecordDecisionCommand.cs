using System.Text.Json.Serialization;
using Mediator;

namespace MeritApi.Application.Selections.Commands.RecordDecision;

/// <summary>
/// Records the committee's choice from the latest scoring run and closes the selection. Choosing anyone outside
/// the top n (n = places) needs a justification of at least
/// <see cref="Domain.Decisions.SelectionDecision.MinimumJustificationLength"/> characters and is recorded as a
/// merit deviation (flagged when outside the best 3n); an ineligible candidate cannot be chosen.
/// </summary>
public sealed record RecordDecisionCommand(IReadOnlyList<Guid>? CandidateIds, string? Justification) : ICommand<DecisionDto>
{
    [JsonIgnore]
    public Guid SelectionId { get; init; }
}
