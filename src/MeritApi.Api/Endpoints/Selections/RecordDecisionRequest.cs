using MeritApi.Application.Selections.Commands.RecordDecision;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>The body of <c>POST /api/v1/selections/{id}/decision</c>; the selection comes from the route.</summary>
public sealed record RecordDecisionRequest(Guid? ScoringRunId, IReadOnlyList<Guid>? CandidateIds, string? Justification)
{
    public RecordDecisionCommand ToCommand(Guid selectionId) => new(selectionId, ScoringRunId, CandidateIds, Justification);
}
