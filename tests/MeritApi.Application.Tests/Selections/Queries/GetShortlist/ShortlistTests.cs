using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Selections.Queries.GetShortlist;
using MeritApi.Application.Tests.Support;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using static MeritApi.Domain.Employees.PerformanceRating;

namespace MeritApi.Application.Tests.Selections.Queries.GetShortlist;

/// <summary>
/// GetShortlistQuery on one scored selection. Standard: M-DECISION at level 5, so JPM = 20 × the assessed level;
/// default policy, merit = (JPM + performance) / 2.
/// </summary>
public sealed class ShortlistTests : IntegrationFixture
{
    // label → (assessed level, 2024 rating, 2023 rating)
    private static readonly (string Label, int Level, PerformanceRating? Latest, PerformanceRating? Previous)[] People =
    [
        ("S5", 4, Good, Good),             // 80 + 80 → 80, rank 5
        ("S3", 5, Good, Good),             // 100 + 80 → 90, rank 2 (shared)
        ("S7", 5, Poor, VeryGood),         // 100 + 64 → 82, ineligible (Poor)
        ("S1", 5, VeryGood, VeryGood),     // 100 + 100 → 100, rank 1
        ("S6", 5, null, null),             // 100 + 0 → 50, ineligible (no ratings)
        ("S4", 4, VeryGood, VeryGood),     // 80 + 100 → 90, below S2/S3 on JPM → rank 4
        ("S2", 5, Good, Good),             // 100 + 80 → 90, rank 2 (shared)
    ];

    private readonly Dictionary<Guid, string> _labels = [];
    private Guid _selectionId;
    private Guid _firstRunId;
    private Guid _latestRunId;

    [OneTimeSetUp]
    public async Task ScoreOneSelection()
    {
        var position = await Given.PositionAsync(null, ("M-DECISION", 5));
        var selection = await Given.SelectionAsync(position.Id, places: 2);
        _selectionId = selection.Id;
        var employeeIds = new List<Guid>();
        foreach (var (label, level, latest, previous) in People)
        {
            var ratings = new List<(int, PerformanceRating)>();
            if (latest is { } l)
                ratings.Add((2024, l));
            if (previous is { } p)
                ratings.Add((2023, p));
            var employee = await Given.EmployeeWithEvidenceAsync("III/c", [("M-DECISION", level, new DateOnly(2024, 4, 1))], ratings);
            employeeIds.Add(employee.Id);
        }
        var candidates = await Given.EnrolAsync(_selectionId, [.. employeeIds]);
        for (var i = 0; i < candidates.Count; i++)
            _labels[candidates[i].Id] = People[i].Label;

        _firstRunId = (await Given.ScoreAsync(_selectionId)).Id;
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        _latestRunId = (await Given.ScoreAsync(_selectionId)).Id;
    }

    private Task<ShortlistDto> Shortlist(int? top = null, bool includeIneligible = false, int page = 1, int pageSize = 50, Guid? runId = null) =>
        App.Send(new GetShortlistQuery(_selectionId, runId, top, includeIneligible, page, pageSize));

    private IEnumerable<(string Label, int? Rank)> Lines(ShortlistDto shortlist) =>
        shortlist.Candidates.Items.Select(e => (_labels[e.CandidateId], e.Rank));

    private static readonly (string, int?)[] Ranked = [("S1", 1), ("S3", 2), ("S2", 2), ("S4", 4), ("S5", 5)];
    private static readonly (string, int?)[] Unranked = [("S7", null), ("S6", null)];

    [Test]
    public async Task Without_options_the_shortlist_is_every_ranked_candidate_in_rank_order()
    {
        var shortlist = await Shortlist();

        Assert.That(Lines(shortlist), Is.EqualTo(Ranked));
        Assert.That((shortlist.Candidates.TotalCount, shortlist.Candidates.TotalPages), Is.EqualTo((5, 1)));
        Assert.That((shortlist.SelectionId, shortlist.ScoringRunId, shortlist.RunSequence, shortlist.PolicyVersion, shortlist.Places, shortlist.Top),
            Is.EqualTo((_selectionId, _latestRunId, 2, 1, 2, (int?)null)));
    }

    [TestCase(1, new[] { "S1" })]
    [TestCase(2, new[] { "S1", "S3", "S2" })]
    [TestCase(3, new[] { "S1", "S3", "S2" })]
    [TestCase(4, new[] { "S1", "S3", "S2", "S4" })]
    [TestCase(5, new[] { "S1", "S3", "S2", "S4", "S5" })]
    [TestCase(100, new[] { "S1", "S3", "S2", "S4", "S5" })]
    public async Task Top_keeps_ranks_up_to_N_including_a_tie_at_the_boundary(int top, string[] expected)
    {
        var shortlist = await Shortlist(top);

        Assert.That(Lines(shortlist).Select(l => l.Label), Is.EqualTo(expected));
        Assert.That(shortlist.Candidates.TotalCount, Is.EqualTo(expected.Length));
        Assert.That(shortlist.Top, Is.EqualTo(top));
    }

