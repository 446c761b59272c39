using MeritApi.Domain.Scoring;

namespace MeritApi.Application.Common.Interfaces;

/// <summary>
/// Reads every candidate of a selection with the merit evidence a scoring run needs, in three set-based streaming
/// queries: the candidates with their employee's grade (never the NIP: nothing of a run may come from it), the latest assessed level of each competency of the
/// standard (with a <see cref="AssessmentScreen"/>, the latest one it lets count, and each newer one it passed over), and
/// the SKP ratings of the counted years. A national selection has 100,000 candidates and a million
/// assessments, so this is a streaming read into arrays, not an entity query.
/// </summary>
public interface IScoringEvidenceReader
{
    /// <summary>The candidates in enrolment order, with the ratings of <paramref name="countedYears"/> (consecutive, latest first).</summary>
    Task<IReadOnlyList<ScoringCandidate>> ReadAsync(Guid selectionId, IReadOnlyList<string> competencyCodes, IReadOnlyList<int> countedYears,
        AssessmentScreen? screen, CancellationToken cancellationToken);
}
