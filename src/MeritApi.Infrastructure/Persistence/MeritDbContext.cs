using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.AssessingBodies;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Competencies;
using MeritApi.Domain.Decisions;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using MeritApi.Domain.Transparency;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

public sealed class MeritDbContext(DbContextOptions<MeritDbContext> options) : DbContext(options), IApplicationDbContext
{
    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<CompetencyAssessment> CompetencyAssessments => Set<CompetencyAssessment>();
    public DbSet<AnnualPerformanceRating> PerformanceRatings => Set<AnnualPerformanceRating>();
    public DbSet<ScoringPolicy> ScoringPolicies => Set<ScoringPolicy>();
    public DbSet<Accreditation> Accreditations => Set<Accreditation>();
    public DbSet<Domain.Development.DevelopmentActivity> DevelopmentActivities => Set<Domain.Development.DevelopmentActivity>();
    public DbSet<Domain.Development.IndividualDevelopmentPlan> DevelopmentPlans => Set<Domain.Development.IndividualDevelopmentPlan>();
    public DbSet<Domain.TalentMapping.TalentMappingRun> TalentMappingRuns => Set<Domain.TalentMapping.TalentMappingRun>();
    public DbSet<Domain.TalentMapping.MappingPlacement> MappingPlacements => Set<Domain.TalentMapping.MappingPlacement>();
    public DbSet<Domain.TalentMapping.MappingExclusion> MappingExclusions => Set<Domain.TalentMapping.MappingExclusion>();
    public DbSet<Domain.Placement.PlacementPlan> PlacementPlans => Set<Domain.Placement.PlacementPlan>();
    public DbSet<Domain.Placement.PlacementDecision> PlacementDecisions => Set<Domain.Placement.PlacementDecision>();
    public DbSet<Domain.Succession.SuccessionPool> SuccessionPools => Set<Domain.Succession.SuccessionPool>();
    public DbSet<Domain.Succession.SuccessionMember> SuccessionMembers => Set<Domain.Succession.SuccessionMember>();
    public DbSet<Selection> Selections => Set<Selection>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<ScoringRun> ScoringRuns => Set<ScoringRun>();
    public DbSet<CandidateResult> CandidateResults => Set<CandidateResult>();
    public DbSet<SelectionDecision> Decisions => Set<SelectionDecision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignedCheckpoint> Checkpoints => Set<SignedCheckpoint>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MeritDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Grade>().HaveConversion<GradeConverter>().HaveMaxLength(5);
        configurationBuilder.Properties<Nip>().HaveConversion<NipConverter>().HaveMaxLength(Nip.Length).AreFixedLength();
        // Enums are stored by name so that the database reads the same as the API and the rationale.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>
    /// Turns PostgreSQL's refusals into the application's conflict errors, so a unique key or a concurrent
    /// writer becomes a 409 with a stable reason instead of a 500.
    /// </summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.ToConflict(ex) is { } conflict)
        {
            throw conflict;
        }
    }
}
