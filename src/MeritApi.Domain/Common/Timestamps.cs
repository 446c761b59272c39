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
}
