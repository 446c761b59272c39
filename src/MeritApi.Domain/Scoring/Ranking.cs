using MeritApi.Domain.Employees;

namespace MeritApi.Domain.Scoring;

/// <summary>What an eligible candidate is ordered by, in order of precedence.</summary>
public readonly record struct RankKey(decimal MeritScore, decimal Jpm, int LatestRating) : IComparable<RankKey>
{
    /// <summary>
    /// The key of a scored candidate: without a latest SKP rating the last tie-break counts it lowest. The one place the key
    /// is built, for scoring and for its verification alike (only eligible candidates are ranked).
    /// </summary>
    public static RankKey Of(decimal meritScore, decimal jpm, PerformanceRating? latestRating) =>
        new(meritScore, jpm, (int?)latestRating ?? 0);

    public int CompareTo(RankKey other)
    {
        var byMerit = MeritScore.CompareTo(other.MeritScore);
        if (byMerit != 0)
            return byMerit;
        var byJpm = Jpm.CompareTo(other.Jpm);
        return byJpm != 0 ? byJpm : LatestRating.CompareTo(other.LatestRating);
    }

    /// <summary>The first criterion on which two keys differ, or <see cref="RankDecision.SharedRank"/> when none does.</summary>
    public RankDecision DecisiveCriterion(RankKey other) =>
        MeritScore != other.MeritScore ? RankDecision.MeritScore
        : Jpm != other.Jpm ? RankDecision.JobPersonMatch
        : LatestRating != other.LatestRating ? RankDecision.LatestRating
        : RankDecision.SharedRank;

    public static bool operator <(RankKey left, RankKey right) => left.CompareTo(right) < 0;
    public static bool operator >(RankKey left, RankKey right) => left.CompareTo(right) > 0;
    public static bool operator <=(RankKey left, RankKey right) => left.CompareTo(right) <= 0;
    public static bool operator >=(RankKey left, RankKey right) => left.CompareTo(right) >= 0;
}

/// <summary>Which criterion placed a candidate where they are, against their nearest neighbours in the ranking.</summary>
public enum RankDecision
{
    /// <summary>The merit score alone separates the candidate from their neighbours.</summary>
    MeritScore = 1,

    /// <summary>A merit-score tie with a neighbour was broken by the job-person match.</summary>
    JobPersonMatch = 2,

    /// <summary>A merit-score and JPM tie was broken by the latest year's SKP rating.</summary>
    LatestRating = 3,

    /// <summary>A tie on every criterion: the rank is shared, never broken by name, id, age or seniority.</summary>
    SharedRank = 4,
}

public readonly record struct RankOutcome(int Rank, RankDecision DecidedBy);

/// <summary>
/// Ranks eligible candidates by merit score, then JPM, then the latest year's rating. A tie that survives
/// all three shares its rank (competition ranking 1, 2, 2, 4): never broken by name, id, age or seniority.
/// Ineligible candidates get no rank.
/// </summary>
public static class Ranking
{
    /// <returns>The rank of each score, aligned with <paramref name="scores"/>; null for ineligible candidates.</returns>
    public static int?[] Assign(IReadOnlyList<CandidateScore> scores) => [.. Rank(scores).Select(o => o?.Rank)];

    /// <summary>Ranks the scores (the ineligible get no rank) and says, for each rank, which criterion decided it.</summary>
    public static RankOutcome?[] Rank(IReadOnlyList<CandidateScore> scores) =>
        Rank([.. scores.Select(s => s.Eligible ? s.RankKey : (RankKey?)null)]);

    /// <summary>Ranks the keys (null = ineligible) and says, for each rank, which criterion decided it.</summary>
    public static RankOutcome?[] Rank(IReadOnlyList<RankKey?> keys)
    {
        var outcomes = new RankOutcome?[keys.Count];
        var order = Enumerable.Range(0, keys.Count).Where(i => keys[i].HasValue)
            .OrderByDescending(i => keys[i]!.Value).ToArray();

        var rank = 0;
        for (var position = 0; position < order.Length; position++)
        {
            var key = keys[order[position]]!.Value;
            if (position == 0 || keys[order[position - 1]]!.Value.CompareTo(key) != 0)
                rank = position + 1;

            // The deepest criterion needed to separate the candidate from the one above and the one below.
            var decidedBy = RankDecision.MeritScore;
            if (position > 0)
                decidedBy = Max(decidedBy, key.DecisiveCriterion(keys[order[position - 1]]!.Value));
            if (position < order.Length - 1)
                decidedBy = Max(decidedBy, key.DecisiveCriterion(keys[order[position + 1]]!.Value));
            outcomes[order[position]] = new RankOutcome(rank, decidedBy);
        }
        return outcomes;
    }

    /// <summary>Orders by the merit criteria only; equal means "shares a rank".</summary>
    public static IComparer<CandidateScore> Comparer { get; } =
        Comparer<CandidateScore>.Create((a, b) => a.RankKey.CompareTo(b.RankKey));

    private static RankDecision Max(RankDecision a, RankDecision b) => (RankDecision)Math.Max((int)a, (int)b);
}
