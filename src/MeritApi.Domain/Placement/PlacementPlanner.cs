using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Placement;

/// <summary>A vacant position of a placement plan: its standard and gate, and how many seats it has.</summary>
public sealed record Vacancy(Guid PositionId, string PositionCode, int Places, IReadOnlyList<(string CompetencyCode, int RequiredLevel)> Standard,
    Grade? MinimumGrade);

/// <summary>A candidate of the pool: their evidence (as a scoring run reads it) and since when they hold their present post.</summary>
public sealed record PlacementCandidate(Guid EmployeeId, CandidateEvidence Evidence, DateOnly? InPositionSince);

/// <summary>A declared conflict of interest: this employee may not be placed in this position, and why.</summary>
public sealed record ConflictOfInterest(Guid EmployeeId, Guid PositionId, string Reason);

public enum PairRefusal
{
    Ineligible = 1,
    BelowMinimumBand = 2,
    YearsInPost = 3,
    ConflictOfInterest = 4,
}

/// <summary>Why one candidate may not take one vacancy.</summary>
public sealed record PairRefusalReason(PairRefusal Refusal, string Detail);

/// <summary>
/// The figures of a pair the plan needs (a plan of 500 vacancies and 5,000 candidates holds 2,500,000 of them, so not the
/// whole score with its gaps and years).
/// </summary>
public readonly record struct PairFigures(decimal MeritScore, decimal Jpm, JpmBand Band, PerformanceRating? LatestRating)
{
    public RankKey RankKey => RankKey.Of(MeritScore, Jpm, LatestRating);

    public static PairFigures Of(CandidateScore score) =>
        new(score.MeritScore, score.JobPersonMatch.Percentage, score.Band, score.Performance.LatestRating);
}

/// <summary>One candidate scored against one vacancy's standard, and whether they may take it.</summary>
public sealed record PairScore(Guid EmployeeId, Guid PositionId, PairFigures Score, IReadOnlyList<PairRefusalReason> Refusals)
{
    public bool Allowed => Refusals.Count == 0;
}

/// <summary>
/// Solves the assignment problem: each row (candidate) to at most one column (seat), each column to at most one row, only
/// where <c>allowed</c>, maximising the sum of <c>value</c> over the pairs chosen. Returns each row's column, or -1.
/// </summary>
public interface IAssignmentSolver
{
    int[] Solve(long[,] value, bool[,] allowed);

    /// <summary>The largest value a pair may have in a problem of this size for the solver to stay exact (no overflow).</summary>
    long MaxValue(int rows, int columns);
}

/// <summary>One seat's outcome: who takes it (or why nobody does).</summary>
public sealed record SeatAssignment(Guid PositionId, int Seat, Guid? EmployeeId, PairScore? Score, string? UnfilledReason);

/// <summary>A vacancy's outcome: its seats, and the alternates (allowed, not assigned anywhere), best first.</summary>
public sealed record VacancyOutcome(Vacancy Vacancy, IReadOnlyList<SeatAssignment> Seats, IReadOnlyList<PairScore> Alternates);

/// <summary>How far the plan's tie rule goes: merit alone, then total JPM, then total latest-year rating.</summary>
public enum TieBreak
{
    MeritOnly = 1,
    ThenJpm = 2,
    ThenJpmThenRating = 3,
}

public sealed record PlacementOutcome(IReadOnlyList<VacancyOutcome> Vacancies, IReadOnlyList<PairScore> Pairs, decimal TotalMerit, TieBreak TieBreak);

/// <summary>
/// Placement across several vacancies (DESIGN §11, PP 11/2017 Art. 190–191): every candidate scored against every vacancy's
/// standard under the policy; a pair is allowed only when the candidate is eligible there (the policy's SKP gates, the
/// position's grade), reaches the minimum JPM band, has held their present post for at least 2 and less than 5 years on the
/// reference date, and has no declared conflict of interest with it. The plan is the one-to-one assignment of candidates
/// to seats that maximises the total merit score; among assignments of equal total merit, the higher total JPM, then the
/// higher total of latest-year ratings (the ranking rules of DESIGN §4 applied to totals) — never a name or an id.
/// </summary>
public static class PlacementPlanner
{
    public const int MinYearsInPost = 2, MaxYearsInPost = 5;
    public const int MaxSeats = 1_000, MaxCandidates = 10_000;

