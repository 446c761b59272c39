using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;

namespace MeritApi.Domain.Scoring;

/// <summary>
/// The merit formulas of DESIGN §4, in <see cref="decimal"/> with half-even rounding at each published
/// figure. Pure and deterministic: the same evidence under the same policy always gives the same figures.
/// </summary>
public static class MeritScorer
{
    public const decimal RatingScaleMax = 5m;

    public static CandidateScore Score(ScoringContext context, CandidateEvidence evidence)
    {
        var policy = context.Policy;
        var jpm = ComputeJobPersonMatch(context.Standard, evidence.LatestAssessedLevels,
            context.Screen is null ? null : evidence);
        var band = JpmBands.Classify(policy.BandSet, jpm.Percentage);
        var performance = ComputePerformance(context, evidence.RatingsByYear);
        var merit = ComputeMeritScore(policy, jpm.Percentage, performance.Score);
        var box = TalentBox.Of(JpmBands.PotentialOf(band), TalentBox.PerformanceLevelOf(performance.Score));
        return new CandidateScore(evidence.CandidateId, jpm, band, performance, merit, box,
            Eligibility(context, evidence.Grade, performance));
    }

    /// <summary>
    /// JPM = Σ min(assessed, required) / Σ required × 100, over the standard's competencies. With <paramref name="screened"/>
    /// (a run under a validity rule), each line also keeps the date of the assessment that counted and those passed over.
    /// </summary>
    public static JobPersonMatch ComputeJobPersonMatch(
        IReadOnlyList<(string CompetencyCode, int RequiredLevel)> standard, IReadOnlyDictionary<string, int> assessedLevels,
        CandidateEvidence? screened = null)
    {
        if (standard.Count == 0)
            throw new DomainException(Rules.EmptyStandard, "A position needs a competency standard before it can be scored.");

        var gaps = new CompetencyGap[standard.Count];
        int credited = 0, required = 0;
        for (var i = 0; i < standard.Count; i++)
        {
            var (code, level) = standard[i];
            int? assessedLevel = assessedLevels.TryGetValue(code, out var assessed) ? assessed : null;
            var gap = screened is null
                ? new CompetencyGap(code, level, assessedLevel)
                : new CompetencyGap(code, level, assessedLevel,
                    assessedLevel is not null && screened.CountedAssessmentDates?.TryGetValue(code, out var on) == true ? on : null,
                    screened.PassedOver?.TryGetValue(code, out var passed) == true ? passed : []);
            gaps[i] = gap;
            credited += gap.CreditedLevel;
            required += level;
        }
        return new JobPersonMatch(MeritRounding.Round(credited * 100m / required), credited, required, gaps);
    }

    /// <summary>Performance = Σ weight_y × rating_y / 5 × 100 over the counted years; a missing year adds 0.</summary>
    public static PerformanceResult ComputePerformance(ScoringContext context, IReadOnlyDictionary<int, PerformanceRating> ratingsByYear)
    {
        var counted = context.CountedYears;
        var years = new List<CountedYear>(counted.Count);
        var weighted = 0m;
        for (var i = 0; i < counted.Count; i++) // indexed: foreach over an interface would allocate an enumerator per candidate
        {
            var (year, weight) = counted[i];
            PerformanceRating? rating = ratingsByYear.TryGetValue(year, out var r) ? r : null;
            years.Add(new CountedYear(year, weight, rating));
            weighted += weight * (int)(rating ?? 0);
        }
        return new PerformanceResult(MeritRounding.Round(weighted / RatingScaleMax * 100m), years);
    }

    /// <summary>Merit = w_c × JPM + w_p × performance, from the already-rounded JPM and performance figures.</summary>
    public static decimal ComputeMeritScore(ScoringPolicy policy, decimal jpm, decimal performanceScore) =>
        MeritRounding.Round(policy.CompetenceWeight * jpm + policy.PerformanceWeight * performanceScore);

    private static List<IneligibilityReason> Eligibility(ScoringContext context, Positions.Grade grade, PerformanceResult performance)
    {
        var reasons = new List<IneligibilityReason>();
        var minimum = context.Policy.MinimumRating;
        for (var i = 0; i < performance.Years.Count; i++)
        {
            var year = performance.Years[i];
            if (year.Rating is not { } rating)
                reasons.Add(new IneligibilityReason(IneligibilityCode.MissingPerformanceRating,
                    $"No SKP performance rating for {year.Year}; every counted year needs one."));
            else if (rating < minimum)
                reasons.Add(new IneligibilityReason(IneligibilityCode.PerformanceRatingBelowMinimum,
                    $"SKP rating for {year.Year} is {rating}, below the policy's minimum of {minimum}."));
        }
        if (context.MinimumGrade is { } minimumGrade && grade < minimumGrade)
            reasons.Add(new IneligibilityReason(IneligibilityCode.GradeBelowMinimum,
                $"Grade {grade} is below the position's minimum grade {minimumGrade}."));
        return reasons;
    }
}
