using MeritApi.Domain.Development;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Tests.Development;

/// <summary>
/// The development-needs inventory, hand-computed, judged on 2026-06-01 under three-year validity: a valid assessment below the
/// standard is a gap; one exactly three years old still counts; one a day older means the competency needs assessment; the
/// same evidence against a target position's higher standard shows the gap to that position.
/// </summary>
public sealed class NeedsInventoryTests
{
    private static readonly AssessmentScreen Screen = new(new AssessmentValidityRule(3, accreditedBodiesOnly: false), new DateOnly(2026, 6, 1), []);

    private static StandardLineEvidence Line(string code, int required, params (int Level, int Year, int Month, int Day)[] newestFirst) =>
        new(code, required, [.. newestFirst.Select(a => new AssessmentEvidence(a.Level, new DateOnly(a.Year, a.Month, a.Day), "Pusat Penilaian"))]);

    [Test]
    public void A_valid_assessment_below_the_standard_is_a_gap_and_one_at_or_above_it_is_no_need()
    {
        var needs = NeedsInventory.Of([Line("M-INTEGRITY", 4, (2, 2025, 3, 1)), Line("M-COOPERATION", 3, (3, 2025, 3, 1)), Line("T-AUDIT", 2, (5, 2024, 1, 1))], Screen);

        Assert.That(needs, Is.EqualTo(new[]
        {
            new DevelopmentNeed("M-INTEGRITY", 4, 2, new DateOnly(2025, 3, 1), -2, NeedKind.BelowStandard, "assessed 2 on 2025-03-01, 2 below the required 4"),
        }));
    }

    [Test]
    public void Exactly_three_years_old_counts_a_day_older_needs_assessment_and_never_assessed_too()
    {
        var needs = NeedsInventory.Of(
        [
            Line("A-EXACT", 3, (2, 2023, 6, 1)),      // valid through 2026-06-01: counts, a gap of 1
            Line("B-DAY-OLDER", 3, (5, 2023, 5, 31)), // expired on 2026-06-01: needs assessment, however high it was
            Line("C-NEVER", 2),
        ], Screen);

        Assert.That(needs.Select(n => (n.CompetencyCode, n.Kind, n.AssessedLevel, n.Gap)), Is.EqualTo(new[]
        {
            ("A-EXACT", NeedKind.BelowStandard, (int?)2, -1),
            ("B-DAY-OLDER", NeedKind.NeedsAssessment, (int?)null, -3),
            ("C-NEVER", NeedKind.NeedsAssessment, (int?)null, -2),
        }));
        Assert.That(needs[1].Reason, Is.EqualTo("needs reassessment: its latest assessment expired on 2026-06-01 (assessed 2023-05-31, valid 3 years)"));
        Assert.That(needs[2].Reason, Is.EqualTo("never assessed"));
    }

    [Test]
    public void Against_a_target_position_the_same_evidence_shows_the_gap_to_its_higher_standard()
    {
        // Held: integrity 3, cooperation 3 (met). To be held (structural, higher): integrity 4, cooperation 4, change 3.
        (int, int, int, int)[] integrity = [(3, 2025, 1, 10)], cooperation = [(4, 2025, 1, 10)];
        var held = NeedsInventory.Of([Line("M-COOPERATION", 3, cooperation), Line("M-INTEGRITY", 3, integrity)], Screen);
        var target = NeedsInventory.Of([Line("M-CHANGE", 3), Line("M-COOPERATION", 4, cooperation), Line("M-INTEGRITY", 4, integrity)], Screen);

        Assert.That(held, Is.Empty);
        Assert.That(target.Select(n => (n.CompetencyCode, n.Kind, n.Gap)), Is.EqualTo(new[]
        {
            ("M-CHANGE", NeedKind.NeedsAssessment, -3),
            ("M-INTEGRITY", NeedKind.BelowStandard, -1),
        }));
    }

    [Test]
    public void The_suggestion_coaches_one_level_trains_more_at_20_JP_a_level_and_assesses_first_what_has_no_valid_assessment()
    {
        DevelopmentNeed Need(int gap, NeedKind kind = NeedKind.BelowStandard) => new("M-INTEGRITY", 4, 4 + gap, null, gap, kind, "");

        Assert.That(NeedsInventory.Suggestion(Need(-1)), Is.EqualTo(((DevelopmentForm?)DevelopmentForm.Coaching, 20)));
        Assert.That(NeedsInventory.Suggestion(Need(-3)), Is.EqualTo(((DevelopmentForm?)DevelopmentForm.Training, 60)));
        Assert.That(NeedsInventory.Suggestion(Need(-4, NeedKind.NeedsAssessment)), Is.EqualTo(((DevelopmentForm?)null, 0)));
    }
}