    public static PlacementOutcome Plan(ScoringPolicy policy, DateOnly referenceDate, int latestPerformanceYear, JpmBand minimumBand,
        IReadOnlyList<Vacancy> vacancies, IReadOnlyList<PlacementCandidate> candidates, IReadOnlyList<ConflictOfInterest> conflicts,
        IAssignmentSolver solver)
    {
        var seats = vacancies.SelectMany((v, index) => Enumerable.Range(1, v.Places).Select(seat => (Vacancy: v, Index: index, Seat: seat))).ToList();
        if (seats.Count > MaxSeats)
            throw new InvalidFieldException("vacancies", Rules.PlacementTooLarge, $"A plan fills at most {MaxSeats} seats.");
        if (candidates.Count > MaxCandidates)
            throw new InvalidFieldException("employeeIds", Rules.PlacementTooLarge, $"A plan considers at most {MaxCandidates} candidates.");

        // Every pair, scored against the vacancy's standard as a selection for it would score it (vacancies in parallel).
        var pairs = new PairScore[candidates.Count, vacancies.Count];
        var declared = conflicts.ToLookup(x => (x.EmployeeId, x.PositionId));
        var window = candidates.Select(c => WindowRefusal(c, referenceDate)).ToArray();
        Parallel.For(0, vacancies.Count, v =>
        {
            var vacancy = vacancies[v];
            var context = ScoringContext.ForPolicy(policy, vacancy.Standard, vacancy.MinimumGrade, latestPerformanceYear, referenceDate, []);
            for (var c = 0; c < candidates.Count; c++)
                pairs[c, v] = Pair(candidates[c], vacancy, MeritScorer.Score(context, candidates[c].Evidence), minimumBand, window[c], declared);
        });

        // Lexicographic (merit, JPM, rating) in one integer per pair: a hundredth of merit outweighs any difference the lower
        // terms can make over the whole plan, as a hundredth of JPM outweighs any difference in ratings. That needs values up
        // to 10^8·n²·5; where the solver cannot hold them exactly (500 seats × 5,000 candidates and beyond), the rating
        // level goes, then the JPM level: the plan still has the highest total merit, and says how far its tie rule went.
        var n = Math.Min(seats.Count, candidates.Count);
        var limit = solver.MaxValue(candidates.Count, seats.Count);
        long ratingSpan = 5L * n + 1, jpmSpan = (10_000L * ratingSpan + 5) * n + 1;
        var tieBreak = TieBreak.ThenJpmThenRating;
        if (10_001L * jpmSpan > limit)
            (tieBreak, ratingSpan, jpmSpan) = (TieBreak.ThenJpm, 1, 10_000L * n + 1);
        if (tieBreak == TieBreak.ThenJpm && 10_001L * jpmSpan > limit)
            (tieBreak, ratingSpan, jpmSpan) = (TieBreak.MeritOnly, 0, 1);
        var value = new long[candidates.Count, seats.Count];
        var allowed = new bool[candidates.Count, seats.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            for (var s = 0; s < seats.Count; s++)
            {
                var pair = pairs[c, seats[s].Index];
                allowed[c, s] = pair.Allowed;
                var score = pair.Score;
                value[c, s] = Cents(score.MeritScore) * jpmSpan + Cents(score.Jpm) * ratingSpan
                              + (tieBreak == TieBreak.ThenJpmThenRating ? (int?)score.LatestRating ?? 0 : 0);
            }
        }
        var assignment = solver.Solve(value, allowed);

        var taken = new Dictionary<int, int>(); // seat → candidate
        for (var c = 0; c < assignment.Length; c++)
            if (assignment[c] >= 0)
                taken[assignment[c]] = c;
        var assigned = taken.Values.ToHashSet();
        var outcomes = new List<VacancyOutcome>();
        for (var v = 0; v < vacancies.Count; v++)
        {
            var vacancy = vacancies[v];
            // The seats of one vacancy are alike: the solver's order among them means nothing, so they read best first
            // (the same plan, however the solver numbered its columns).
            var placed = seats.Select((seat, s) => (seat, s)).Where(x => x.seat.Index == v && taken.ContainsKey(x.s)).Select(x => taken[x.s])
                .OrderByDescending(c => pairs[c, v].Score.RankKey).ThenBy(c => candidates[c].EmployeeId).ToList();
            var seatOutcomes = Enumerable.Range(1, vacancy.Places).Select(seat => seat <= placed.Count
                ? new SeatAssignment(vacancy.PositionId, seat, candidates[placed[seat - 1]].EmployeeId, pairs[placed[seat - 1], v], null)
                : new SeatAssignment(vacancy.PositionId, seat, null, null, UnfilledReason(pairs, v, candidates.Count))).ToList();
            var alternates = Enumerable.Range(0, candidates.Count).Where(c => !assigned.Contains(c) && pairs[c, v].Allowed)
                .Select(c => pairs[c, v]).OrderByDescending(p => p.Score.RankKey).ToList();
            outcomes.Add(new VacancyOutcome(vacancy, seatOutcomes, alternates));
        }
        var total = outcomes.SelectMany(o => o.Seats).Where(s => s.Score is not null).Sum(s => s.Score!.Score.MeritScore);
        return new PlacementOutcome(outcomes, [.. pairs.Cast<PairScore>()], total, tieBreak);
    }

