using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Idempotency;

/// <summary>A stored first response, keyed by the client (token subject) and the key it chose.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;
    public const int ClientMaxLength = Domain.Audit.AuditEntry.ActorMaxLength;

    public required string Client { get; init; }
    public required string Key { get; init; }
    public required string RequestFingerprint { get; init; }
    public string? Scope { get; init; }
    public required int StatusCode { get; init; }
    public string? Body { get; init; }
    public string? Location { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Client, r.Key });
        builder.Property(r => r.Client).HasMaxLength(IdempotencyRecord.ClientMaxLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestFingerprint).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.Scope).HasMaxLength(36);
        builder.Property(r => r.Location).HasMaxLength(500);
        // The clean-up deletes by expiry.
        builder.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class IdempotencyStore(MeritDbContext db) : IIdempotencyStore
{
    public Task LockAsync(string client, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({client + "\n" + key}, 0))", cancellationToken);

    public async Task<StoredResponse?> FindAsync(string client, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => r.Client == client && r.Key == key)
            .Select(r => new StoredResponse(r.RequestFingerprint, r.Scope, r.StatusCode, r.Body, r.Location, r.CreatedAt, r.ExpiresAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null || stored.ExpiresAt > now)
            return stored;
        // Expired: the key is free again (the caller holds its lock, so nobody else is using it).
        await db.Set<IdempotencyRecord>().Where(r => r.Client == client && r.Key == key).ExecuteDeleteAsync(cancellationToken);
        return null;
    }

    public async Task SaveAsync(string client, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Client = client,
            Key = key,
            RequestFingerprint = response.RequestFingerprint,
            Scope = response.Scope,
            StatusCode = response.StatusCode,
            Body = response.Body,
            Location = response.Location,
            CreatedAt = response.CreatedAt,
            ExpiresAt = response.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM idempotency_keys WHERE expires_at <= {now} ORDER BY expires_at LIMIT {batch}))
            """, cancellationToken);
}
