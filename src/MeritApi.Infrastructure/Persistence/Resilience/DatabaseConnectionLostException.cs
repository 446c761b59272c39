namespace MeritApi.Infrastructure.Persistence.Resilience;

/// <summary>
/// A unit of work failed after its connection broke, with an error that does not say so itself: EF Core logs and
/// ignores a failure to create or release the savepoint it wraps each SaveChanges in, and the next statement then finds
/// its transaction completed (an <see cref="InvalidOperationException"/>). The transaction died with the connection, so
/// this is as transient, and as safe to retry, as the lost connection behind it.
/// </summary>
public sealed class DatabaseConnectionLostException(Exception inner)
    : Exception("The database connection was lost during the unit of work.", inner);
