namespace MeritApi.Application.Common.Idempotency;

/// <summary>
/// The first successful answer to a command sent with an Idempotency-Key (the command's response as JSON), kept to answer
/// its retries until <see cref="ExpiresAt"/>. <see cref="RequestFingerprint"/> identifies the request (the command and all
/// it asks for), so the same key with another request is refused.
/// </summary>
public sealed record StoredResponse(string RequestFingerprint, string Response, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>How long a stored response answers retries, and how often expired ones are removed.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>24 hours, the usual convention of payment and HR APIs: long enough for any client's retry policy.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Idempotency keys live in PostgreSQL and are written in the same transaction as the command's effect, so a crash can
/// never leave one without the other.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Takes the key's lock, which serialises requests carrying the same key until the current transaction ends, then the
    /// stored response, if one has not expired at <paramref name="now"/> (an expired one is removed). The read sees what the
    /// previous holder of the lock committed.
    /// </summary>
    Task<StoredResponse?> LockAndFindAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds the answer to the unit of work; it is saved with the command's effect.</summary>
    void Add(IdempotencyKey key, StoredResponse response);

    /// <summary>Removes up to <paramref name="batch"/> responses expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken);
}

/// <summary>
/// Whether the current request was answered from a stored response rather than by running the command (the edge then
/// says so in a header). One per request scope.
/// </summary>
public sealed class IdempotentReplay
{
    public bool Replayed { get; private set; }

    internal void Mark() => Replayed = true;
}