    /// <summary>One candidate scored against one vacancy as the plan scores them, with every refusal (what a decision is checked by).</summary>
    public static PairScore PairOf(ScoringPolicy policy, DateOnly referenceDate, int latestPerformanceYear, JpmBand minimumBand, Vacancy vacancy,
        PlacementCandidate candidate, IReadOnlyList<ConflictOfInterest> conflicts)
    {
        var context = ScoringContext.ForPolicy(policy, vacancy.Standard, vacancy.MinimumGrade, latestPerformanceYear, referenceDate, []);
        return Pair(candidate, vacancy, MeritScorer.Score(context, candidate.Evidence), minimumBand, WindowRefusal(candidate, referenceDate),
            conflicts.ToLookup(x => (x.EmployeeId, x.PositionId)));
    }

    /// <summary>Whether a candidate has held their post for at least 2 and less than 5 years on the reference date.</summary>
    public static bool InYearsInPostWindow(DateOnly since, DateOnly referenceDate) =>
        since.AddYears(MinYearsInPost) <= referenceDate && referenceDate < since.AddYears(MaxYearsInPost);

    /// <summary>The years-in-post refusal of a candidate, the same at every vacancy (null when in the window).</summary>
    private static PairRefusalReason? WindowRefusal(PlacementCandidate candidate, DateOnly referenceDate) =>
        candidate.InPositionSince is not { } since
            ? new PairRefusalReason(PairRefusal.YearsInPost, "Since when the present post is held is not recorded.")
            : !InYearsInPostWindow(since, referenceDate)
                ? new PairRefusalReason(PairRefusal.YearsInPost,
                    $"In post since {since:yyyy-MM-dd}: placement is open after {MinYearsInPost} and before {MaxYearsInPost} years in post.")
                : null;

    private static PairScore Pair(PlacementCandidate candidate, Vacancy vacancy, CandidateScore score, JpmBand minimumBand, PairRefusalReason? window,
        ILookup<(Guid, Guid), ConflictOfInterest> conflicts)
    {
        List<PairRefusalReason>? refusals = null; // most pairs have none: no list for them
        foreach (var reason in score.IneligibilityReasons)
            (refusals ??= []).Add(new PairRefusalReason(PairRefusal.Ineligible, reason.Detail));
        if (JpmBands.PotentialOf(score.Band) < JpmBands.PotentialOf(minimumBand))
            (refusals ??= []).Add(new PairRefusalReason(PairRefusal.BelowMinimumBand,
                $"JPM {score.JobPersonMatch.Percentage} against {vacancy.PositionCode} is {score.Band}, below the plan's minimum {minimumBand}."));
        if (window is not null)
            (refusals ??= []).Add(window);
        foreach (var conflict in conflicts[(candidate.EmployeeId, vacancy.PositionId)])
            (refusals ??= []).Add(new PairRefusalReason(PairRefusal.ConflictOfInterest, conflict.Reason));
        return new PairScore(candidate.EmployeeId, vacancy.PositionId, PairFigures.Of(score), refusals ?? (IReadOnlyList<PairRefusalReason>)[]);
    }

    private static string UnfilledReason(PairScore[,] pairs, int vacancy, int candidateCount) =>
        Enumerable.Range(0, candidateCount).Any(c => pairs[c, vacancy].Allowed)
            ? "Every candidate allowed here is placed where the plan's total merit is higher."
            : "No candidate of the pool may take it (see each pair's refusals).";

    private static long Cents(decimal value) => (long)decimal.Round(value * 100m, 0, MidpointRounding.ToEven);
}
