using MeritApi.Application.Common.Concurrency;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>Row versions from PostgreSQL's xmin, the column EF maps as each versioned entity's concurrency token.</summary>
internal sealed class RowVersions(MeritDbContext db) : IRowVersions
{
    public Task<uint?> CurrentAsync(VersionedResource resource, Guid id, CancellationToken cancellationToken) =>
        ReadAsync(resource, id, forUpdate: false, cancellationToken);

    public async Task EnsureAsync(VersionedResource resource, Guid id, VersionPrecondition? precondition, CancellationToken cancellationToken)
    {
        if (precondition is null)
            return;
        if (await ReadAsync(resource, id, forUpdate: true, cancellationToken) is { } version && !precondition.IsMetBy(version))
            throw new PreconditionFailedException(resource, id, version);
    }

    private async Task<uint?> ReadAsync(VersionedResource resource, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var rows = (resource, forUpdate) switch
        {
            (VersionedResource.Position, false) => db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM positions WHERE id = {id}"),
            (VersionedResource.Position, true) => db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM positions WHERE id = {id} FOR UPDATE"),
            (VersionedResource.Employee, false) => db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM employees WHERE id = {id}"),
            (VersionedResource.Employee, true) => db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM employees WHERE id = {id} FOR UPDATE"),
            _ => throw new ArgumentOutOfRangeException(nameof(resource)),
        };
        // xid is unsigned 32-bit, which EF reads as bigint; text is the cast PostgreSQL offers from xid.
        return (await rows.ToListAsync(cancellationToken)).Select(v => (uint?)v).FirstOrDefault();
    }
}
