using System.Text.Json;
using MeritApi.Verifier;

// meritapi-verify <decision-file.json> --public-key <key.pem>: exit 0 when every check holds, 1 when one fails, 2 on misuse.
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

IReadOnlyList<Check> checks;
try
{
    using var stream = File.OpenRead(args[0]);
    using var file = await JsonDocument.ParseAsync(stream);
    checks = DecisionFileVerifier.Verify(file.RootElement, await File.ReadAllTextAsync(args[2]));
}
catch (JsonException ex)
{
    Console.Error.WriteLine($"meritapi-verify: {args[0]} is not JSON ({ex.Message}).");
    return 2;
}
catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine($"meritapi-verify: {args[2]} is not a PEM public key ({ex.Message}).");
    return 2;
}
catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
{
    Console.Error.WriteLine($"meritapi-verify: {args[0]} is not a complete decision file ({ex.Message}).");
    Console.WriteLine("NOT VERIFIED: the file is malformed.");
    return 1;
}
foreach (var check in checks)
    Console.WriteLine(check.Passed ? $"ok      {check.What}" : $"FAILED  {check.What}: {check.Failure}");
var failed = checks.Count(c => !c.Passed);
Console.WriteLine(failed == 0 ? $"VERIFIED: all {checks.Count} checks hold." : $"NOT VERIFIED: {failed} of {checks.Count} checks failed.");
return failed == 0 ? 0 : 1;
