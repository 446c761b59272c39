using System.Text.RegularExpressions;
using MeritApi.Application.Common.Exceptions;

namespace MeritApi.Application.Common.Idempotency;

/// <summary>
/// A client's Idempotency-Key: keys are per client (the token's subject), so two clients choosing the same key never meet.
/// </summary>
public sealed partial record IdempotencyKey
{
    /// <summary>The header clients send it in, and the field its errors name.</summary>
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    private IdempotencyKey(string client, string value) => (Client, Value) = (client, value);

    public string Client { get; }
    public string Value { get; }

    /// <summary>A key is 1 to 100 letters, digits, '-', '_', '.' or ':'; anything else is refused as a 400 naming the header.</summary>
    public static IdempotencyKey Create(string client, string value) =>
        SaneKey().IsMatch(value)
            ? new IdempotencyKey(client, value)
            : throw RequestValidation.Failure(Header,
                "An Idempotency-Key is 1 to 100 letters, digits, '-', '_', '.' or ':' (a UUID is a good choice), sent once.");

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SaneKey();
}
