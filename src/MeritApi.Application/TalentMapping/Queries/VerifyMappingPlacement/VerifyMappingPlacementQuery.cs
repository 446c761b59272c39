using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Queries.VerifyMappingPlacement;

public sealed record MappingSealCheck(string Stored, string RecomputedFromStoredRationale, string RecomputedFromEvidence, bool Match);

/// <summary>The run's digest as stored, as recomputed from every stored seal and exclusion, and as the audit trail chained it.</summary>
public sealed record MappingRunDigestCheck(string Stored, string Recomputed, string? RecordedInAuditTrail, bool Match);

/// <summary>
/// Whether a stored placement holds: its figures rescored from the evidence its rationale records under the policy it names;
/// its seal recomputed over the stored rationale and over the rationale rebuilt from that evidence; and each expiry verdict.
/// </summary>
public sealed record MappingVerificationDto(Guid RunId, Guid EmployeeId, string Status, bool FiguresMatch, IReadOnlyList<FigureDifference> Differences,
    MappingSealCheck Seal, MappingRunDigestCheck RunDigest, IReadOnlyList<string> ValidityProblems);

public sealed record VerifyMappingPlacementQuery(Guid RunId, Guid EmployeeId) : IQuery<MappingVerificationDto>;

internal sealed class VerifyMappingPlacementQueryHandler(IApplicationDbContext db) : IQueryHandler<VerifyMappingPlacementQuery, MappingVerificationDto>
{
    public async ValueTask<MappingVerificationDto> Handle(VerifyMappingPlacementQuery query, CancellationToken cancellationToken)
    {
        var run = await db.TalentMappingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RunId, cancellationToken)
                  ?? throw new NotFoundException("Talent-mapping run", query.RunId);
        var stored = await db.MappingPlacements.AsNoTracking().FirstOrDefaultAsync(p => p.MappingRunId == run.Id && p.EmployeeId == query.EmployeeId,
                         cancellationToken)
                     ?? throw new NotFoundException("Placement", $"{query.RunId}/{query.EmployeeId}");
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == run.PolicyVersion, cancellationToken);

        var r = stored.Rationale;
        var gaps = r.Evidence.Competencies.Select(l => new CompetencyGap(l.CompetencyCode, l.RequiredLevel, l.AssessedLevel, l.AssessedOn,
            l.PassedOver?.Select(p => new PassedOverAssessment(p.Level, p.AssessedOn, p.Assessor, p.Refusal)).ToList())).ToList();
        var ratings = r.Evidence.PerformanceYears.Where(y => y.Rating is not null).ToDictionary(y => y.Year, y => y.Rating!.Value);
        var evidence = RationaleVerifier.EvidenceOf(stored.EmployeeId, Grade.Parse(r.Evidence.Grade), gaps, ratings);
        var position = new MappingPosition(r.PositionId, r.PositionCode, [.. gaps.Select(g => (g.CompetencyCode, g.RequiredLevel))]);
        // The verdicts are taken as the rationale records them (the accredited list is not in it); the rescoring re-applies
        // the rule's screen to nothing, so the recorded levels and dates are what counts.
        var context = ScoringContext.ForPolicy(TalentMappingRun.MappingPolicyOf(policy), position.Standard, null, run.LatestPerformanceYear,
            run.ReferenceDate, []);
        var rebuilt = TalentMappingRun.Place(run.Id, context, position, stored.Unit, evidence);

        var differences = new List<FigureDifference>();
        void Check<T>(string figure, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
                differences.Add(new FigureDifference(figure, a?.ToString() ?? "null", b?.ToString() ?? "null"));
        }
        Check("jpm", stored.Jpm, rebuilt.Jpm);
        Check("jpmBand", stored.JpmBand, rebuilt.JpmBand);
        Check("performanceScore", stored.PerformanceScore, rebuilt.PerformanceScore);
        Check("total", stored.Total, rebuilt.Total);
        Check("talentBox", stored.TalentBox, rebuilt.TalentBox);
        Check("followUp", r.FollowUp, rebuilt.Rationale.FollowUp);

        // The seal: the stored column, the one inside the stored rationale, and both recomputed.
        var seals = await db.MappingPlacements.AsNoTracking().Where(p => p.MappingRunId == run.Id)
            .Select(p => new { p.EmployeeId, Seal = EF.Property<string>(p, MappingPlacementColumns.StoredSeal) }).ToListAsync(cancellationToken);
        var storedSeal = seals.Single(s => s.EmployeeId == stored.EmployeeId).Seal;
        var fromStored = MappingSeal.Compute(r);
        var seal = new MappingSealCheck(storedSeal, fromStored, rebuilt.Seal, storedSeal == r.Seal && r.Seal == fromStored && fromStored == rebuilt.Seal);

        // The run: every stored seal and exclusion must still hash to the digest the audit trail chained when it was stored.
        var exclusions = await db.MappingExclusions.AsNoTracking().Where(x => x.MappingRunId == run.Id)
            .Select(x => new { x.EmployeeId, x.Reasons }).ToListAsync(cancellationToken);
        var digest = TalentMappingRun.DigestOf(seals.Select(s => (s.EmployeeId, s.Seal)), exclusions.Select(x => (x.EmployeeId, x.Reasons)));
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Command == Commands.RunTalentMapping.RunTalentMappingCommand.AuditName && e.TouchedIds.Contains(run.Id))
            .Select(e => e.OutcomeDigest).FirstOrDefaultAsync(cancellationToken);
        var runDigest = new MappingRunDigestCheck(run.ResultsDigest, digest, audited, digest == run.ResultsDigest && audited == digest);

        var validity = policy.AssessmentValidity is { } rule ? RationaleVerifier.ValidityProblems(rule, run.ReferenceDate, gaps) : [];
        var holds = differences.Count == 0 && seal.Match && runDigest.Match && validity.Count == 0;
        return new MappingVerificationDto(run.Id, stored.EmployeeId, holds ? "match" : "mismatch", differences.Count == 0, differences, seal,
            runDigest, validity);
    }
}
