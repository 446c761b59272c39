using System.Globalization;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Tests;

/// <summary>Fixed clock, ids, standards and policies shared by the domain tests.</summary>
internal static class TestData
{
    /// <summary>"Now" for every test: mid-2025, so the latest final SKP year is 2024.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 9, 0, 0, TimeSpan.Zero);

    public const int LatestYear = 2024;
    public const int PreviousYear = 2023;

    /// <summary>
    /// A standard whose required levels add up to 10 (3 + 3 + 4), so that JPM = 10 × credited levels:
    /// handy for building candidates with a chosen JPM.
    /// </summary>
    public static IReadOnlyList<(string CompetencyCode, int RequiredLevel)> TenPointStandard { get; } =
        [("INT", 3), ("KS", 3), ("KOM", 4)];

    /// <summary>Deterministic ids: 00000000-0000-0000-0000-00000000000n.</summary>
    public static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n.ToString("D12", CultureInfo.InvariantCulture)}");

    public static ScoringPolicy DefaultPolicy() => ScoringPolicy.CreateDefault(Now);

    public static ScoringPolicy Policy(decimal competenceWeight, decimal performanceWeight, decimal[] yearWeights,
        JpmBandSet bandSet = JpmBandSet.Filling, PerformanceRating minimumRating = PerformanceRating.Good) =>
        new(2, competenceWeight, performanceWeight, yearWeights, bandSet, minimumRating, "test policy", Now);

    public static ScoringContext Context(
        IReadOnlyList<(string CompetencyCode, int RequiredLevel)>? standard = null,
        Grade? minimumGrade = null,
        ScoringPolicy? policy = null,
        int latestYear = LatestYear) =>
        new(policy ?? DefaultPolicy(), standard ?? TenPointStandard, minimumGrade, latestYear);

    public static IReadOnlyDictionary<int, PerformanceRating> Ratings(PerformanceRating? latest, PerformanceRating? previous)
    {
        var ratings = new Dictionary<int, PerformanceRating>();
        if (latest is { } l)
            ratings[LatestYear] = l;
        if (previous is { } p)
            ratings[PreviousYear] = p;
        return ratings;
    }
}

/// <summary>Builds a <see cref="CandidateEvidence"/>; by default grade III/c, no assessments, no ratings.</summary>
internal sealed class EvidenceBuilder
{
    private readonly Dictionary<string, int> _levels = [];
    private readonly Dictionary<int, PerformanceRating> _ratings = [];
    private readonly Guid _id;
    private Grade _grade = Grade.Parse("III/c");

    private EvidenceBuilder(Guid id) => _id = id;

    public static EvidenceBuilder Candidate(int n) => new(TestData.Id(n));

    public EvidenceBuilder WithGrade(string grade)
    {
        _grade = Grade.Parse(grade);
        return this;
    }

    public EvidenceBuilder Assessed(string code, int level)
    {
        _levels[code] = level;
        return this;
    }

    /// <summary>
    /// Against <see cref="TestData.TenPointStandard"/> (INT 3, KS 3, KOM 4): assesses the levels so that
    /// exactly <paramref name="credited"/> levels are credited, i.e. JPM = 10 × credited.
    /// Competencies that would get 0 are left unassessed.
    /// </summary>
    public EvidenceBuilder WithTenPointJpm(int credited)
    {
        var remaining = credited;
        foreach (var (code, required) in TestData.TenPointStandard)
        {
            var level = Math.Min(remaining, required);
            if (level > 0)
                _levels[code] = level;
            remaining -= level;
        }
        return this;
    }

    public EvidenceBuilder Rated(int year, PerformanceRating rating)
    {
        _ratings[year] = rating;
        return this;
    }

    /// <summary>Ratings of the two counted years of the default policy (null: no rating recorded).</summary>
    public EvidenceBuilder Rated(PerformanceRating? latest, PerformanceRating? previous)
    {
        if (latest is { } l)
            _ratings[TestData.LatestYear] = l;
        if (previous is { } p)
            _ratings[TestData.PreviousYear] = p;
        return this;
    }

    public CandidateEvidence Build() => new(_id, _grade, new Dictionary<string, int>(_levels), new Dictionary<int, PerformanceRating>(_ratings));
}
