using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Rationales;

namespace MeritApi.Domain.TalentMapping;

/// <summary>
/// Why one employee stands in their box of a talent-mapping run: the policy as the run applied it (its weights, years and
/// validity rule, with the Mapping bands), the evidence as read (each competency of the standard of the position they hold,
/// with the assessment that counted and those passed over; each counted SKP year), every formula step, the box, its
/// follow-up and whether it is in the talent pool. The steps are those of a selection's rationale, so they read and verify
/// the same way. <see cref="Seal"/> is the SHA-256 of the canonical JSON of everything else (<see cref="MappingSeal"/>).
/// </summary>
public sealed record MappingRationale(
    Guid MappingRunId,
    Guid EmployeeId,
    Guid PositionId,
    string PositionCode,
    RationalePolicy Policy,
    RationaleEvidence Evidence,
    JpmStep JobPersonMatch,
    BandStep Band,
    PerformanceStep Performance,
    MeritStep Total,
    TalentBoxStep TalentBox,
    string FollowUp,
    string SealScheme,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Seal = null);

/// <summary>
/// The seal of a <see cref="MappingRationale"/> (scheme <see cref="Scheme"/>, SPECIFICATION.md §10): SHA-256 of MeritApi
/// canonical JSON of the rationale as the API publishes it (camelCase members, enums by name, absent optional members
/// omitted), without "seal".
/// </summary>
public static class MappingSeal
{
    public const string Scheme = "meritapi-mapping-v1";

    /// <summary>The JSON form the seal is computed over, and the form the rationale is stored and published in.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Compute(MappingRationale rationale)
    {
        if (rationale.SealScheme != Scheme)
            throw new ArgumentException($"Unknown seal scheme '{rationale.SealScheme}'.", nameof(rationale));
        return Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(rationale)));
    }

    /// <summary>The canonical bytes the seal hashes: the document without its seal.</summary>
    public static byte[] CanonicalBytes(MappingRationale rationale)
    {
        // Without a seal, the member is not written at all.
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToElement(rationale with { Seal = null }, Json));
    }
}
