using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests;

[TestFixture]
public class NipTests
{
    private const string ValidNip = "198501012010011001";

    [Test]
    public void ParsesEighteenDigits()
    {
        var nip = Nip.Parse(ValidNip);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nip.Value, Is.EqualTo(ValidNip));
            Assert.That(nip.ToString(), Is.EqualTo(ValidNip));
            Assert.That(nip, Is.EqualTo(Nip.Parse(ValidNip)));
            Assert.That(Nip.IsValid(ValidNip), Is.True);
        }
    }

    [Test]
    public void NullIsInvalid() => Assert.That(Nip.IsValid(null), Is.False);
}

[TestFixture]
public class GradeTests
{
    [TestCase("I/a", 1, 'a', 1)]
    [TestCase("I/d", 1, 'd', 4)]
    [TestCase("II/a", 2, 'a', 5)]
    [TestCase("II/d", 2, 'd', 8)]
    [TestCase("III/c", 3, 'c', 11)]
    [TestCase("IV/a", 4, 'a', 13)]
    [TestCase("IV/e", 4, 'e', 17)]
    public void ParsesGrades(string text, int group, char room, int ordinal)
    {
        var grade = Grade.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(grade.Group, Is.EqualTo(group));
            Assert.That(grade.Room, Is.EqualTo(room));
            Assert.That(grade.Ordinal, Is.EqualTo(ordinal)); // (group − 1) × 4 + room index + 1
            Assert.That(grade.ToString(), Is.EqualTo(text));
        }
    }

    [TestCase("III/e")] // 'e' exists only in group IV
    [TestCase("I/e")]
    [TestCase("II/e")]
    [TestCase("IV/f")]
    [TestCase("V/a")]
    [TestCase("iv/a")]
    [TestCase("IV/A")]
    [TestCase("IVa")]
    [TestCase("IV/")]
    [TestCase("/a")]
    [TestCase("IV/ab")]
    [TestCase(" III/c")]
    [TestCase("")]
    public void RejectsNonGrades(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Grade.TryParse(text, out _), Is.False);
            Assert.Throws<FormatException>(() => Grade.Parse(text));
        }
    }

    [Test]
    public void NullIsNotAGrade() => Assert.That(Grade.TryParse(null, out _), Is.False);

    [Test]
    public void AllListsTheSeventeenGradesInOrder()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Grade.All, Has.Count.EqualTo(17)); // 4 + 4 + 4 + 5
            Assert.That(Grade.All.Select(g => g.Ordinal), Is.EqualTo(Enumerable.Range(1, 17)));
            Assert.That(Grade.All, Is.Ordered.Ascending);
            Assert.That(Grade.All[0].ToString(), Is.EqualTo("I/a"));
            Assert.That(Grade.All[^1].ToString(), Is.EqualTo("IV/e"));
            Assert.That(Grade.All.Select(g => Grade.Parse(g.ToString())), Is.EqualTo(Grade.All));
        }
    }

    [TestCase("III/b", "III/c")]
    [TestCase("II/d", "III/a")]
    [TestCase("I/a", "IV/e")]
    [TestCase("IV/d", "IV/e")]
    public void Ordering(string lower, string higher)
    {
        var low = Grade.Parse(lower);
        var high = Grade.Parse(higher);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(low < high, Is.True);
            Assert.That(low <= high, Is.True);
            Assert.That(high > low, Is.True);
            Assert.That(high >= low, Is.True);
            Assert.That(low > high, Is.False);
            Assert.That(low.CompareTo(high), Is.Negative);
            Assert.That(high.CompareTo(low), Is.Positive);
        }
    }

    [Test]
    public void EqualGradesCompareEqual()
    {
        var a = Grade.Parse("III/c");
        var b = Grade.Parse("III/c");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.CompareTo(b), Is.Zero);
            Assert.That(a <= b && a >= b, Is.True);
        }
    }
}

[TestFixture]
public class PositionTests
{
    private static Position NewPosition(params (string, int)[] standard) =>
        new(TestData.Id(1), "JPT-01", "Kepala Bagian Kepegawaian", PositionKind.Structural, Grade.Parse("III/c"), standard);

