using MeritApi.Application.Common.Exceptions;
using MeritApi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>The database refusals that mean "conflict" (409), for EF writes and raw bulk writes alike.</summary>
internal static class DatabaseErrors
{
    public static ConflictException? ToConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => new ConflictException(Rules.ConcurrentUpdate,
            "The resource was changed by another request at the same time; read it again and retry.", exception),
        _ when Postgres(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } pg => Duplicate(pg.ConstraintName, exception),
        _ when Postgres(exception) is { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } =>
            new ConflictException(Rules.ConcurrentUpdate, "Another request changed the same records at the same time; retry.", exception),
        _ => null,
    };

    private static ConflictException Duplicate(string? constraint, Exception exception)
    {
        var (rule, message) = UniqueConstraintMessages.Describe(constraint);
        return new ConflictException(rule, message, exception);
    }

    private static PostgresException? Postgres(Exception exception) =>
        exception as PostgresException ?? exception.InnerException as PostgresException;
}
