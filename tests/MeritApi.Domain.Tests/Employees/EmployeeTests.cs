using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests.Employees;

[TestFixture]
public class EmployeeTests
{
    private static Employee NewEmployee() =>
        new(TestData.Id(1), Nip.Parse("198501012010011001"), "Siti Rahayu", Grade.Parse("III/c"), "Biro Kepegawaian");

    [Test]
    public void RecordingANewYearAddsIt()
    {
        var employee = NewEmployee();

        var changed = employee.RecordPerformanceRating(2024, Good, TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(employee.PerformanceRatings, Has.Count.EqualTo(1));
            Assert.That(employee.PerformanceRatings[0].Year, Is.EqualTo(2024));
            Assert.That(employee.PerformanceRatings[0].Rating, Is.EqualTo(Good));
            Assert.That(employee.PerformanceRatings[0].EmployeeId, Is.EqualTo(employee.Id));
        }
    }

    [Test]
    public void RecordingTheSameYearAgainCorrectsIt()
    {
        var employee = NewEmployee();
        employee.RecordPerformanceRating(2024, Good, TestData.Now);
        var later = TestData.Now.AddDays(3);

        var changed = employee.RecordPerformanceRating(2024, VeryGood, later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(employee.PerformanceRatings, Has.Count.EqualTo(1));
            Assert.That(employee.PerformanceRatings[0].Rating, Is.EqualTo(VeryGood));
            Assert.That(employee.PerformanceRatings[0].RecordedAt, Is.EqualTo(later));
        }
    }

    [Test]
    public void RecordingTheSameRatingAgainChangesNothing()
    {
        var employee = NewEmployee();
        employee.RecordPerformanceRating(2024, Good, TestData.Now);

        var changed = employee.RecordPerformanceRating(2024, Good, TestData.Now.AddDays(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(employee.PerformanceRatings, Has.Count.EqualTo(1));
            Assert.That(employee.PerformanceRatings[0].RecordedAt, Is.EqualTo(TestData.Now));
        }
    }

    [TestCase(2026)] // after the year it is recorded in (Now is 2025)
    [TestCase(1999)] // before the first rating year
    public void YearOutOfRangeIsRefused(int year)
    {
        var employee = NewEmployee();

        var ex = Assert.Throws<DomainException>(() => employee.RecordPerformanceRating(year, Good, TestData.Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Rule.Id, Is.EqualTo("rating-year-out-of-range"));
            Assert.That(employee.PerformanceRatings, Is.Empty);
        }
    }

    [Test]
    public void CurrentAndFirstYearAreAccepted()
    {
        var employee = NewEmployee();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(employee.RecordPerformanceRating(2025, Good, TestData.Now), Is.True);
            Assert.That(employee.RecordPerformanceRating(Employee.FirstRatingYear, Good, TestData.Now), Is.True);
        }
    }

    [Test]
    public void UndefinedRatingIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            NewEmployee().RecordPerformanceRating(2024, (PerformanceRating)0, TestData.Now));

    [Test]
    public void AssessmentRules()
    {
        var employee = NewEmployee();
        var today = DateOnly.FromDateTime(TestData.Now.UtcDateTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Assert.Throws<DomainException>(() =>
                employee.RecordAssessment(TestData.Id(9), "INT", 3, today.AddDays(1), "UPT Penilaian Kompetensi", TestData.Now))?.Rule.Id,
                Is.EqualTo("assessment-in-future"));
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                employee.RecordAssessment(TestData.Id(9), "INT", 6, today, "UPT Penilaian Kompetensi", TestData.Now));
            Assert.Throws<ArgumentException>(() =>
                employee.RecordAssessment(TestData.Id(9), "int", 3, today, "UPT Penilaian Kompetensi", TestData.Now));
            Assert.That(employee.Assessments, Is.Empty);

            var assessment = employee.RecordAssessment(TestData.Id(9), "INT", 3, today, "UPT Penilaian Kompetensi", TestData.Now);
            Assert.That(employee.Assessments, Is.EqualTo(new[] { assessment }));
            Assert.That(assessment.Level, Is.EqualTo(3));
        }
    }

    [Test]
    public void The_same_assessment_is_the_same_competency_level_date_and_assessing_body()
    {
        var day = new DateOnly(2025, 3, 1);
        var assessment = NewEmployee().RecordAssessment(TestData.Id(9), "INT", 3, day, "UPT Penilaian Kompetensi", TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(assessment.IsSameAs("INT", 3, day, "  UPT Penilaian Kompetensi "), Is.True, "the assessor as sent, trimmed");
            Assert.That(assessment.IsSameAs("INT", 4, day, "UPT Penilaian Kompetensi"), Is.False, "another level on the day is a correction");
            Assert.That(assessment.IsSameAs("INT", 3, day.AddDays(1), "UPT Penilaian Kompetensi"), Is.False);
            Assert.That(assessment.IsSameAs("KS", 3, day, "UPT Penilaian Kompetensi"), Is.False);
            Assert.That(assessment.IsSameAs("INT", 3, day, "Lembaga lain"), Is.False);
        }
    }

    [Test]
    public void A_position_taken_up_is_recorded_once_and_moves_the_revision()
    {
        var employee = NewEmployee();
        var today = new DateOnly(2026, 12, 1);
        var held = new PositionHeld(TestData.Id(7), new DateOnly(2023, 1, 2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(employee.AssignPosition(held, today), Is.True);
            Assert.That((employee.CurrentPositionId, employee.InPositionSince), Is.EqualTo((TestData.Id(7), (DateOnly?)new DateOnly(2023, 1, 2))));
            Assert.That(employee.Revision, Is.EqualTo(1));
            Assert.That(employee.AssignPosition(held, today), Is.False, "the same position again changes nothing");
            Assert.That(employee.Revision, Is.EqualTo(1));
            Assert.That(employee.AssignPosition(held with { Since = today }, today), Is.True, "taken up today is fine");
        }
    }

    [Test]
    public void A_position_cannot_be_taken_up_after_today()
    {
        var employee = NewEmployee();
        var ex = Assert.Throws<DomainException>(() =>
            employee.AssignPosition(new PositionHeld(TestData.Id(7), new DateOnly(2026, 12, 2)), new DateOnly(2026, 12, 1)));
        Assert.That(ex.Rule, Is.EqualTo(Rules.PositionStartInFuture));
        Assert.That(employee.CurrentPositionId, Is.Null);
    }
}
