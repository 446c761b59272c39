using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;

namespace MeritApi.Benchmarks;

/// <summary>
/// The benchmark's input: a 10-competency standard at level 3 under the default policy, and candidates' evidence drawn
/// with a fixed seed from the same distributions as build/bench/seed.sql (levels 1–5 centred on 3, ratings mostly
/// Good, grades III/a–IV/b), with the occasional missing assessment or rating so every branch of the kernel is taken.
/// </summary>
public static class KernelData
{
    public const int Seed = 2026;
    public const int LatestPerformanceYear = 2025;

    private static readonly string[] CompetencyCodes =
    [
        "M-INTEGRITY", "M-COOPERATION", "M-COMMUNICATION", "M-RESULTS", "M-PUBLIC-SERVICE",
        "M-DEVELOPMENT", "M-CHANGE", "M-DECISION", "SC-NATIONAL-UNITY", "T-BENCH",
    ];

    private static readonly int[] Levels = [1, 2, 2, 3, 3, 3, 3, 4, 4, 5];

    private static readonly PerformanceRating[] Ratings =
    [
        PerformanceRating.VeryGood, PerformanceRating.VeryGood, PerformanceRating.Good, PerformanceRating.Good,
        PerformanceRating.Good, PerformanceRating.Good, PerformanceRating.Good, PerformanceRating.NeedsImprovement,
        PerformanceRating.Poor, PerformanceRating.VeryPoor,
    ];

    private static readonly string[] Grades = ["III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"];

    public static ScoringContext CreateContext()
    {
        var policy = ScoringPolicy.CreateDefault(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var standard = CompetencyCodes.Select(code => (code, 3)).ToList();
        return new ScoringContext(policy, standard, Grade.Parse("III/b"), LatestPerformanceYear);
    }

    public static CandidateEvidence[] CreateEvidence(int count)
    {
        // Not security-sensitive: a fixed seed makes every run score the same evidence.
#pragma warning disable CA5394
        var random = new Random(Seed);
        var grades = Grades.Select(Grade.Parse).ToArray();
        var evidence = new CandidateEvidence[count];
        for (var i = 0; i < count; i++)
        {
            var levels = new Dictionary<string, int>(CompetencyCodes.Length, StringComparer.Ordinal);
            foreach (var code in CompetencyCodes)
            {
                if (random.Next(100) < 2)
                    continue; // ~2% of assessments missing
                levels[code] = Levels[random.Next(Levels.Length)];
            }

            var ratings = new Dictionary<int, PerformanceRating>();
            for (var year = LatestPerformanceYear - 1; year <= LatestPerformanceYear; year++)
            {
                if (random.Next(100) < 1)
                    continue; // ~1% of SKP years missing
                ratings[year] = Ratings[random.Next(Ratings.Length)];
            }

            var id = new Guid(0x0196b003, 0, 0x7000, 0x80, 0, 0, 0, (byte)(i >> 24), (byte)(i >> 16), (byte)(i >> 8), (byte)i);
            evidence[i] = new CandidateEvidence(id, grades[random.Next(grades.Length)], levels, ratings);
        }
#pragma warning restore CA5394
        return evidence;
    }
}