    [Test]
    public void KeepsTheStandardInOrder()
    {
        var position = NewPosition(("INT", 3), ("KS", 3), ("KOM", 4));

        Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)),
            Is.EqualTo(new[] { ("INT", 3), ("KS", 3), ("KOM", 4) }));
    }

    [Test]
    public void DuplicateCompetencyIsRefused()
    {
        var position = NewPosition(("INT", 3));

        using (Assert.EnterMultipleScope())
        {
            var ex = Assert.Throws<DomainException>(() => position.ReplaceStandard([("KS", 3), ("KS", 4)]));
            Assert.That(ex?.Rule, Is.EqualTo("duplicate-competency"));
            Assert.That(ex?.Message, Does.Contain("KS"));
            Assert.That(Assert.Throws<DomainException>(() => NewPosition(("INT", 3), ("INT", 3)))?.Rule,
                Is.EqualTo("duplicate-competency"));
            // A refused replacement leaves the standard as it was.
            Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)), Is.EqualTo(new[] { ("INT", 3) }));
        }
    }

    [Test]
    public void EmptyOrOversizedStandardIsRefused()
    {
        var position = NewPosition(("INT", 3));
        var tooMany = Enumerable.Range(1, Position.MaxStandardSize + 1).Select(i => ($"C{i}", 3)).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Assert.Throws<DomainException>(() => position.ReplaceStandard([]))?.Rule, Is.EqualTo("empty-standard"));
            Assert.That(Assert.Throws<DomainException>(() => position.ReplaceStandard(tooMany))?.Rule, Is.EqualTo("standard-too-large"));
        }
    }

    [Test]
    public void ReplaceUpdatesInPlaceRemovesAndAdds()
    {
        var position = NewPosition(("INT", 3), ("KS", 3), ("KOM", 4));
        var integrity = position.Standard[0];

        position.ReplaceStandard([("INT", 4), ("KOM", 4), ("TEK-01", 2)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)),
                Is.EqualTo(new[] { ("INT", 4), ("KOM", 4), ("TEK-01", 2) }));
            Assert.That(position.Standard[0], Is.SameAs(integrity)); // same requirement row, new level
            Assert.That(integrity.RequiredLevel, Is.EqualTo(4));
        }
    }

    [Test]
    public void LevelOutsideOneToFiveIsRefused()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Assert.Throws<DomainException>(() => NewPosition(("INT", 6)))?.Rule, Is.EqualTo("invalid-requirement"));
            Assert.That(Assert.Throws<DomainException>(() => NewPosition(("INT", 0)))?.Rule, Is.EqualTo("invalid-requirement"));
        }
    }

    [Test]
    public void FailedReplaceLeavesTheStandardUnchanged()
    {
        // Every line is checked before any is applied: a refused standard leaves the old one untouched.
        var position = NewPosition(("INT", 3), ("KS", 3), ("KOM", 4));

        Assert.Throws<DomainException>(() => position.ReplaceStandard([("INT", 4), ("KOM", 9)]));

        Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)),
            Is.EqualTo(new[] { ("INT", 3), ("KS", 3), ("KOM", 4) }));
    }
}

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
            Assert.That(ex.Rule, Is.EqualTo("rating-year-out-of-range"));
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
                employee.RecordAssessment(TestData.Id(9), "INT", 3, today.AddDays(1), "UPT Penilaian Kompetensi", TestData.Now))?.Rule,
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
}

[TestFixture]
public class SelectionTests
{
    private static Selection NewSelection() =>
        new(TestData.Id(100), TestData.Id(200), SelectionKind.Promotion, 1, ScoringPolicy.DefaultVersion,
            TestData.LatestYear, "PENG-001/2025", TestData.Now);

    private static readonly RankOutcome First = new(1, RankDecision.MeritScore);

    private static CandidateResult ResultFor(Candidate candidate, PerformanceRating? previous, RankOutcome? rank)
    {
        var evidence = new CandidateEvidence(candidate.Id, Grade.Parse("III/c"),
            new Dictionary<string, int> { ["INT"] = 3, ["KS"] = 3, ["KOM"] = 4 },
            TestData.Ratings(Good, previous));
        var score = MeritScorer.Score(TestData.Context(), evidence);
        return new CandidateResult(candidate.Id, candidate.EmployeeId, candidate.Code, evidence.Grade, score, rank);
    }

