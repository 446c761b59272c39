using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// A JSON number read as a decimal only when the decimal is that number: System.Text.Json reads <c>1e-400</c> as 0,
/// which would store a value the client never sent (a near-tie threshold of 0, say). Too large a number already fails.
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
            throw new JsonException("Expected a decimal number.");
        if (value == 0 && HasNonZeroDigit(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan))
            throw new JsonException("The number is too small to be represented exactly.");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    private static bool HasNonZeroDigit(ReadOnlySpan<byte> number)
    {
        foreach (var b in number)
        {
            if (b is (byte)'e' or (byte)'E')
                return false; // the exponent's digits say nothing about the value being zero
            if (b is >= (byte)'1' and <= (byte)'9')
                return true;
        }
        return false;
    }
}
