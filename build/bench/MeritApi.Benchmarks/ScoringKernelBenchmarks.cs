using BenchmarkDotNet.Attributes;
using MeritApi.Domain.Scoring;

namespace MeritApi.Benchmarks;

/// <summary>
/// One operation scores (or ranks) the whole batch of <see cref="Candidates"/>; per-candidate figures are the
/// per-operation ones divided by <see cref="Candidates"/> (Program prints them).
/// </summary>
[MemoryDiagnoser]
public class ScoringKernelBenchmarks
{
    public const int Candidates = 10_000;

    private ScoringContext _context = null!;
    private CandidateEvidence[] _evidence = null!;
    private CandidateScore[] _results = null!;
    private RankKey?[] _keys = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = KernelData.CreateContext();
        _evidence = KernelData.CreateEvidence(Candidates);
        _results = new CandidateScore[Candidates];
        _keys = [.. _evidence.Select(e => MeritScorer.Score(_context, e)).Select(s => s.Eligible ? s.RankKey : (RankKey?)null)];
    }

    /// <summary>MeritScorer.Score for every candidate; the results are kept, as a scoring run keeps them.</summary>
    [Benchmark]
    public CandidateScore[] Score()
    {
        var context = _context;
        var evidence = _evidence;
        var results = _results;
        for (var i = 0; i < evidence.Length; i++)
            results[i] = MeritScorer.Score(context, evidence[i]);
        return results;
    }

    /// <summary>Ranking.Rank over the batch's rank keys (ineligible candidates as null).</summary>
    [Benchmark]
    public RankOutcome?[] Rank() => Ranking.Rank(_keys);
}
