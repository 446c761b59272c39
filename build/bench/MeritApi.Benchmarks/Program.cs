using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MeritApi.Benchmarks;

// Usage: MeritApi.Benchmarks [--artifacts DIR]
// Runs the kernel benchmarks with a short in-process job (about a minute), then prints one summary line per figure,
// each starting with "kernel:" (build/bench.sh prints those). Exit code 1 only when a benchmark failed to run.
var artifacts = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts");
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--artifacts" && i + 1 < args.Length)
        artifacts = Path.GetFullPath(args[++i]);
    else
    {
        await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'; usage: MeritApi.Benchmarks [--artifacts DIR]");
        return 2;
    }
}

var probe = ResultSizeProbe.Measure();

// In-process: no generated project to build (that one would inherit the repository's Directory.Build.props), and
// a short job: 1 launch, 5 warm-up and 10 measured iterations per benchmark (about half a minute in all).
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(10)
    .WithId("Short-InProcess");
var config = DefaultConfig.Instance.AddJob(job).WithArtifactsPath(artifacts);
var summary = BenchmarkRunner.Run<ScoringKernelBenchmarks>(config);

const int n = ScoringKernelBenchmarks.Candidates;
var ok = true;
var lines = new List<string>();
foreach (var name in new[] { nameof(ScoringKernelBenchmarks.Score), nameof(ScoringKernelBenchmarks.Rank) })
{
    var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == name);
    if (report?.ResultStatistics is not { } stats || report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is not { } bytesPerOp)
    {
        lines.Add($"kernel: {name} failed to run; see {artifacts}");
        ok = false;
        continue;
    }

    var meanMs = stats.Mean / 1e6;
    var perSecond = n / (stats.Mean / 1e9);
    var perCandidate = (double)bytesPerOp / n;
    var what = name == nameof(ScoringKernelBenchmarks.Score) ? "MeritScorer.Score" : "Ranking.Rank";
    lines.Add(string.Create(CultureInfo.InvariantCulture, $"kernel: {what} of {n} candidates: {meanMs:F2} ms per operation ({perSecond:F0} candidates/s), " +
                        $"{bytesPerOp} B allocated per operation ({perCandidate:F1} B allocated per candidate)"));
    if (name == nameof(ScoringKernelBenchmarks.Score))
    {
        var beyond = perCandidate - probe.RetainedBytesPerCandidate;
        // The retained size comes from heap totals after full collections: allow a byte of accounting noise.
        var verdict = beyond < 1 ? "PASS" : "MISS";
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"kernel: MeritScorer.Score result itself {probe.RetainedBytesPerCandidate:F1} B per candidate (retained after compacting full GCs; " +
                            $"{probe.AllocatedBytesPerCandidate:F1} B allocated in that pass; heap accounting off by {probe.ControlUnaccountedBytesPerObject:F1} B per object on an all-kept control), " +
                            $"{beyond:F1} B allocated per candidate beyond the result (target 0 B): {verdict}"));
    }
}

Console.WriteLine();
foreach (var line in lines)
    Console.WriteLine(line);
return ok ? 0 : 1;