    [Test]
    public void EnrolGivesSequentialBlindCodes()
    {
        var selection = NewSelection();

        var first = selection.Enrol(TestData.Id(1), TestData.Id(11), TestData.Now);
        var second = selection.Enrol(TestData.Id(2), TestData.Id(12), TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Code, Is.EqualTo("C-00001"));
            Assert.That(second.Code, Is.EqualTo("C-00002"));
            Assert.That((first.Number, second.Number), Is.EqualTo((1, 2)));
            Assert.That(second.SelectionId, Is.EqualTo(selection.Id));
            Assert.That(second.EmployeeId, Is.EqualTo(TestData.Id(12)));
            Assert.That(selection.CandidateCount, Is.EqualTo(2));
            Assert.That(selection.Status, Is.EqualTo(SelectionStatus.Open));
        }
    }

    [Test]
    public void RunMustCoverEveryCandidate()
    {
        var selection = NewSelection();
        var first = selection.Enrol(TestData.Id(1), TestData.Id(11), TestData.Now);
        selection.Enrol(TestData.Id(2), TestData.Id(12), TestData.Now);

        var ex = Assert.Throws<DomainException>(() =>
            selection.RecordScoringRun(TestData.Id(50), TestData.Now, TestData.DefaultPolicy(), null, [ResultFor(first, Good, First)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Rule, Is.EqualTo("incomplete-run"));
            Assert.That(selection.Status, Is.EqualTo(SelectionStatus.Open));
            Assert.That(selection.ScoringRunCount, Is.Zero);
        }
    }

    [Test]
    public void EmptyRunIsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => NewSelection().RecordScoringRun(TestData.Id(50), TestData.Now, TestData.DefaultPolicy(), null, []));

        Assert.That(ex.Rule, Is.EqualTo("no-candidates"));
    }

    [Test]
    public void RecordingARunScoresTheSelectionAndEnrollingAgainReopensIt()
    {
        var selection = NewSelection();
        var first = selection.Enrol(TestData.Id(1), TestData.Id(11), TestData.Now);
        var second = selection.Enrol(TestData.Id(2), TestData.Id(12), TestData.Now);

        var run = selection.RecordScoringRun(TestData.Id(50), TestData.Now, TestData.DefaultPolicy(), null,
            [ResultFor(first, Good, First), ResultFor(second, null, null)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(selection.Status, Is.EqualTo(SelectionStatus.Scored));
            Assert.That(run.Sequence, Is.EqualTo(1));
            Assert.That(run.CandidateCount, Is.EqualTo(2));
            Assert.That(run.EligibleCount, Is.EqualTo(1)); // the second has no 2023 rating
            Assert.That(run.PolicyVersion, Is.EqualTo(1));
            Assert.That(run.LatestPerformanceYear, Is.EqualTo(2024));
            Assert.That(run.Results.Select(r => r.ScoringRunId), Is.All.EqualTo(run.Id));
            Assert.That(run.Results.Select(r => r.CandidateCode), Is.EqualTo(new[] { "C-00001", "C-00002" }));
            Assert.That(run.Results[0].MeritScore, Is.EqualTo(90m)); // JPM 100, perf 80: 0.5×100 + 0.5×80
            Assert.That(run.Results[1].Rank, Is.Null);
        }

        var third = selection.Enrol(TestData.Id(3), TestData.Id(13), TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(third.Code, Is.EqualTo("C-00003"));
            Assert.That(selection.Status, Is.EqualTo(SelectionStatus.Open));
        }

        var rerun = selection.RecordScoringRun(TestData.Id(51), TestData.Now, TestData.DefaultPolicy(), null,
            // Third: Good, VeryGood → perf (2.4 + 2.0)/5×100 = 88 → merit 94, ahead of the first's 90.
            [ResultFor(first, Good, new RankOutcome(2, RankDecision.MeritScore)), ResultFor(second, null, null),
             ResultFor(third, VeryGood, First)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rerun.Sequence, Is.EqualTo(2));
            Assert.That(selection.Status, Is.EqualTo(SelectionStatus.Scored));
            Assert.That(selection.ScoringRunCount, Is.EqualTo(2));
        }
    }

    [Test]
    public void ResultsAreListedByRankThenTheUnrankedByMeritWithTheCodeOnlyBreakingTies()
    {
        var selection = NewSelection();
        var first = selection.Enrol(TestData.Id(1), TestData.Id(11), TestData.Now);
        var second = selection.Enrol(TestData.Id(2), TestData.Id(12), TestData.Now);
        var third = selection.Enrol(TestData.Id(3), TestData.Id(13), TestData.Now);
        var fourth = selection.Enrol(TestData.Id(4), TestData.Id(14), TestData.Now);
        var shared = new RankOutcome(1, RankDecision.SharedRank);

        var run = selection.RecordScoringRun(TestData.Id(50), TestData.Now, TestData.DefaultPolicy(), null,
        [
            ResultFor(first, Good, shared), // merit 90, rank 1
            ResultFor(second, null, null), // no earlier rating: merit 74, unranked
            ResultFor(third, Poor, null), // below the minimum rating: merit 82, unranked
            ResultFor(fourth, Good, shared), // merit 90, rank 1 with the first
        ]);

        Assert.That(run.Results.Select(r => (r.CandidateCode, r.Rank, r.MeritScore, r.ListPosition)), Is.EqualTo(new[]
        {
            ("C-00001", (int?)1, 90m, 1),
            ("C-00002", null, 74m, 4),
            ("C-00003", null, 82m, 3),
            ("C-00004", 1, 90m, 2),
        }));
    }

    [Test]
    public void RunUnderAnotherPolicyVersionIsRefused()
    {
        var selection = NewSelection();
        var candidate = selection.Enrol(TestData.Id(1), TestData.Id(11), TestData.Now);
        var version2 = TestData.Policy(0.5m, 0.5m, [0.6m, 0.4m]);

        Assert.Throws<ArgumentException>(() =>
            selection.RecordScoringRun(TestData.Id(50), TestData.Now, version2, null, [ResultFor(candidate, Good, First)]));
    }

    [Test]
    public void ResultRankMustMatchEligibility()
    {
        var selection = NewSelection();
        var candidate = selection.Enrol(TestData.Id(1), TestData.Id(11), TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<ArgumentException>(() => ResultFor(candidate, Good, null)); // eligible but unranked
            Assert.Throws<ArgumentException>(() => ResultFor(candidate, null, First));    // ineligible but ranked
        }
    }

    [Test]
    public void DefaultLatestPerformanceYearIsTheYearBeforeOpening() =>
        Assert.That(Selection.DefaultLatestPerformanceYear(TestData.Now), Is.EqualTo(2024));
}

