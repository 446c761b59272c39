using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Tests.Scoring;

/// <summary>
/// Assessment validity (Peraturan BKN 26/2019 Art. 29(4)), hand-computed. Reference date: the selection opened on
/// 2026-06-01. Three years, inclusive: 2023-06-01 is exactly three years old that day and counts; 2023-05-31 is a day
/// older and expired on 2026-06-01.
/// </summary>
public sealed class AssessmentValidityTests
{
    private static readonly DateOnly Opening = new(2026, 6, 1);
    private static readonly AssessmentValidityRule ThreeYears = new(3, accreditedBodiesOnly: false);
    private static readonly AssessmentValidityRule Accredited = new(3, accreditedBodiesOnly: true);
    private static readonly AccreditedBody Centre = new("Pusat Penilaian Kompetensi ASN", new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31));

    private static AssessmentEvidence On(int year, int month, int day, string assessor = "Pusat Penilaian Kompetensi ASN", int level = 3) =>
        new(level, new DateOnly(year, month, day), assessor);

    [Test]
    public void An_assessment_exactly_three_years_old_on_the_opening_date_counts()
    {
        var verdict = ThreeYears.Judge(On(2023, 6, 1), Opening, []);
        Assert.That(verdict, Is.EqualTo(new AssessmentVerdict(true, new DateOnly(2026, 6, 1), null, null)));
    }

    [Test]
    public void One_a_day_older_has_expired_on_the_opening_date()
    {
        var verdict = ThreeYears.Judge(On(2023, 5, 31), Opening, []);
        Assert.That(verdict.Counts, Is.False);
        Assert.That(verdict.Refusal, Is.EqualTo(AssessmentRefusal.Expired));
        Assert.That(verdict.ValidThrough, Is.EqualTo(new DateOnly(2026, 5, 31)));
        Assert.That(verdict.Reason, Is.EqualTo("expired on 2026-06-01 (assessed 2023-05-31, valid 3 years)"));
    }

    [Test]
    public void An_assessment_of_29_february_is_three_years_old_on_28_february()
    {
        Assert.That(ThreeYears.ValidThrough(new DateOnly(2024, 2, 29)), Is.EqualTo(new DateOnly(2027, 2, 28)));
        Assert.That(ThreeYears.Judge(On(2024, 2, 29), new DateOnly(2027, 3, 1), []).Refusal, Is.EqualTo(AssessmentRefusal.Expired));
    }

    [Test]
    public void With_accredited_bodies_only_an_unlisted_body_or_one_assessing_outside_its_accreditation_does_not_count()
    {
        Assert.That(Accredited.Judge(On(2025, 3, 1, "Konsultan Swasta"), Opening, [Centre]).Reason,
            Is.EqualTo("assessor 'Konsultan Swasta' not accredited on 2025-03-01"));
        Assert.That(Accredited.Judge(On(2026, 2, 1), Opening, [Centre]).Refusal, Is.EqualTo(AssessmentRefusal.AssessorNotAccredited),
            "its accreditation lapsed on 2025-12-31");
        Assert.That(Accredited.Judge(On(2025, 12, 31, "  pusat penilaian kompetensi asn "), Opening, [Centre]).Counts, Is.True,
            "the last day of the accreditation counts; the name as people write it");
        Assert.That(ThreeYears.Judge(On(2025, 3, 1, "Konsultan Swasta"), Opening, []).Counts, Is.True, "the policy does not ask");
    }

    [Test]
    public void Expiry_is_judged_before_accreditation()
    {
        Assert.That(Accredited.Judge(On(2022, 1, 1, "Konsultan Swasta"), Opening, [Centre]).Refusal, Is.EqualTo(AssessmentRefusal.Expired));
    }

    [Test]
    public void The_latest_valid_assessment_counts_and_every_newer_one_passed_over_is_named()
    {
        var (counted, passed) = Accredited.LatestValid(
            [On(2026, 3, 1, "Konsultan Swasta", level: 5), On(2024, 7, 1, level: 4), On(2022, 1, 1, level: 2)], Opening, [Centre]);
        Assert.That(counted, Is.EqualTo(On(2024, 7, 1, level: 4)));
        Assert.That(passed.Select(p => p.Verdict.Refusal), Is.EqualTo(new AssessmentRefusal?[] { AssessmentRefusal.AssessorNotAccredited }));
    }

    [Test]
    public void When_none_is_valid_the_competency_counts_as_missing()
    {
        var (counted, passed) = ThreeYears.LatestValid([On(2023, 5, 31), On(2021, 1, 1)], Opening, []);
        Assert.That(counted, Is.Null);
        Assert.That(passed, Has.Count.EqualTo(2));
        Assert.That(passed.Select(p => p.Verdict.Refusal), Has.All.EqualTo(AssessmentRefusal.Expired));
    }

    [TestCase(0)]
    [TestCase(11)]
    public void A_validity_outside_one_to_ten_years_is_refused(int years) =>
        Assert.That(() => new AssessmentValidityRule(years, false), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
