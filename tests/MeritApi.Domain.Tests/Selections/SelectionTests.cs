using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Domain.Tests.Selections;

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
            Assert.That(ex.Rule.Id, Is.EqualTo("incomplete-run"));
            Assert.That(selection.Status, Is.EqualTo(SelectionStatus.Open));
            Assert.That(selection.ScoringRunCount, Is.Zero);
        }
    }

    [Test]
    public void EmptyRunIsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => NewSelection().RecordScoringRun(TestData.Id(50), TestData.Now, TestData.DefaultPolicy(), null, []));

        Assert.That(ex.Rule.Id, Is.EqualTo("no-candidates"));
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
