using MeritApi.Domain.Decisions;

namespace MeritApi.Domain.Tests.Decisions;

/// <summary>The standing of a choice: open selection's best-3n rule, and a succession pool's "the successor is number one".</summary>
public sealed class SelectionDecisionTests
{
    [TestCase(1, 1, ChoiceStanding.TopRanked)]
    [TestCase(2, 1, ChoiceStanding.ReasonedChoice)]
    [TestCase(3, 1, ChoiceStanding.ReasonedChoice)]
    [TestCase(4, 1, ChoiceStanding.MeritDeviation)]
    [TestCase(6, 2, ChoiceStanding.ReasonedChoice)]
    [TestCase(7, 2, ChoiceStanding.MeritDeviation)]
    public void In_an_open_selection_the_best_3n_are_lawful(int rank, int places, ChoiceStanding standing) =>
        Assert.That(SelectionDecision.StandingOf(rank, places), Is.EqualTo(standing));

    [TestCase(1, 1, ChoiceStanding.TopRanked)]
    [TestCase(2, 1, ChoiceStanding.MeritDeviation)]
    [TestCase(2, 2, ChoiceStanding.TopRanked)]
    [TestCase(3, 2, ChoiceStanding.MeritDeviation)]
    public void From_a_succession_pool_anyone_outside_the_top_n_is_a_merit_deviation(int rank, int places, ChoiceStanding standing) =>
        Assert.That(SelectionDecision.StandingOf(rank, places, fromSuccessionPool: true), Is.EqualTo(standing));
}
