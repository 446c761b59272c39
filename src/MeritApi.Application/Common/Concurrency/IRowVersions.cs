namespace MeritApi.Application.Common.Concurrency;

/// <summary>The row versions of versioned resources (PostgreSQL's xmin, the concurrency token EF checks on update).</summary>
public interface IRowVersions
{
    /// <summary>The current version, or null when there is no such resource.</summary>
    Task<uint?> CurrentAsync(VersionedResource resource, Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the resource's row for the rest of the transaction and checks the precondition against its version, so that
    /// nobody can change it between the check and the update; throws <see cref="PreconditionFailedException"/> when it is
    /// not met. A missing resource passes: the handler reports it as not found.
    /// </summary>
    Task EnsureAsync(VersionedResource resource, Guid id, VersionPrecondition? precondition, CancellationToken cancellationToken);
}
