using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;

namespace MeritApi.Domain.Tests.TalentMapping;

/// <summary>
/// A mapping run, hand-computed. The position held asks A 3, B 3, C 4 (10 levels); the policy weighs competence and
/// performance 0.5 each and the SKP years 2025 and 2024 at 0.6 and 0.4, under a Filling band set that the mapping replaces with
/// its own (optimal ≥ 90, fairly optimal ≥ 78). Levels 3-3-4 are JPM 100, 3-3-3 are 90 (optimal, the bound counts), 3-2-3 are
/// 80 (fairly optimal, though Filling would call it "meets"), 2-2-3 are 70; ratings VeryGood twice are 100, VeryGood then Good
/// 92, Good twice 80, NeedsImprovement twice 60 (the performance axis: ≥ 90 above, ≥ 70 meets, below).
/// </summary>
public sealed class TalentMappingRunTests
{
    private static readonly DateOnly ReferenceDate = new(2026, 6, 1);
    private static readonly MappingPosition Position = new(Guid.NewGuid(), "JPT-UJI", [("A", 3), ("B", 3), ("C", 4)]);

    private static readonly ScoringPolicy Policy = new(7, 0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good, null,
        DateTimeOffset.UnixEpoch, assessmentValidity: new AssessmentValidityRule(3, accreditedBodiesOnly: false));

