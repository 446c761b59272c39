namespace MeritApi.Domain.Scoring;

/// <summary>
/// Ranks eligible candidates by merit score, then JPM, then the latest year's rating. A tie that survives
/// all three shares its rank (competition ranking 1, 2, 2, 4): never broken by name, id, age or seniority.
/// Ineligible candidates get no rank.
/// </summary>
public static class Ranking
{
    /// <returns>The rank of each score, aligned with <paramref name="scores"/>; null for ineligible candidates.</returns>
    public static int?[] Assign(IReadOnlyList<CandidateScore> scores)
    {
        var ranks = new int?[scores.Count];
        var order = Enumerable.Range(0, scores.Count)
            .Where(i => scores[i].Eligible)
            .OrderByDescending(i => scores[i], Comparer)
            .ToArray();

        for (var position = 0; position < order.Length; position++)
        {
            var index = order[position];
            ranks[index] = position > 0 && Comparer.Compare(scores[order[position - 1]], scores[index]) == 0
                ? ranks[order[position - 1]]
                : position + 1;
        }
        return ranks;
    }

    /// <summary>Orders by the merit criteria only; equal means "shares a rank".</summary>
    public static IComparer<CandidateScore> Comparer { get; } = Comparer<CandidateScore>.Create((a, b) =>
    {
        var byMerit = a.MeritScore.CompareTo(b.MeritScore);
        if (byMerit != 0) return byMerit;
        var byJpm = a.JobPersonMatch.Percentage.CompareTo(b.JobPersonMatch.Percentage);
        if (byJpm != 0) return byJpm;
        return ((int?)a.Performance.LatestRating ?? 0).CompareTo((int?)b.Performance.LatestRating ?? 0);
    });
}
