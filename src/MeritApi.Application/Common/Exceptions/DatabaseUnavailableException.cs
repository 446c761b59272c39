namespace MeritApi.Application.Common.Exceptions;

/// <summary>
/// The database could not be reached, answered too slowly, or went away (maps to 503 with Retry-After): nothing is wrong
/// with the request, and the same request may be sent again later. Raised by
/// <see cref="Behaviours.DatabaseAvailabilityBehaviour{TMessage,TResponse}"/> from what Infrastructure recognises.
/// </summary>
public sealed class DatabaseUnavailableException(Exception inner) : Exception("The database is unavailable.", inner);