    [Test]
    public async Task Ineligible_candidates_follow_the_ranked_ones_only_when_asked_for()
    {
        var shortlist = await Shortlist(includeIneligible: true);

        Assert.That(Lines(shortlist), Is.EqualTo(Ranked.Concat(Unranked)));
        var ineligible = shortlist.Candidates.Items.Where(e => e.Rank is null).ToList();
        Assert.That(ineligible.Select(e => e.Eligible), Is.All.False);
        Assert.That(_labels[ineligible[0].CandidateId], Is.EqualTo("S7"));
        Assert.That(ineligible[0].IneligibilityReasons.Select(r => r.Code), Is.EqualTo(new[] { IneligibilityCode.PerformanceRatingBelowMinimum }));
        Assert.That(ineligible[1].IneligibilityReasons.Select(r => r.Code),
            Is.EqualTo(new[] { IneligibilityCode.MissingPerformanceRating, IneligibilityCode.MissingPerformanceRating }));
        Assert.That(shortlist.Candidates.Items.Where(e => e.Rank is not null).Select(e => e.Eligible), Is.All.True);
    }

    [Test]
    public async Task Top_with_ineligible_keeps_the_top_ranks_and_then_every_unranked_candidate()
    {
        var shortlist = await Shortlist(top: 2, includeIneligible: true);

        Assert.That(Lines(shortlist), Is.EqualTo(Ranked.Take(3).Concat(Unranked)));
        Assert.That(shortlist.Candidates.TotalCount, Is.EqualTo(5));
    }

    [Test]
    public async Task Entries_carry_the_blind_figures_of_the_run()
    {
        var shortlist = await Shortlist(includeIneligible: true);

        var byLabel = shortlist.Candidates.Items.ToDictionary(e => _labels[e.CandidateId]);
        Assert.That(byLabel.Keys, Is.EquivalentTo(People.Select(p => p.Label)));
        Assert.Multiple(() =>
        {
            Assert.That((byLabel["S1"].Jpm, byLabel["S1"].PerformanceScore, byLabel["S1"].MeritScore, byLabel["S1"].TalentBox, byLabel["S1"].InTalentPool),
                Is.EqualTo((100.00m, 100.00m, 100.00m, 9, true)));
            Assert.That((byLabel["S4"].Jpm, byLabel["S4"].JpmBand, byLabel["S4"].MeritScore), Is.EqualTo((80.00m, JpmBand.Meets, 90.00m)));
            Assert.That((byLabel["S7"].PerformanceScore, byLabel["S7"].MeritScore, byLabel["S7"].TalentBox, byLabel["S7"].InTalentPool),
                Is.EqualTo((64.00m, 82.00m, 6, false)));
            Assert.That((byLabel["S6"].PerformanceScore, byLabel["S6"].MeritScore), Is.EqualTo((0.00m, 50.00m)));
            Assert.That(byLabel["S3"].CandidateCode, Is.EqualTo("C-00002"));
            Assert.That(byLabel["S2"].CandidateCode, Is.EqualTo("C-00007"));
            // Blind: no digit of the NIP and no name before the committee's reveal.
            foreach (var (label, entry) in byLabel)
                Assert.That((entry.Nip, entry.Name), Is.EqualTo(((string?)null, (string?)null)), label);
        });
    }

    [Test]
    public async Task Pages_split_the_same_ordering_and_report_the_totals()
    {
        var all = Lines(await Shortlist(includeIneligible: true)).ToList();
        var pages = new List<ShortlistDto>();
        for (var page = 1; page <= 5; page++)
            pages.Add(await Shortlist(includeIneligible: true, page: page, pageSize: 2));

        Assert.That(pages.Select(p => p.Candidates.Items.Count), Is.EqualTo(new[] { 2, 2, 2, 1, 0 }));
        for (var i = 0; i < pages.Count; i++)
            Assert.That((pages[i].Candidates.Page, pages[i].Candidates.PageSize, pages[i].Candidates.TotalCount, pages[i].Candidates.TotalPages),
                Is.EqualTo((i + 1, 2, 7, 4)));
        Assert.That(pages.SelectMany(Lines), Is.EqualTo(all));
    }

    [Test]
    public async Task Paging_applies_after_top()
    {
        var first = await Shortlist(top: 2, pageSize: 2);
        var second = await Shortlist(top: 2, page: 2, pageSize: 2);

        Assert.That((first.Candidates.TotalCount, first.Candidates.TotalPages), Is.EqualTo((3, 2)));
        Assert.That(Lines(first).Concat(Lines(second)), Is.EqualTo(Ranked.Take(3)));
    }

    [Test]
    public async Task A_given_run_is_read_instead_of_the_latest()
    {
        var first = await Shortlist(runId: _firstRunId);
        var latest = await Shortlist();

        Assert.That((first.ScoringRunId, first.RunSequence), Is.EqualTo((_firstRunId, 1)));
        Assert.That((latest.ScoringRunId, latest.RunSequence), Is.EqualTo((_latestRunId, 2)));
        Assert.That(Lines(first), Is.EqualTo(Lines(latest)));
    }

    [Test]
    public async Task Unknown_selections_runs_and_unscored_selections_are_not_found()
    {
        Assert.ThrowsAsync<NotFoundException>(() => App.Send(new GetShortlistQuery(Guid.NewGuid(), null, null)));
        Assert.ThrowsAsync<NotFoundException>(() => Shortlist(runId: Guid.NewGuid()));

        var position = await Given.PositionAsync(null, ("M-DECISION", 5));
        var unscored = await Given.SelectionAsync(position.Id);
        var ex = Assert.ThrowsAsync<NotFoundException>(() => App.Send(new GetShortlistQuery(unscored.Id, null, null)));
        Assert.That(ex!.Message, Does.Contain("not been scored"));

        // A run of another selection is not found through this one.
        Assert.ThrowsAsync<NotFoundException>(() => App.Send(new GetShortlistQuery(unscored.Id, _latestRunId, null)));
    }
}
