namespace MeritApi.Application.Common.Exceptions;

/// <summary>The Idempotency-Key was already used for a different request (maps to 422): a new request needs a new key.</summary>
public sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was already used for a different request; use a new key for a new request.");
