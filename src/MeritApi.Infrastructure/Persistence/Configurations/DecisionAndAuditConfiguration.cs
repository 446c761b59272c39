using MeritApi.Domain.Audit;
using MeritApi.Domain.Decisions;
using MeritApi.Domain.Selections;
using MeritApi.Domain.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeritApi.Infrastructure.Persistence.Configurations;

internal sealed class SelectionDecisionConfiguration : IEntityTypeConfiguration<SelectionDecision>
{
    public void Configure(EntityTypeBuilder<SelectionDecision> builder)
    {
        builder.ToTable("selection_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => d.SelectionId).IsUnique();
        builder.HasIndex(d => d.DecidedAt);
        builder.HasOne<Selection>().WithMany().HasForeignKey(d => d.SelectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(d => d.ScoringRunId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Justification).HasMaxLength(SelectionDecision.JustificationMaxLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(200);

        builder.OwnsMany(d => d.Choices, choice =>
        {
            choice.ToTable("decision_choices");
            choice.WithOwner().HasForeignKey("DecisionId");
            choice.HasKey("DecisionId", nameof(DecisionChoice.CandidateId));
            choice.Property(c => c.CandidateCode).HasMaxLength(16);
            choice.Property(c => c.MeritScore).HasPrecision(5, 2);
            choice.HasOne<Candidate>().WithMany().HasForeignKey(c => c.CandidateId).OnDelete(DeleteBehavior.Restrict);
            choice.HasIndex(c => c.Standing);
        });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(e => e.Role).HasMaxLength(AuditEntry.RoleMaxLength);
        builder.Property(e => e.Command).HasMaxLength(100);
        builder.Property(e => e.RequestId).HasMaxLength(100);
        builder.Property(e => e.BodyDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.OutcomeDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Scheme).HasMaxLength(40);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.Actor);
        // "Every entry that touched this selection" is an array containment query.
        builder.HasIndex(e => e.TouchedIds).HasMethod("gin");
    }
}

internal sealed class SignedCheckpointConfiguration : IEntityTypeConfiguration<SignedCheckpoint>
{
    public void Configure(EntityTypeBuilder<SignedCheckpoint> builder)
    {
        builder.ToTable("audit_checkpoints");
        builder.HasKey(c => c.TreeSize);
        builder.Property(c => c.TreeSize).ValueGeneratedNever();
        builder.Property(c => c.Origin).HasMaxLength(200);
        builder.Property(c => c.KeyId).HasMaxLength(64);
    }
}
