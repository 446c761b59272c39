using MeritApi.Domain.Common;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;

namespace MeritApi.Domain.Rationales;

/// <summary>The steps of a rationale every kind shares, with their numbers.</summary>
public readonly record struct RationaleSteps(RationalePolicy Policy, RationaleEvidence Evidence, JpmStep JobPersonMatch, BandStep Band,
    PerformanceStep Performance, MeritStep Merit, TalentBoxStep TalentBox);

/// <summary>Builds and seals a candidate's rationale from a stored result and the policy it was scored under.</summary>
public static class RationaleBuilder
{
    public const string JpmFormula = "JPM = Σ min(assessed, required) / Σ required × 100, rounded half-even to 2 decimals";
    public const string PerformanceFormula = "performance = Σ (year weight × rating value) / 5 × 100, rounded half-even to 2 decimals";
    public const string MeritFormula = "merit = competence weight × JPM + performance weight × performance, rounded half-even to 2 decimals";

    public static readonly string Rounding = $"half-even to {MeritRounding.Decimals} decimals";

    /// <summary>The rationale of a stored result, sealed in <paramref name="sealScheme"/> (its run's).</summary>
    public static CandidateRationale Build(Guid selectionId, ScoringPolicy policy, Grade? minimumGrade, DateOnly? referenceDate,
        CandidateResult result, string sealScheme)
    {
        var steps = StepsOf(policy, minimumGrade, referenceDate, result.Grade, result.CompetencyGaps, result.PerformanceYears, result.Jpm,
            result.JpmBand, result.PerformanceScore, result.MeritScore, result.TalentBox);
        var latestRating = (int?)result.LatestRating ?? 0;
        var rank = new RankStep(result.Rank, result.RankDecidedBy, latestRating, ExplainRank(result));

        // The policy's weights and the reasons are immutable lists: the rationale shares them rather than copying.
        var rationale = new CandidateRationale(selectionId, result.ScoringRunId, result.CandidateId, result.CandidateCode,
            steps.Policy, steps.Evidence, steps.JobPersonMatch, steps.Band, steps.Performance, steps.Merit, steps.TalentBox,
            new EligibilityStep(result.Eligible, result.IneligibilityReasons),
            rank, sealScheme);
        return rationale with { Seal = RationaleSeal.Compute(rationale) };
    }

