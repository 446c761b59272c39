using System.ComponentModel;
using System.Diagnostics;

namespace MeritApi.Api.Tests;

/// <summary>Runs a tool the suite checks the API with (chromium, Spectral, openapi-typescript, tsc) and collects what it said.</summary>
internal static class ExternalProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    /// <summary>Runs <paramref name="executable"/> to its end (or fails past <paramref name="timeout"/>); <paramref name="missing"/> is what the
    /// failure says when it is not installed.</summary>
    public static async Task<Outcome> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout, string missing)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Assert.Fail(missing);
            throw;
        }
        using (process)
        {
            using var limit = new CancellationTokenSource(timeout);
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            return new Outcome(process.ExitCode, await output, await errors);
        }
    }
}