[TestFixture]
public class ScoringPolicyTests
{
    [Test]
    public void DefaultPolicyIsVersionOneOfTheDesign()
    {
        var policy = ScoringPolicy.CreateDefault(TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Version, Is.EqualTo(1));
            Assert.That(policy.CompetenceWeight, Is.EqualTo(0.5m));
            Assert.That(policy.PerformanceWeight, Is.EqualTo(0.5m));
            Assert.That(policy.PerformanceYearWeights, Is.EqualTo(new[] { 0.6m, 0.4m }));
            Assert.That(policy.CountedYears, Is.EqualTo(2));
            Assert.That(policy.BandSet, Is.EqualTo(JpmBandSet.Filling));
            Assert.That(policy.MinimumRating, Is.EqualTo(Good));
        }
    }

    [TestCase("0.6", "0.5")]  // 1.1
    [TestCase("0.5", "0.4")]  // 0.9
    [TestCase("0.5", "0.49")] // 0.99
    [TestCase("-0.1", "1.1")] // adds to 1 but negative
    [TestCase("0", "0")]
    public void WeightsMustAddUpToOne(decimal competence, decimal performance)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new ScoringPolicy(2, competence, performance, [0.6m, 0.4m], JpmBandSet.Filling, Good, null, TestData.Now));

        Assert.That(ex.Rule, Is.EqualTo("policy-weights"));
    }

    [TestCase("1", "0")]
    [TestCase("0.7", "0.3")]
    [TestCase("0.25", "0.75")]
    public void WeightsAddingUpToOneAreAccepted(decimal competence, decimal performance) =>
        Assert.That(new ScoringPolicy(2, competence, performance, [1m], JpmBandSet.Mapping, Good, null, TestData.Now).Version,
            Is.EqualTo(2));

    [Test]
    public void YearWeightsAreChecked()
    {
        static string RuleOf(decimal[] weights) => Assert.Throws<DomainException>(() =>
            new ScoringPolicy(2, 0.5m, 0.5m, weights, JpmBandSet.Filling, Good, null, TestData.Now)).Rule;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RuleOf([]), Is.EqualTo("policy-years"));
            Assert.That(RuleOf([0.2m, 0.2m, 0.2m, 0.2m, 0.1m, 0.1m]), Is.EqualTo("policy-years")); // 6 > 5 years
            Assert.That(RuleOf([0.6m, 0.3m]), Is.EqualTo("policy-year-weights"));                  // 0.9
            Assert.That(RuleOf([1m, 0m]), Is.EqualTo("policy-year-weights"));                      // a zero weight
            Assert.That(RuleOf([1.2m, -0.2m]), Is.EqualTo("policy-year-weights"));                 // a negative weight
        }
    }

    [Test]
    public void VersionStartsAtOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ScoringPolicy(0, 0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, Good, null, TestData.Now));
}
