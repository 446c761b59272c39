using System.Globalization;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;

namespace MeritApi.Domain.Rationales;

/// <summary>One published figure whose stored value differs from the value recomputed from the stored evidence.</summary>
public sealed record FigureDifference(string Figure, string Stored, string Recomputed);

/// <summary>
/// Recomputes a stored result from the evidence it stored and the policy it names, and compares every figure;
/// then rebuilds the rationale from the stored row and compares its seal with the one fixed at scoring time.
/// </summary>
public static class RationaleVerifier
{
    public static CandidateScore Recompute(ScoringPolicy policy, Grade? minimumGrade, int latestPerformanceYear, CandidateResult stored)
    {
        var context = new ScoringContext(policy,
            [.. stored.CompetencyGaps.Select(g => (g.CompetencyCode, g.RequiredLevel))], minimumGrade, latestPerformanceYear);
        var evidence = new CandidateEvidence(stored.CandidateId, stored.Grade,
            stored.CompetencyGaps.Where(g => g.AssessedLevel is not null).ToDictionary(g => g.CompetencyCode, g => g.AssessedLevel!.Value),
            stored.PerformanceYears.Where(y => y.Rating is not null).ToDictionary(y => y.Year, y => y.Rating!.Value));
        return MeritScorer.Score(context, evidence);
    }

    /// <summary>
    /// Scores published evidence afresh and builds the rationale a run would have written for it, sealed in
    /// <paramref name="sealScheme"/>: what an offline verifier compares a published rationale with. The rank cannot be
    /// recomputed from one candidate alone, so an eligible candidate carries <paramref name="rankIfEligible"/> (the published
    /// one), and the caller ranks every recomputed key (<see cref="CandidateScore.RankKey"/>) afterwards.
    /// </summary>
    public static (CandidateScore Score, CandidateRationale Rationale) Rebuild(Guid selectionId, Guid scoringRunId, string candidateCode,
        ScoringContext context, CandidateEvidence evidence, RankOutcome? rankIfEligible, string sealScheme)
    {
        var score = MeritScorer.Score(context, evidence);
        var rank = score.Eligible ? rankIfEligible ?? new RankOutcome(0, RankDecision.MeritScore) : (RankOutcome?)null;
        var result = new CandidateResult(evidence.CandidateId, Guid.Empty, candidateCode, evidence.Grade, score, rank);
        result.InRun(scoringRunId);
        return (score, RationaleBuilder.Build(selectionId, context.Policy, context.MinimumGrade, result, sealScheme));
    }

    public static IReadOnlyList<FigureDifference> Compare(CandidateResult stored, CandidateScore recomputed, RankOutcome? recomputedRank)
    {
        var differences = new List<FigureDifference>();
        void Check<T>(string figure, T storedValue, T recomputedValue)
        {
            if (!EqualityComparer<T>.Default.Equals(storedValue, recomputedValue))
                differences.Add(new FigureDifference(figure, Text(storedValue), Text(recomputedValue)));
        }

        Check("jpm", stored.Jpm, recomputed.JobPersonMatch.Percentage);
        Check("jpmBand", stored.JpmBand, recomputed.Band);
        Check("performanceScore", stored.PerformanceScore, recomputed.Performance.Score);
        Check("meritScore", stored.MeritScore, recomputed.MeritScore);
        Check("talentBox", stored.TalentBox, recomputed.TalentBox.Number);
        Check("latestRating", stored.LatestRating, recomputed.Performance.LatestRating);
        Check("eligible", stored.Eligible, recomputed.Eligible);
        Check("ineligibilityReasons", string.Join(", ", stored.IneligibilityReasons.Select(r => r.Code)),
            string.Join(", ", recomputed.IneligibilityReasons.Select(r => r.Code)));
        Check("rank", stored.Rank, recomputedRank?.Rank);
        Check("rankDecidedBy", stored.RankDecidedBy, recomputedRank?.DecidedBy);
        return differences;
    }

    private static string Text<T>(T value) => value switch
    {
        null => "null",
        decimal d => Canonical.CanonicalJson.Normalise(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
