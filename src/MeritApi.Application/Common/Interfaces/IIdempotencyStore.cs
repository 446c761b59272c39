namespace MeritApi.Application.Common.Interfaces;

/// <summary>The first successful response to a command sent with an Idempotency-Key, kept to answer its retries.</summary>
public sealed record StoredResponse(string RequestFingerprint, int StatusCode, string? Body, string? Location, DateTimeOffset CreatedAt);

/// <summary>
/// Idempotency keys live in PostgreSQL and are written in the same transaction as the command's effect, so a
/// crash can never leave one without the other.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Serialises requests carrying the same client and key until the current transaction ends.</summary>
    Task LockAsync(string client, string key, CancellationToken cancellationToken);

    Task<StoredResponse?> FindAsync(string client, string key, CancellationToken cancellationToken);

    Task SaveAsync(string client, string key, StoredResponse response, CancellationToken cancellationToken);
}
