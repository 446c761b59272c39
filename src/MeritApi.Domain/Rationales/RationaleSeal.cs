using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeritApi.Domain.Rationales;

/// <summary>
/// SHA-256 over a canonical JSON form of a rationale (fixed member order, camelCase, enum names, decimals
/// without trailing zeros, the seal itself left out), so anyone can recompute it from the published rationale.
/// </summary>
public static class RationaleSeal
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new CanonicalDecimalConverter() },
        // Source-generated metadata: a national run seals 100,000 rationales.
        TypeInfoResolver = RationaleJsonContext.Default,
    };

    public static string Compute(CandidateRationale rationale) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(rationale with { Seal = null }, Canonical)));

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class CanonicalDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(RationaleBuilder.Normalise(value), skipInputValidation: true);
    }
}

[JsonSerializable(typeof(CandidateRationale))]
internal sealed partial class RationaleJsonContext : JsonSerializerContext;
