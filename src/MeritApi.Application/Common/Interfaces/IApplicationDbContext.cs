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

namespace MeritApi.Application.Common.Interfaces;

/// <summary>
/// The persistence the use cases see. Query handlers project straight from these sets; command handlers
/// change aggregates and leave committing to the unit-of-work behaviour.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Competency> Competencies { get; }
    DbSet<Position> Positions { get; }
    DbSet<Employee> Employees { get; }
    DbSet<CompetencyAssessment> CompetencyAssessments { get; }
    DbSet<AnnualPerformanceRating> PerformanceRatings { get; }
    DbSet<ScoringPolicy> ScoringPolicies { get; }
    DbSet<Accreditation> Accreditations { get; }
    DbSet<Domain.Development.DevelopmentActivity> DevelopmentActivities { get; }
    DbSet<Domain.Development.IndividualDevelopmentPlan> DevelopmentPlans { get; }
    DbSet<Domain.TalentMapping.TalentMappingRun> TalentMappingRuns { get; }
    DbSet<Domain.TalentMapping.MappingPlacement> MappingPlacements { get; }
    DbSet<Domain.TalentMapping.MappingExclusion> MappingExclusions { get; }
    DbSet<Domain.Placement.PlacementPlan> PlacementPlans { get; }
    DbSet<Domain.Placement.PlacementDecision> PlacementDecisions { get; }
    DbSet<Domain.Succession.SuccessionPool> SuccessionPools { get; }
    DbSet<Domain.Succession.SuccessionMember> SuccessionMembers { get; }
    DbSet<Selection> Selections { get; }
    DbSet<Candidate> Candidates { get; }
    DbSet<ScoringRun> ScoringRuns { get; }
    DbSet<CandidateResult> CandidateResults { get; }
    DbSet<SelectionDecision> Decisions { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<SignedCheckpoint> Checkpoints { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
