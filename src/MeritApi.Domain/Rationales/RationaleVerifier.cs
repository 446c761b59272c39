using System.Globalization;
using MeritApi.Domain.Employees;
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
    /// <summary>The stored result scored afresh from the evidence it stored (the validity verdicts as recorded).</summary>
    public static CandidateScore Recompute(ScoringPolicy policy, Grade? minimumGrade, int latestPerformanceYear, DateOnly? referenceDate,
        CandidateResult stored)
    {
        var context = ScoringContext.ForPolicy(policy, [.. stored.CompetencyGaps.Select(g => (g.CompetencyCode, g.RequiredLevel))],
            minimumGrade, latestPerformanceYear, referenceDate ?? default, []);
        return MeritScorer.Score(context, EvidenceOf(stored.CandidateId, stored.Grade, stored.CompetencyGaps,
            stored.PerformanceYears.Where(y => y.Rating is not null).ToDictionary(y => y.Year, y => y.Rating!.Value)));
    }

    /// <summary>A candidate's evidence from their competency lines as a run recorded them (levels, and the validity verdicts).</summary>
    public static CandidateEvidence EvidenceOf(Guid candidateId, Grade grade, IReadOnlyList<CompetencyGap> lines,
        IReadOnlyDictionary<int, PerformanceRating> ratings) => new(candidateId, grade,
        lines.Where(g => g.AssessedLevel is not null).ToDictionary(g => g.CompetencyCode, g => g.AssessedLevel!.Value), ratings)
        {
            CountedAssessmentDates = lines.Where(g => g.AssessedOn is not null).ToDictionary(g => g.CompetencyCode, g => g.AssessedOn!.Value),
            PassedOver = lines.Where(g => g.PassedOver is { Count: > 0 }).ToDictionary(g => g.CompetencyCode, g => g.PassedOver!),
        };

    /// <summary>
    /// What can be checked of the validity verdicts from the rationale alone: each counted assessment was valid on the reference
    /// date, each one passed over as expired had expired, and each one passed over is newer than the one that counts. (Whether
    /// a body was accredited needs the administrator's list, which the rationale does not carry.)
    /// </summary>
    public static IReadOnlyList<string> ValidityProblems(AssessmentValidityRule rule, DateOnly referenceDate, IReadOnlyList<CompetencyGap> lines)
    {
        var problems = new List<string>();
        foreach (var line in lines)
        {
            if (line.AssessedOn is { } on && referenceDate > rule.ValidThrough(on))
                problems.Add($"{line.CompetencyCode}: the assessment of {on:yyyy-MM-dd} counted, but had expired on {referenceDate:yyyy-MM-dd}.");
            if (line.AssessedLevel is not null && line.AssessedOn is null)
                problems.Add($"{line.CompetencyCode}: an assessment counted without the date it was made.");
            foreach (var passed in line.PassedOver ?? [])
            {
                if (passed.Refusal == AssessmentRefusal.Expired && referenceDate <= rule.ValidThrough(passed.AssessedOn))
                    problems.Add($"{line.CompetencyCode}: the assessment of {passed.AssessedOn:yyyy-MM-dd} was passed over as expired, but was valid on {referenceDate:yyyy-MM-dd}.");
                if (line.AssessedOn is { } counted && passed.AssessedOn < counted)
                    problems.Add($"{line.CompetencyCode}: the assessment of {passed.AssessedOn:yyyy-MM-dd} is older than the one that counted and cannot have been passed over for it.");
            }
        }
        return problems;
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
        return (score, RationaleBuilder.Build(selectionId, context.Policy, context.MinimumGrade, context.Screen?.ReferenceDate, result, sealScheme));
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
