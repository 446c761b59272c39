namespace MeritApi.Application.Common.Concurrency;

/// <summary>
/// The row versions an update may apply to (HTTP If-Match): the client read the resource at one of them and changes it
/// only if nobody changed it since. <see cref="Any"/> (<c>If-Match: *</c>) asks only that it exists.
/// </summary>
public sealed record VersionPrecondition(IReadOnlyList<uint>? Versions)
{
    public static readonly VersionPrecondition Any = new((IReadOnlyList<uint>?)null);

    public bool IsMetBy(uint version) => Versions is null || Versions.Contains(version);
}

/// <summary>The resources whose updates take a <see cref="VersionPrecondition"/>.</summary>
public enum VersionedResource
{
    Position,
    Employee,
}

/// <summary>The resource has changed since the version the client names (412).</summary>
public sealed class PreconditionFailedException(VersionedResource resource, Guid id, uint current)
    : Exception($"{resource} '{id}' has changed since the version the request names (If-Match); it is now at version \"{current}\". " +
                "Read it again and apply the change to what it holds now.")
{
    public uint Current { get; } = current;
}

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
