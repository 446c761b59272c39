using MeritApi.Application.Common.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Idempotency;

/// <summary>A stored first response, keyed by the client (token subject) and the key it chose.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = IdempotencyKey.MaxLength;
    public const int ClientMaxLength = Domain.Audit.AuditEntry.ActorMaxLength;

    public required string Client { get; init; }
    public required string Key { get; init; }
    public required string RequestFingerprint { get; init; }
    public required string Response { get; init; }
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
        // The clean-up deletes by expiry.
        builder.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class IdempotencyStore(MeritDbContext db) : IIdempotencyStore
{
    /// <summary>The lock and the read in one round trip (<see cref="CommandBatch"/>): the read sees the previous holder's answer.</summary>
    public async Task<StoredResponse?> LockAndFindAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        StoredResponse? stored = null;
        await using (var batch = CommandBatch.InTransaction(db, "An Idempotency-Key's lock",
                         CommandBatch.Command("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key.Client + "\n" + key.Value),
                         CommandBatch.Command(
                             "SELECT request_fingerprint, response, created_at, expires_at FROM idempotency_keys WHERE client = $1 AND key = $2",
                             key.Client, key.Value)))
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                stored = new StoredResponse(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetFieldValue<DateTimeOffset>(3));
        }
        if (stored is null || stored.ExpiresAt > now)
            return stored;
        // Expired: the key is free again (the caller holds its lock, so nobody else is using it).
        await Of(key).ExecuteDeleteAsync(cancellationToken);
        return null;
    }

    public void Add(IdempotencyKey key, StoredResponse response) =>
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Client = key.Client,
            Key = key.Value,
            RequestFingerprint = response.RequestFingerprint,
            Response = response.Response,
            CreatedAt = response.CreatedAt,
            ExpiresAt = response.ExpiresAt,
        });

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM idempotency_keys WHERE expires_at <= {now} ORDER BY expires_at LIMIT {batch}))
            """, cancellationToken);

    private IQueryable<IdempotencyRecord> Of(IdempotencyKey key) =>
        db.Set<IdempotencyRecord>().Where(r => r.Client == key.Client && r.Key == key.Value);
}
