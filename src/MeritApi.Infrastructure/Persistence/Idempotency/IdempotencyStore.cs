using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Idempotency;

/// <summary>A stored first response, keyed by the client (token subject) and the key it chose.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    public required string Client { get; init; }
    public required string Key { get; init; }
    public required string RequestFingerprint { get; init; }
    public required int StatusCode { get; init; }
    public string? Body { get; init; }
    public string? Location { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Client, r.Key });
        builder.Property(r => r.Client).HasMaxLength(200);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestFingerprint).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class IdempotencyStore(MeritDbContext db) : IIdempotencyStore
{
    public Task LockAsync(string client, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({client + "\n" + key}, 0))", cancellationToken);

    public async Task<StoredResponse?> FindAsync(string client, string key, CancellationToken cancellationToken) =>
        await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => r.Client == client && r.Key == key)
            .Select(r => new StoredResponse(r.RequestFingerprint, r.StatusCode, r.Body, r.Location, r.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task SaveAsync(string client, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Client = client,
            Key = key,
            RequestFingerprint = response.RequestFingerprint,
            StatusCode = response.StatusCode,
            Body = response.Body,
            Location = response.Location,
            CreatedAt = response.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
