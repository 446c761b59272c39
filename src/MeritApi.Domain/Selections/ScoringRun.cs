namespace MeritApi.Domain.Selections;

/// <summary>
/// One immutable scoring of a selection: for each candidate, the inputs as read, every intermediate
/// figure, eligibility, rank and talent box. Nothing here is ever updated; a new run is a new row.
/// </summary>
public sealed class ScoringRun
{
    private readonly List<CandidateResult> _results = [];

    private ScoringRun() { } // EF

    internal ScoringRun(Guid id, Guid selectionId, int sequence, int policyVersion, int latestPerformanceYear,
        DateTimeOffset scoredAt, IReadOnlyList<CandidateResult> results)
    {
        Id = id;
        SelectionId = selectionId;
        Sequence = sequence;
        PolicyVersion = policyVersion;
        LatestPerformanceYear = latestPerformanceYear;
        ScoredAt = scoredAt;
        CandidateCount = results.Count;
        EligibleCount = results.Count(r => r.Eligible);
        foreach (var result in results)
        {
            result.AttachTo(id);
            _results.Add(result);
        }
    }

    public Guid Id { get; private set; }
    public Guid SelectionId { get; private set; }

    /// <summary>1 for the first run of the selection, then 2, 3, …</summary>
    public int Sequence { get; private set; }

    public int PolicyVersion { get; private set; }
    public int LatestPerformanceYear { get; private set; }
    public DateTimeOffset ScoredAt { get; private set; }
    public int CandidateCount { get; private set; }
    public int EligibleCount { get; private set; }
    public IReadOnlyList<CandidateResult> Results => _results;
}
