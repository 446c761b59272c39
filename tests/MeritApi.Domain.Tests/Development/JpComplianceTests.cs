using MeritApi.Domain.Common;
using MeritApi.Domain.Development;
using MeritApi.Domain.Employees;

namespace MeritApi.Domain.Tests.Development;

/// <summary>
/// Development hours (PP 11/2017 jo. PP 17/2020 Art. 203(4)), hand-computed: one JP is 45 minutes, counted in half JP rounded
/// down; a PNS needs at least 20 JP a year (20 exactly meets it, 19.5 does not); a PPPK has at most 24 (24 exactly is within).
/// </summary>
public sealed class JpComplianceTests
{
    [TestCase(900, 20.0)]   // 20 × 45
    [TestCase(899, 19.5)]   // 19.98 JP: the last half JP is not complete
    [TestCase(878, 19.5)]   // 19.51
    [TestCase(877, 19.0)]   // 19.49: 22 minutes short of 19.5
    [TestCase(23, 0.5)]     // the smallest activity: half a JP (22.5 minutes) and a bit
    [TestCase(45, 1.0)]
    public void Minutes_are_JP_rounded_down_to_the_half(int minutes, decimal jp) =>
        Assert.That(JamPelajaran.FromMinutes(minutes).Value, Is.EqualTo(jp));

    [Test]
    public void Less_than_half_a_JP_or_a_JP_figure_not_in_halves_is_refused()
    {
        Assert.That(Assert.Throws<InvalidFieldException>(() => JamPelajaran.FromMinutes(22))!.Field, Is.EqualTo("minutes"));
        Assert.That(Assert.Throws<InvalidFieldException>(() => JamPelajaran.Of(19.4m))!.Field, Is.EqualTo("jp"));
        Assert.That(Assert.Throws<InvalidFieldException>(() => JamPelajaran.Of(0m))!.Field, Is.EqualTo("jp"));
        Assert.That(JamPelajaran.Of(19.5m).Value, Is.EqualTo(19.5m));
    }

    [TestCase(EmploymentType.Pns, 20.0, JpStanding.Compliant, 0.0)]
    [TestCase(EmploymentType.Pns, 19.5, JpStanding.BelowMinimum, 0.5)]
    [TestCase(EmploymentType.Pns, 0.0, JpStanding.BelowMinimum, 20.0)]
    [TestCase(EmploymentType.Pns, 60.0, JpStanding.Compliant, 0.0)]
    [TestCase(EmploymentType.Pppk, 24.0, JpStanding.Compliant, 0.0)]
    [TestCase(EmploymentType.Pppk, 24.5, JpStanding.AboveCap, 0.0)]
    [TestCase(EmploymentType.Pppk, 0.0, JpStanding.Compliant, 0.0)]
    [TestCase(null, 12.0, JpStanding.EmploymentTypeUnknown, 0.0)]
    public void Each_appointment_is_judged_by_its_own_rule(EmploymentType? type, decimal jp, JpStanding standing, decimal shortfall)
    {
        Assert.That(JpCompliance.Judge(type, jp), Is.EqualTo(standing));
        Assert.That(JpCompliance.Shortfall(type, jp), Is.EqualTo(shortfall));
    }

    [Test]
    public void An_activity_ends_after_it_starts_and_by_today_and_counts_in_the_year_it_ended()
    {
        var today = new DateOnly(2026, 12, 2);
        DevelopmentActivity Activity(DateOnly start, DateOnly end) => new(Guid.NewGuid(), Guid.NewGuid(), DevelopmentForm.Workshop, " Lokakarya SKP ",
            null, start, end, JamPelajaran.Of(8), ["M-RESULTS"], null, today, DateTimeOffset.UnixEpoch);

        Assert.That(Assert.Throws<InvalidFieldException>(() => Activity(new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1)))!.Field, Is.EqualTo("endDate"));
        Assert.That(Assert.Throws<InvalidFieldException>(() => Activity(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3)))!.Field, Is.EqualTo("endDate"));
        var across = Activity(new DateOnly(2025, 12, 29), new DateOnly(2026, 1, 2));
        Assert.That((across.CountsInYear, across.Title, across.Form.IsClassical()), Is.EqualTo((2026, "Lokakarya SKP", true)));
        Assert.That(across.IsSameAs(across.EmployeeId, DevelopmentForm.Workshop, "Lokakarya SKP ", across.StartDate, across.EndDate), Is.True);
        Assert.That(across.IsSameAs(across.EmployeeId, DevelopmentForm.Seminar, "Lokakarya SKP", across.StartDate, across.EndDate), Is.False);
        Assert.That(DevelopmentForm.Coaching.IsClassical(), Is.False);
    }
}
