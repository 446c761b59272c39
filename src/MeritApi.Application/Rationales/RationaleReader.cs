using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Selections.Queries;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Rationales;

/// <summary>A stored result with what it was scored against: its run and the policy version the run names.</summary>
internal sealed record StoredResult(ScoringRun Run, ScoringPolicy Policy, CandidateResult Result)
{
    /// <summary>The rationale as published: rebuilt from the stored row, carrying the seal fixed at scoring time.</summary>
    public CandidateRationale PublishedRationale() =>
        RationaleBuilder.Build(Run.SelectionId, Policy, Run.MinimumGrade, Run.ReferenceDate, Result, Run.SealScheme) with { Seal = Result.Seal };
}

internal static class RationaleReader
{
    public static async Task<StoredResult> ReadStoredResultAsync(this IApplicationDbContext db, Guid selectionId, Guid runId,
        Guid candidateId, CancellationToken cancellationToken)
    {
        var run = await db.FindRunAsync(selectionId, runId, cancellationToken);
        var result = await db.CandidateResults.AsNoTracking()
                         .FirstOrDefaultAsync(r => r.ScoringRunId == run.Id && r.CandidateId == candidateId, cancellationToken)
                     ?? throw new NotFoundException("Candidate result", candidateId);
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == run.PolicyVersion, cancellationToken);
        return new StoredResult(run, policy, result);
    }
}
