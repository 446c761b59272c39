using System.Text;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;

namespace MeritApi.Api.Rendering;

/// <summary>
/// A rationale as a statement an auditor reads: Markdown (which is also plain text), in English with the
/// Indonesian terms beside them. Every number comes from the same rationale the JSON form serves.
/// </summary>
public static class RationaleStatement
{
    /// <summary>The assessed level as a reader needs it: when it was assessed, until when it counts, or why nothing counts.</summary>
    private static string Assessed(CompetencyLine c) => c switch
    {
        { AssessedLevel: { } level, AssessedOn: { } on } => $"{level} (assessed {on:yyyy-MM-dd}, valid through {c.ValidThrough:yyyy-MM-dd})",
        { AssessedLevel: { } level } => level.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { PassedOver.Count: > 0 } => "needs reassessment (counts 0)",
        _ => "not assessed (counts 0)",
    };

    public static string ToMarkdown(CandidateRationale r)
    {
        static string N(decimal value) => MeritApi.Domain.Canonical.CanonicalJson.Normalise(value);
        var md = new StringBuilder();
        var line = (string text) => md.Append(text).Append('\n');

        line($"# Rationale of candidate {r.CandidateCode} (alasan penilaian)");
        line("");
        line($"Selection `{r.SelectionId}`, scoring run `{r.ScoringRunId}`, candidate `{r.CandidateId}`.");
        line($"Scored under scoring policy version {r.Policy.Version} (kebijakan penilaian): competence weight {N(r.Policy.CompetenceWeight)}, " +
             $"performance weight {N(r.Policy.PerformanceWeight)}, SKP year weights {string.Join(" / ", r.Policy.PerformanceYearWeights.Select(N))} " +
             $"(latest first), {r.Policy.BandSet} bands, each counted year at least {Rating(r.Policy.MinimumRating)}" +
             (r.Policy.PositionMinimumGrade is { } g ? $", position minimum grade {g}." : ", no minimum grade."));
        if (r.Policy.AssessmentValidityYears is { } years)
            line($"A competency assessment counts for {years} years from its date to {r.Evidence.ReferenceDate:yyyy-MM-dd}, the selection's " +
                 "opening date (masa berlaku hasil penilaian kompetensi, Peraturan BKN 26/2019 Art. 29(4))" +
                 (r.Policy.AccreditedBodiesOnly == true ? ", and only from a body accredited on the day it assessed." : "."));
        line("");

        line("## Evidence as read (bukti yang dibaca)");
        line("");
        line($"Grade (golongan): {r.Evidence.Grade}.");
        line("");
        line("| Competency (kompetensi) | Required (standar) | Assessed (hasil asesmen) | Gap (kesenjangan) | Credited |");
        line("| --- | ---: | ---: | ---: | ---: |");
        foreach (var c in r.Evidence.Competencies)
            line($"| {c.CompetencyCode} | {c.RequiredLevel} | {Assessed(c)} | {c.Gap:+0;-0;0} | {c.CreditedLevel} |");
        line("");
        var passedOver = r.Evidence.Competencies.SelectMany(c => (c.PassedOver ?? []).Select(p => (c.CompetencyCode, p))).ToList();
        if (passedOver.Count > 0)
        {
            line("Assessments that do not count (hasil penilaian yang tidak berlaku):");
            line("");
            foreach (var (code, p) in passedOver)
                line($"- {code}: level {p.Level} assessed {p.AssessedOn:yyyy-MM-dd} by {p.Assessor}: {p.Reason}.");
            line("");
        }
        line("| Year (tahun) | SKP rating (predikat kinerja) | Value | Weight (bobot) | Weight × value |");
        line("| --- | --- | ---: | ---: | ---: |");
        foreach (var y in r.Evidence.PerformanceYears)
            line($"| {y.Year} | {(y.Rating is { } rating ? Rating(rating) : "none recorded")} | {y.RatingValue} | {N(y.Weight)} | {N(y.WeightedValue)} |");
        line("");

        line("## Formula steps (langkah perhitungan)");
        line("");
        var jpm = r.JobPersonMatch;
        line($"1. Job-person match (JPM, kesesuaian jabatan): Σ credited {jpm.CreditedLevels} / Σ required {jpm.RequiredLevels} × 100 = " +
             $"{N(jpm.Unrounded)} → **{N(jpm.Published)}** (half-even, 2 decimals)." +
             (jpm.MissingCompetencies.Count > 0 ? $" Not assessed, counted as 0: {string.Join(", ", jpm.MissingCompetencies)}." : ""));
        var band = r.Band;
        line($"2. Band ({band.BandSet} set): top band from {N(band.TopBandFrom)}, middle band from {N(band.MiddleBandFrom)}; " +
             $"JPM {N(jpm.Published)} → **{band.Band} ({band.IndonesianTerm})**.");
        var perf = r.Performance;
        line($"3. Performance score (nilai kinerja): Σ weight × value = {N(perf.WeightedRatingSum)}; {N(perf.WeightedRatingSum)} / 5 × 100 = " +
             $"{N(perf.Unrounded)} → **{N(perf.Published)}**.");
        var merit = r.Merit;
        line($"4. Merit score (nilai merit): {N(merit.CompetenceWeight)} × {N(merit.Jpm)} + {N(merit.PerformanceWeight)} × {N(merit.PerformanceScore)} = " +
             $"{N(merit.CompetencePart)} + {N(merit.PerformancePart)} = {N(merit.Unrounded)} → **{N(merit.Published)}** ({merit.Rounding}).");
        var box = r.TalentBox;
        line($"5. Talent box (kotak talenta, PermenPANRB 3/2020): potential {box.Potential} from the band, performance {box.PerformanceLevel} " +
             $"(≥ {N(TalentBox.AboveExpectationFrom)} above, ≥ {N(TalentBox.MeetsExpectationFrom)} meets) → **box {box.Box}**: {box.Meaning}.");
        line("");

        line("## Eligibility (syarat)");
        line("");
        if (r.Eligibility.Eligible)
            line("Eligible: every counted year has an SKP rating of at least the policy minimum, and the grade meets the position's minimum.");
        else
            foreach (var reason in r.Eligibility.Reasons)
                line($"- Not eligible ({reason.Code}): {reason.Detail}");
        line("");

        line("## Rank (peringkat)");
        line("");
        line(r.Rank.Explanation);
        line("");

        line("## Seal (segel)");
        line("");
        line($"SHA-256 of the canonical rationale, fixed when the run was stored: `{r.Seal}`.");
        line("Re-verify with `GET …/rationale/verification`: it recomputes every figure from the evidence above and checks this seal.");
        return md.ToString();
    }

    private static string Rating(PerformanceRating rating) => rating switch
    {
        PerformanceRating.VeryGood => "VeryGood (sangat baik)",
        PerformanceRating.Good => "Good (baik)",
        PerformanceRating.NeedsImprovement => "NeedsImprovement (butuh perbaikan)",
        PerformanceRating.Poor => "Poor (kurang)",
        PerformanceRating.VeryPoor => "VeryPoor (sangat kurang)",
        _ => rating.ToString(),
    };
}
