namespace MeritApi.Application.Common.Interfaces;

/// <summary>
/// The first successful response to a command sent with an Idempotency-Key, kept to answer its retries until
/// <see cref="ExpiresAt"/>. <see cref="Scope"/> is the committee scope the answer depended on (the selection a
/// committee-scoped caller acted on), so a replay is checked against it as the original request was.
/// </summary>
public sealed record StoredResponse(string RequestFingerprint, string? Scope, int StatusCode, string? Body, string? Location,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>How long a stored response answers retries, and how often expired ones are removed.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>24 hours, the usual convention of payment and HR APIs: long enough for any client's retry policy.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Idempotency keys live in PostgreSQL and are written in the same transaction as the command's effect, so a
/// crash can never leave one without the other.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Serialises requests carrying the same client and key until the current transaction ends.</summary>
    Task LockAsync(string client, string key, CancellationToken cancellationToken);

    /// <summary>The stored response, if one has not expired at <paramref name="now"/>; an expired one is removed.</summary>
    Task<StoredResponse?> FindAsync(string client, string key, DateTimeOffset now, CancellationToken cancellationToken);

    Task SaveAsync(string client, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Removes up to <paramref name="batch"/> responses expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken);
}