    private static MappingSubject Subject(int a, int b, int c, PerformanceRating? r2025, PerformanceRating? r2024, Guid? position = null,
        string assessedOn = "2025-06-01")
    {
        var on = DateOnly.Parse(assessedOn, System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlyList<AssessmentEvidence> One(int level) => [new AssessmentEvidence(level, on, "Pusat Penilaian")];
        var ratings = new Dictionary<int, PerformanceRating>();
        if (r2025 is { } x)
            ratings[2025] = x;
        if (r2024 is { } y)
            ratings[2024] = y;
        return new MappingSubject(Guid.NewGuid(), "Biro Uji", Grade.Parse("III/c"), position ?? Position.Id,
            new Dictionary<string, IReadOnlyList<AssessmentEvidence>> { ["A"] = One(a), ["B"] = One(b), ["C"] = One(c) }, ratings);
    }

    private static TalentMappingRun Map(params MappingSubject[] population) => TalentMappingRun.Map(Guid.NewGuid(), 1, Policy, ReferenceDate, 2025, [],
        [], new Dictionary<Guid, MappingPosition> { [Position.Id] = Position }, population, DateTimeOffset.UnixEpoch);

    [TestCase(3, 3, 4, PerformanceRating.VeryGood, PerformanceRating.VeryGood, 100, JpmBand.Optimal, 100, 100, 9)]
    [TestCase(3, 3, 3, PerformanceRating.Good, PerformanceRating.Good, 90, JpmBand.Optimal, 80, 85, 8)]
    [TestCase(3, 3, 4, PerformanceRating.NeedsImprovement, PerformanceRating.NeedsImprovement, 100, JpmBand.Optimal, 60, 80, 6)]
    [TestCase(3, 2, 3, PerformanceRating.VeryGood, PerformanceRating.Good, 80, JpmBand.FairlyOptimal, 92, 86, 7)]
    [TestCase(3, 2, 3, PerformanceRating.Good, PerformanceRating.Good, 80, JpmBand.FairlyOptimal, 80, 80, 5)]
    [TestCase(3, 2, 3, PerformanceRating.NeedsImprovement, PerformanceRating.NeedsImprovement, 80, JpmBand.FairlyOptimal, 60, 70, 3)]
    [TestCase(2, 2, 3, PerformanceRating.VeryGood, PerformanceRating.VeryGood, 70, JpmBand.NotOptimal, 100, 85, 4)]
    [TestCase(2, 2, 3, PerformanceRating.Good, PerformanceRating.Good, 70, JpmBand.NotOptimal, 80, 75, 2)]
    [TestCase(2, 2, 3, PerformanceRating.NeedsImprovement, PerformanceRating.NeedsImprovement, 70, JpmBand.NotOptimal, 60, 65, 1)]
    public void Each_box_is_reached_by_its_hand_computed_case(int a, int b, int c, PerformanceRating r2025, PerformanceRating r2024,
        int jpm, JpmBand band, int performance, int total, int box)
    {
        var placement = Map(Subject(a, b, c, r2025, r2024)).Placements.Single();

        Assert.That((placement.Jpm, placement.JpmBand, placement.PerformanceScore, placement.Total, placement.TalentBox, placement.InTalentPool),
            Is.EqualTo(((decimal)jpm, band, (decimal)performance, (decimal)total, box, box >= 7)));
        Assert.That(placement.Rationale.Band.BandSet, Is.EqualTo(JpmBandSet.Mapping), "a mapping always uses the Mapping bands");
        Assert.That(placement.Rationale.FollowUp, Is.EqualTo(TalentBox.FromNumber(box).FollowUp));
        Assert.That(placement.Seal, Is.EqualTo(MappingSeal.Compute(placement.Rationale)));
    }

    [Test]
    public void Those_without_a_position_a_valid_assessment_or_a_counted_SKP_year_are_listed_with_every_reason()
    {
        var noPosition = Subject(3, 3, 4, PerformanceRating.Good, PerformanceRating.Good, position: Guid.NewGuid());
        var expiredAndUnrated = Subject(3, 3, 4, PerformanceRating.Good, null, assessedOn: "2023-05-31"); // expired on 2026-06-01

        var run = Map(noPosition, expiredAndUnrated);

        Assert.That(run.Placements, Is.Empty);
        Assert.That(run.Exclusions.Select(e => (e.EmployeeId, string.Join(",", e.Reasons.Select(r => r.Reason)))), Is.EquivalentTo(new[]
        {
            (noPosition.EmployeeId, "NoCurrentPosition"),
            (expiredAndUnrated.EmployeeId, "NoValidAssessment,MissingPerformanceRating"),
        }));
        Assert.That(run.Exclusions.Single(e => e.EmployeeId == expiredAndUnrated.EmployeeId).Reasons[1].Detail,
            Is.EqualTo("No SKP rating for 2024; the policy counts it."));
        Assert.That((run.PlacedCount, run.UnplacedCount), Is.EqualTo((0, 2)));
    }

    [Test]
    public void An_expired_assessment_of_one_competency_counts_as_missing_and_is_named_in_the_rationale()
    {
        var subject = Subject(3, 3, 4, PerformanceRating.VeryGood, PerformanceRating.VeryGood) with { };
        var assessments = new Dictionary<string, IReadOnlyList<AssessmentEvidence>>(subject.AssessmentsNewestFirst)
        {
            ["C"] = [new AssessmentEvidence(4, new DateOnly(2023, 5, 31), "Pusat Penilaian")],
        };

        var placement = Map(subject with { AssessmentsNewestFirst = assessments }).Placements.Single();

        Assert.That((placement.Jpm, placement.TalentBox), Is.EqualTo((60m, 4)), "A 3 + B 3 of 10: low potential, above expectation");
        var line = placement.Rationale.Evidence.Competencies.Single(l => l.CompetencyCode == "C");
        Assert.That((line.AssessedLevel, line.PassedOver!.Single().Reason), Is.EqualTo(((int?)null, "expired on 2026-06-01 (assessed 2023-05-31, valid 3 years)")));
    }

    [Test]
    public void The_digest_fixes_every_placement_and_exclusion_whatever_the_order_read()
    {
        var subjects = new[] { Subject(3, 3, 4, PerformanceRating.Good, PerformanceRating.Good), Subject(2, 2, 3, PerformanceRating.Good, null) };
        var run = Map(subjects);

        var again = TalentMappingRun.DigestOf(run.Placements.Select(p => (p.EmployeeId, p.Seal)).Reverse(),
            run.Exclusions.Select(e => (e.EmployeeId, e.Reasons)));
        var tampered = TalentMappingRun.DigestOf(run.Placements.Select(p => (p.EmployeeId, new string('0', 64))),
            run.Exclusions.Select(e => (e.EmployeeId, e.Reasons)));

        Assert.That(again, Is.EqualTo(run.ResultsDigest));
        Assert.That(tampered, Is.Not.EqualTo(run.ResultsDigest));
    }

    [Test]
    public void A_run_fed_in_batches_comes_to_the_same_outcomes_counts_and_digest_as_one_held_whole()
    {
        var subjects = Enumerable.Range(0, 7).Select(i => i % 3 == 0
                ? Subject(2, 2, 3, PerformanceRating.Good, null)
                : Subject(3, 3, 4 - i % 2, PerformanceRating.VeryGood, PerformanceRating.Good))
            .OrderBy(s => s.EmployeeId.ToString(), StringComparer.Ordinal).ToList();
        var whole = Map([.. subjects]);

        var mapping = TalentMappingRun.Start(whole.Id, 1, Policy, ReferenceDate, 2025, [], [],
            new Dictionary<Guid, MappingPosition> { [Position.Id] = Position }, DateTimeOffset.UnixEpoch);
        var outcomes = subjects.Chunk(3).SelectMany(batch => mapping.Add(batch)).ToList();
        var batched = mapping.Finish();

        Assert.That((batched.PlacedCount, batched.UnplacedCount, batched.TalentPoolCount, batched.ResultsDigest),
            Is.EqualTo((whole.PlacedCount, whole.UnplacedCount, whole.TalentPoolCount, whole.ResultsDigest)));
        Assert.That(outcomes.Where(o => o.Placement is not null).Select(o => o.Placement!.Seal), Is.EqualTo(whole.Placements.Select(p => p.Seal)));
        Assert.That(whole.PlacedCount + whole.UnplacedCount, Is.EqualTo(7));
    }

    [Test]
    public void A_batch_out_of_id_order_is_refused()
    {
        var subjects = new[] { Subject(3, 3, 4, PerformanceRating.Good, PerformanceRating.Good), Subject(3, 3, 4, PerformanceRating.Good, PerformanceRating.Good) }
            .OrderByDescending(s => s.EmployeeId.ToString(), StringComparer.Ordinal).ToArray();
        var mapping = TalentMappingRun.Start(Guid.NewGuid(), 1, Policy, ReferenceDate, 2025, [], [],
            new Dictionary<Guid, MappingPosition> { [Position.Id] = Position }, DateTimeOffset.UnixEpoch);

        Assert.That(() => mapping.Add(subjects), Throws.ArgumentException);
    }
}
