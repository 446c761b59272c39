using MeritApi.Application.Selections.Queries.GetShortlist;

namespace MeritApi.Application.Common.Interfaces;

/// <summary>
/// The reads behind a shortlist, the busiest request of the API: precompiled queries, so a request spends its time in
/// PostgreSQL rather than in translating LINQ. A page is a range scan of the shortlist index of the run.
/// </summary>
public interface IShortlistReader
{
    /// <summary>
    /// The run asked for (or the latest of the selection) with the selection's figures and how many of its candidates are
    /// ranked within <paramref name="top"/> (all ranked ones without it); null when there is no such run.
    /// </summary>
    Task<ShortlistRun?> FindRunAsync(Guid selectionId, Guid? runId, int? top, CancellationToken cancellationToken);

    /// <summary>
    /// Lines in shortlist order, read as they are enumerated (a page, or with an unbounded take the whole list): ranked candidates (rank ≤ <paramref name="top"/>, when given) by rank, then merit,
    /// then code; with <paramref name="includeIneligible"/>, the unranked after them. Names only when
    /// <paramref name="revealed"/>.
    /// </summary>
    IAsyncEnumerable<ShortlistEntryDto> ReadAsync(Guid runId, int? top, bool includeIneligible, bool revealed, int skip, int take,
        CancellationToken cancellationToken = default);
}

/// <summary>The head of a shortlist: which run it lists, what the selection says about it and how long the list is.</summary>
public sealed record ShortlistRun(
    Guid RunId, int Sequence, DateTimeOffset ScoredAt, int PolicyVersion, int Places, bool Revealed, int CandidateCount, int EligibleCount,
    int RankedWithinTop)
{
    /// <summary>The whole list's length (all pages): the ranked ones within top, then, when asked for, every unranked one.</summary>
    public int Length(bool includeIneligible) => RankedWithinTop + (includeIneligible ? CandidateCount - EligibleCount : 0);
}
