namespace MeritApi.Application.Common.Exceptions;

/// <summary>
/// The connection to the database failed while a command's transaction was being committed: the commit may have
/// landed or not, and the server cannot tell which. Never retried server-side (that could apply the command twice);
/// maps to 503, and a client that sent an Idempotency-Key retries with the same key to get the stored answer if the
/// commit did land, or a fresh execution if it did not.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The connection to the database was lost while committing; the outcome of the command is unknown.", inner);
