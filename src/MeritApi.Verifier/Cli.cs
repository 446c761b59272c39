using System.Diagnostics;

namespace MeritApi.Verifier;

/// <summary>meritapi-verify &lt;decision-file.json&gt; --public-key &lt;key.pem&gt;: exit 0 when every check holds, 1 when one fails, 2 on misuse.</summary>
public static class Cli
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3 || args[1] != "--public-key")
        {
            Console.Error.WriteLine("usage: meritapi-verify <decision-file.json> --public-key <public-key.pem>");
            return 2;
        }
        if (!File.Exists(args[0]) || !File.Exists(args[2]))
        {
            Console.Error.WriteLine($"meritapi-verify: {(File.Exists(args[0]) ? args[2] : args[0])} does not exist.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        VerificationReport report;
        try
        {
            await using var stream = new FileStream(args[0], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            report = DecisionFileVerifier.Verify(stream, await File.ReadAllTextAsync(args[2]));
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            Console.Error.WriteLine($"meritapi-verify: {args[2]} is not a PEM public key ({ex.Message}).");
            return 2;
        }
        catch (MalformedDecisionFileException ex)
        {
            Console.Error.WriteLine($"meritapi-verify: {args[0]} is not a complete decision file ({ex.Message.TrimEnd('.')}).");
            Console.WriteLine("NOT VERIFIED: the file is malformed.");
            return 1;
        }

        Console.WriteLine($"MeritApi decision file {Path.GetFileName(args[0])}, checked offline against key file {Path.GetFileName(args[2])}");
        foreach (var line in report.Lines())
            Console.WriteLine(line);
        Console.Error.WriteLine($"meritapi-verify: {clock.Elapsed.TotalSeconds:F2} s");
        return report.Verified ? 0 : 1;
    }
}
