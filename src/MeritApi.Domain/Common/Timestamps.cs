namespace MeritApi.Domain.Common;

/// <summary>
/// PostgreSQL keeps timestamps to the microsecond; .NET clocks tick in 100 ns. Every instant the system records is
/// cut to the microsecond first, so what a command answers, what is stored and what is hashed are the same value.
/// </summary>
public static class Timestamps
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset ToStoredPrecision(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TicksPerMicrosecond, TimeSpan.Zero);

    /// <summary>How an instant is written wherever it is hashed or signed: UTC, always six fractional digits, 'Z'.</summary>
    public const string CanonicalFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string CanonicalText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(CanonicalFormat, System.Globalization.CultureInfo.InvariantCulture);
}
