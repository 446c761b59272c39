using System.Globalization;

namespace MeritApi.Application.Tests.Support;

/// <summary>Values that never collide between tests sharing one database.</summary>
public static class Unique
{
    /// <summary>18 random digits (a NIP).</summary>
    public static string Nip() =>
        string.Create(18, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = (char)('0' + Random.Shared.Next(10));
        });

    /// <summary>A valid, unique competency code: upper-case letters, digits and dashes, starting with a letter.</summary>
    public static string CompetencyCode() => "T-" + Hex(12);

    public static string PositionCode() => "POS-" + Hex(16);

    private static string Hex(int length) =>
        Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..length].ToUpperInvariant();
}
