using MeritApi.Domain.Scoring;

namespace MeritApi.Benchmarks;

/// <summary>
/// What "the result itself" weighs: the heap that the batch's <see cref="CandidateScore"/> graphs keep alive after a
/// full collection, per candidate. Whatever MeritScorer.Score allocates beyond that is garbage made per candidate.
/// Also measures the allocations directly (this thread's allocation counter) as a cross-check of BenchmarkDotNet.
/// </summary>
public static class ResultSizeProbe
{
    public sealed record Measurement(int Candidates, double AllocatedBytesPerCandidate, double RetainedBytesPerCandidate);

    public static Measurement Measure(int candidates = ScoringKernelBenchmarks.Candidates)
    {
        var context = KernelData.CreateContext();
        var evidence = KernelData.CreateEvidence(candidates);
        var results = new CandidateScore[candidates];

        // Warm up (JIT, tiering, type loading) so that none of it lands in the measured window.
        for (var pass = 0; pass < 5; pass++)
            ScoreAll(context, evidence, results);
        Array.Clear(results);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        ScoreAll(context, evidence, results);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(results);
        GC.KeepAlive(evidence);
        GC.KeepAlive(context);

        return new Measurement(candidates, (double)allocated / candidates, (double)(after - before) / candidates);
    }

    private static void ScoreAll(ScoringContext context, CandidateEvidence[] evidence, CandidateScore[] results)
    {
        for (var i = 0; i < evidence.Length; i++)
            results[i] = MeritScorer.Score(context, evidence[i]);
    }
}
