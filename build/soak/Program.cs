using System.Globalization;
using Soak;

// build/soak.sh drives this in two steps:
//   soak seed --api URL --clients N --out FILE     one position and N open selections (one per client), ids to FILE
//   soak run  --api URL --selections FILE [--clients N] [--duration S] [--outage-at S] [--outage-seconds S]
//             [--stop-command PATH] [--start-command PATH] [--request-timeout S]
// Tokens come from the environment (SOAK_HR_TOKEN, SOAK_COMMITTEE_TOKEN, SOAK_AUDITOR_TOKEN), minted by build/token.sh,
// and the database to check from SOAK_DB (an Npgsql connection string). "run" exits 1 when an acknowledged write is
// missing or duplicated, a scoring run is partial, the audit chain does not verify, or any 5xx other than 503 occurred.
try
{
    var options = Options.Parse(args);
    return options.Command switch
    {
        "seed" => await Seeder.RunAsync(options),
        "run" => await Driver.RunAsync(options),
        _ => throw new ArgumentException($"unknown command '{options.Command}' (seed or run)"),
    };
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"soak: {ex.Message}");
    return 2;
}

namespace Soak
{
    internal sealed record Options(
        string Command, Uri Api, int Clients, TimeSpan Duration, TimeSpan? OutageAt, TimeSpan OutageLength, string? StopCommand,
        string? StartCommand, string? SelectionsFile, string? OutFile, TimeSpan RequestTimeout)
    {
        public static Options Parse(string[] args)
        {
            if (args.Length == 0)
                throw new ArgumentException("usage: soak seed|run --api URL ...");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                    throw new ArgumentException($"expected --name value, got '{args[i]}'");
                values[args[i][2..]] = args[i + 1];
            }
            string? Text(string name) => values.GetValueOrDefault(name);
            double Number(string name, double fallback) =>
                values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

            var duration = TimeSpan.FromSeconds(Number("duration", 60));
            var outage = TimeSpan.FromSeconds(Number("outage-seconds", 10));
            return new Options(
                args[0],
                new Uri(Text("api") ?? throw new ArgumentException("--api is required")),
                (int)Number("clients", 64),
                duration,
                values.ContainsKey("outage-at") ? TimeSpan.FromSeconds(Number("outage-at", 0)) : null,
                outage,
                Text("stop-command"),
                Text("start-command"),
                Text("selections"),
                Text("out"),
                TimeSpan.FromSeconds(Number("request-timeout", 30)));
        }

        public static string Environment(string name) =>
            System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new ArgumentException($"{name} is not set");
    }
}
