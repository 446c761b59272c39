namespace MeritApi.Application.Common.Concurrency;

/// <summary>The resource has changed since the version the client names (412).</summary>
public sealed class PreconditionFailedException(VersionedResource resource, Guid id, uint current)
    : Exception($"{resource} '{id}' has changed since the version the request names (If-Match); it is now at version \"{current}\". " +
                "Read it again and apply the change to what it holds now.");
