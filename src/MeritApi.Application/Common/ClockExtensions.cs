using MeritApi.Domain.Common;

namespace MeritApi.Application.Common;

public static class ClockExtensions
{
    /// <summary>The current instant at the precision it is stored with, for everything a command records.</summary>
    public static DateTimeOffset Now(this TimeProvider clock) => Timestamps.ToStoredPrecision(clock.GetUtcNow());

    /// <summary>Today's date in UTC, the day the dates of evidence are checked against.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
