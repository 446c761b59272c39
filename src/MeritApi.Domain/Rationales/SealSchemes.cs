namespace MeritApi.Domain.Rationales;

/// <summary>
/// Which canonical form a seal is computed over (src/MeritApi.Domain/Canonical/SPECIFICATION.md). Every scoring run names its scheme, and so does
/// every rationale of it; a seal is verified under the scheme it was made with, so old runs keep verifying.
/// </summary>
public static class SealSchemes
{
    /// <summary>
    /// The first form: members in declaration order, relaxed escaping, decimals as JSON numbers without trailing zeros, the
    /// seal written as null. Kept only to verify runs sealed before version 2.
    /// </summary>
    public const string V1 = "meritapi-seal-v1";

    /// <summary>MeritApi canonical JSON (RFC 8785 with every number a normal-form decimal string) of the rationale without its seal.</summary>
    public const string V2 = "meritapi-seal-v2";

    /// <summary>What new runs are sealed with.</summary>
    public const string Current = V2;

    public static bool IsKnown(string scheme) => scheme is V1 or V2;
}
