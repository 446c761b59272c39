using MeritApi.Domain.Employees;

namespace MeritApi.Application.Common.Interfaces;

/// <summary>
/// Reads the merit evidence of every candidate of a selection in two set-based queries: the latest assessed level of
/// each of the given competencies, and the SKP ratings of the counted years. A national selection has 100,000
/// candidates and a million assessments, so this is a streaming read, not an entity query.
/// </summary>
public interface IScoringEvidenceReader
{
    Task<ScoringEvidence> ReadAsync(Guid selectionId, IReadOnlyCollection<string> competencyCodes, int firstYear, int lastYear,
        CancellationToken cancellationToken);
}

/// <summary>Per employee: latest level by competency code, and rating by year.</summary>
public sealed record ScoringEvidence(
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, int>> LatestLevels,
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<int, PerformanceRating>> Ratings);