    /// <summary>
    /// The steps every rationale shares (a selection's candidate, a talent-mapping placement): the policy as applied, the
    /// evidence, and the JPM, band, performance, merit and talent-box steps with their numbers, from the published figures.
    /// </summary>
    public static RationaleSteps StepsOf(ScoringPolicy policy, Grade? minimumGrade, DateOnly? referenceDate, Grade grade,
        IReadOnlyList<CompetencyGap> gaps, IReadOnlyList<CountedYear> counted, decimal publishedJpm, JpmBand jpmBand,
        decimal publishedPerformance, decimal publishedMerit, int talentBoxNumber)
    {
        var validity = policy.AssessmentValidity;
        // Plain loops: a national run builds 100,000 of these to seal them, and each allocation here is garbage by then.
        var competencies = new CompetencyLine[gaps.Count];
        List<string>? missing = null; // most candidates were assessed on every competency
        int credited = 0, required = 0;
        for (var i = 0; i < gaps.Count; i++)
        {
            var g = gaps[i];
            competencies[i] = new CompetencyLine(g.CompetencyCode, g.RequiredLevel, g.AssessedLevel, g.Gap, g.CreditedLevel);
            if (validity is not null)
                competencies[i] = ValidityOf(competencies[i], g, validity);
            credited += g.CreditedLevel;
            required += g.RequiredLevel;
            if (g.AssessedLevel is null)
                (missing ??= []).Add(g.CompetencyCode);
        }

        var years = new PerformanceYearLine[counted.Count];
        var weightedSum = 0m;
        for (var i = 0; i < counted.Count; i++)
        {
            var y = counted[i];
            var value = (int)(y.Rating ?? 0);
            years[i] = new PerformanceYearLine(y.Year, y.Weight, y.Rating, value, y.Weight * value);
            weightedSum += years[i].WeightedValue;
        }

        var jpm = new JpmStep(JpmFormula, credited, required, required == 0 ? 0 : credited * 100m / required, publishedJpm,
            missing ?? (IReadOnlyList<string>)[]);

        var (top, middle) = JpmBands.Thresholds(policy.BandSet);
        var band = new BandStep(policy.BandSet, top, middle, jpmBand, JpmBands.IndonesianTerm(jpmBand));

        var performance = new PerformanceStep(PerformanceFormula, weightedSum, weightedSum / MeritScorer.RatingScaleMax * 100m,
            publishedPerformance);

        var competencePart = policy.CompetenceWeight * publishedJpm;
        var performancePart = policy.PerformanceWeight * publishedPerformance;
        var merit = new MeritStep(MeritFormula, policy.CompetenceWeight, publishedJpm, competencePart, policy.PerformanceWeight,
            publishedPerformance, performancePart, competencePart + performancePart, publishedMerit, Rounding);

        var box = Scoring.TalentBox.FromNumber(talentBoxNumber);
        var talentBox = new TalentBoxStep(box.Potential, box.Performance, box.Number, box.InTalentPool, box.Meaning);

        return new RationaleSteps(
            PolicyOf(policy, minimumGrade),
            new RationaleEvidence(grade.ToString(), competencies, years) { ReferenceDate = validity is null ? null : referenceDate },
            jpm, band, performance, merit, talentBox);
    }

    /// <summary>The policy as a rationale states it: its weights, years, bands and gates, and its validity rule if it has one.</summary>
    public static RationalePolicy PolicyOf(ScoringPolicy policy, Grade? minimumGrade = null) =>
        new(policy.Version, policy.CompetenceWeight, policy.PerformanceWeight, policy.PerformanceYearWeights, policy.BandSet, policy.MinimumRating,
            minimumGrade?.ToString())
        {
            AssessmentValidityYears = policy.AssessmentValidity?.ValidityYears,
            AccreditedBodiesOnly = policy.AssessmentValidity?.AccreditedBodiesOnly,
        };

    /// <summary>The validity members of a line: the counted assessment's dates and, worded by the rule, each one passed over.</summary>
    private static CompetencyLine ValidityOf(CompetencyLine line, CompetencyGap gap, AssessmentValidityRule rule)
    {
        var stored = gap.PassedOver ?? [];
        var passed = new PassedOverLine[stored.Count];
        for (var i = 0; i < passed.Length; i++)
        {
            var p = stored[i];
            passed[i] = new PassedOverLine(p.Level, p.AssessedOn, p.Assessor, p.Refusal, rule.Explain(p.Refusal, p.AssessedOn, p.Assessor));
        }
        return line with
        {
            AssessedOn = gap.AssessedOn,
            ValidThrough = gap.AssessedOn is { } on ? rule.ValidThrough(on) : null,
            PassedOver = passed,
        };
    }

    private static string ExplainRank(CandidateResult result) => result.Rank is not { } rank
        ? "Not ranked: the candidate is not eligible (see eligibility). Eligibility gates decide who may be ranked, never the order."
        : result.RankDecidedBy switch
        {
            RankDecision.MeritScore => $"Rank {rank}: placed by merit score alone.",
            RankDecision.JobPersonMatch => $"Rank {rank}: equal merit score with a neighbour; the higher job-person match (JPM) decides.",
            RankDecision.LatestRating => $"Rank {rank}: equal merit score and JPM with a neighbour; the latest year's SKP rating decides.",
            RankDecision.SharedRank => $"Rank {rank}, shared: equal on merit score, JPM and latest SKP rating; a tie is never broken by name, id, age or seniority.",
            _ => $"Rank {rank}.",
        };
}
