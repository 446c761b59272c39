using System.Security.Cryptography;
using System.Text;

namespace MeritApi.Domain.Audit;

/// <summary>
/// Ids for the audit trail's touched records that have no GUID of their own (a competency's code, a policy's version):
/// name-based UUIDs (RFC 9562 version 8 in the name-based form of its appendix: SHA-256 over a MeritApi namespace and the
/// name, cut to 128 bits with the version and variant set), so that anyone can compute the id of "competency T-01" and find
/// its entries.
/// </summary>
public static class AuditIds
{
    /// <summary>The namespace of MeritApi's name-based ids (itself a random UUID, fixed forever).</summary>
    public static readonly Guid Namespace = new("4d1f0b1e-6a52-4c1f-9a8e-3b0c6d2e7f41");

    public static Guid ForCompetency(string code) => NameBased($"competency:{code}");

    public static Guid ForScoringPolicy(int version) =>
        NameBased($"scoring-policy:{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    private static Guid NameBased(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
