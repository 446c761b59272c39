namespace MeritApi.Testing;

/// <summary>
/// A controllable clock: starts at a fixed instant (mid-2025, so the latest final SKP year is 2024) and only
/// moves when a test advances it. Registered as the container's <see cref="TimeProvider"/>.
/// </summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultNow = new(2025, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private long _ticks = now.UtcTicks;

    public TestClock() : this(DefaultNow)
    {
    }

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
