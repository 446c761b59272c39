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
