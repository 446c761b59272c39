using MeritApi.Domain.Decisions;

namespace MeritApi.Application.Selections;

/// <summary>
/// One chosen candidate. <see cref="Standing"/> says which kind of choice it was; <see cref="ReasonedChoice"/> (within the
/// best 3n, outside the top n) and <see cref="MeritDeviation"/> (outside the best 3n, flagged) spell it out.
/// </summary>
public sealed record DecisionChoiceDto(Guid CandidateId, string CandidateCode, int Rank, decimal MeritScore, ChoiceStanding Standing,
    bool ReasonedChoice, bool MeritDeviation, bool Flagged);

public sealed record DecisionDto(
    Guid Id, Guid SelectionId, Guid ScoringRunId, int Places, string? Justification, string DecidedBy, DateTimeOffset DecidedAt,
    IReadOnlyList<DecisionChoiceDto> Choices)
{
    public static DecisionDto From(SelectionDecision d) => new(d.Id, d.SelectionId, d.ScoringRunId, d.Places, d.Justification,
        d.DecidedBy, d.DecidedAt,
        [.. d.Choices.OrderBy(c => c.Rank).Select(c => new DecisionChoiceDto(c.CandidateId, c.CandidateCode, c.Rank, c.MeritScore,
            c.Standing, c.Standing == ChoiceStanding.ReasonedChoice, c.Standing == ChoiceStanding.MeritDeviation,
            c.Standing == ChoiceStanding.MeritDeviation))]);
}
