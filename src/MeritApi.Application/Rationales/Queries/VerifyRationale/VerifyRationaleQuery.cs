using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Selections.Commands.RunScoring;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Rationales.Queries.VerifyRationale;

/// <summary>
/// Re-verifies a stored result: recomputes every figure from the stored evidence under the stored policy, checks
/// the seal against the stored row, and checks the run's digest against the one the audit trail recorded.
/// </summary>
public sealed record VerifyRationaleQuery(Guid SelectionId, Guid RunId, Guid CandidateId) : IQuery<RationaleVerificationDto>;

public sealed record SealCheck(string Stored, string Recomputed, bool Match);

public sealed record RunDigestCheck(string Stored, string Recomputed, string? RecordedInAuditTrail, bool Match);

public sealed record RationaleVerificationDto(
    Guid SelectionId,
    Guid ScoringRunId,
    Guid CandidateId,
    string Status,
    bool FiguresMatch,
    IReadOnlyList<FigureDifference> Differences,
    SealCheck Seal,
    RunDigestCheck RunDigest)
{
    public const string Match = "match";
    public const string Mismatch = "mismatch";
}

internal sealed class VerifyRationaleQueryHandler(IApplicationDbContext db) : IQueryHandler<VerifyRationaleQuery, RationaleVerificationDto>
{
    public async ValueTask<RationaleVerificationDto> Handle(VerifyRationaleQuery query, CancellationToken cancellationToken)
    {
        var stored = await db.ReadStoredResultAsync(query.SelectionId, query.RunId, query.CandidateId, cancellationToken);
        var (run, policy, result) = stored;

        // 1. Figures: recomputed from the stored evidence; the rank from the run's stored keys with this
        //    candidate's recomputed key in place of its stored one.
        var recomputed = RationaleVerifier.Recompute(policy, run.MinimumGrade, run.LatestPerformanceYear, run.ReferenceDate, result);
        var keys = await db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == run.Id)
            .Select(r => new { r.CandidateId, r.Eligible, r.MeritScore, r.Jpm, r.LatestRating })
            .ToListAsync(cancellationToken);
        var rankKeys = keys.Select(k => k.CandidateId == result.CandidateId
                ? recomputed.Eligible ? recomputed.RankKey : (RankKey?)null
                : k.Eligible ? RankKey.Of(k.MeritScore, k.Jpm, k.LatestRating) : (RankKey?)null)
            .ToList();
        var recomputedRank = Ranking.Rank(rankKeys)[keys.FindIndex(k => k.CandidateId == result.CandidateId)];
        var differences = RationaleVerifier.Compare(result, recomputed, recomputedRank).ToList();
        if (policy.AssessmentValidity is { } rule && run.ReferenceDate is { } referenceDate)
            differences.AddRange(RationaleVerifier.ValidityProblems(rule, referenceDate, result.CompetencyGaps)
                .Select(problem => new FigureDifference("assessmentValidity", "the stored verdict", problem)));

        // 2. Seal: the rationale rebuilt from the stored row must hash to the seal fixed when the run was stored.
        var rebuiltSeal = RationaleBuilder.Build(run.SelectionId, policy, run.MinimumGrade, run.ReferenceDate, result, run.SealScheme).Seal!;
        var seal = new SealCheck(result.Seal, rebuiltSeal, rebuiltSeal == result.Seal);

        // 3. Run digest: all stored seals must still hash to the digest the audit trail chained when the run was stored.
        var seals = await db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == run.Id)
            .Select(r => new { r.CandidateId, r.Seal }).ToListAsync(cancellationToken);
        var digest = ScoringRun.DigestOf(seals.Select(s => (s.CandidateId, s.Seal)));
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Command == RunScoringCommand.AuditName && e.TouchedIds.Contains(run.Id))
            .Select(e => e.OutcomeDigest).FirstOrDefaultAsync(cancellationToken);
        var runDigest = new RunDigestCheck(run.ResultsDigest, digest, audited,
            digest == run.ResultsDigest && audited == digest);

        var allMatch = differences.Count == 0 && seal.Match && runDigest.Match;
        return new RationaleVerificationDto(run.SelectionId, run.Id, result.CandidateId,
            allMatch ? RationaleVerificationDto.Match : RationaleVerificationDto.Mismatch,
            differences.Count == 0, differences, seal, runDigest);
    }
}
