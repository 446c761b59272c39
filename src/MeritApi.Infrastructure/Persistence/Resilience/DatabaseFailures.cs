using MeritApi.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence.Resilience;

/// <summary>
/// Tells apart the database failures that mean "PostgreSQL cannot be reached right now" (a refused or lost connection,
/// a server shutting down or starting up, a timeout) from everything else, for the retry policy and for the API's 503.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>
    /// Server errors that Npgsql does not count as transient but that mean the same thing for us: the server
    /// terminated the session (57P01 admin_shutdown, e.g. <c>pg_ctl stop</c>; 57P02 crash_shutdown) or cannot take it
    /// yet (57P03 cannot_connect_now, while it starts up or shuts down), or the connection itself failed (08xxx).
    /// 40P01 (deadlock) is transient too: the whole transaction was rolled back and may simply run again.
    /// </summary>
    private static readonly HashSet<string> UnavailableStates =
        ["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006", "40P01"];

    /// <summary>
    /// Whether the execution strategy may run the operation again. Only failures where nothing can have been
    /// committed qualify: the operation is a whole unit of work whose transaction dies with the connection (PostgreSQL
    /// rolls back what a lost session did not commit), or a read. The commit itself is never retried here (see
    /// <see cref="CommitOutcomeUnknownException"/>). Timeouts are not retried either: a hung or overloaded server does
    /// not get faster by being asked again, and the answer must come within the configured limits.
    /// </summary>
    public static bool ShouldRetry(Exception exception)
    {
        if (exception is DatabaseConnectionLostException)
            return true;
        var npgsql = FindThroughWrappers(exception);
        if (npgsql is null || npgsql is NpgsqlOperationInProgressException || HasTimeout(exception))
            return false;
        return npgsql is PostgresException pg
            ? pg.IsTransient || UnavailableStates.Contains(pg.SqlState)
            : npgsql.IsTransient;
    }

    /// <summary>
    /// Whether the connection itself is gone (as opposed to a statement refused by a live server): then every idle
    /// connection in the pool is most likely dead as well (the server restarted), and the pool is worth clearing.
    /// </summary>
    public static bool IsConnectionLoss(Exception exception) =>
        exception is DatabaseConnectionLostException || FindThroughWrappers(exception) switch
        {
            PostgresException pg => pg.Severity is "FATAL" or "PANIC" || pg.SqlState.StartsWith("08", StringComparison.Ordinal) ||
                                    pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
            NpgsqlOperationInProgressException => false,
            NpgsqlException => true,
            _ => false,
        };

    /// <summary>
    /// Whether a request failed because the database is unreachable, too slow, or was lost mid-commit: the API
    /// answers 503 with Retry-After for these, never 500.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case CommitOutcomeUnknownException or DatabaseConnectionLostException or RetryLimitExceededException or TimeoutException:
                    return true;
                case NpgsqlOperationInProgressException:
                    return false;
                case PostgresException pg:
                    return pg.IsTransient || UnavailableStates.Contains(pg.SqlState);
                case NpgsqlException:
                    return true; // Npgsql's own failure to talk to the server: I/O, protocol, pool exhausted, timeouts
            }
        }
        return false;
    }

    /// <summary>
    /// The Npgsql failure behind EF's wrappers. Application exceptions (a conflict translated from a PostgreSQL
    /// error, say) stop the search: they already carry a meaning of their own.
    /// </summary>
    private static NpgsqlException? FindThroughWrappers(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql:
                    return npgsql;
                case DbUpdateException or InvalidOperationException or AggregateException:
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    private static bool HasTimeout(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
                return true;
        }
        return false;
    }
}

/// <summary>The Application's view of <see cref="DatabaseFailures.IsUnavailable"/>.</summary>
internal sealed class DatabaseFailureClassifier : Application.Common.Interfaces.IDatabaseFailures
{
    public bool IsUnavailable(Exception exception) => DatabaseFailures.IsUnavailable(exception);
}
