using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetCandidateResult;

/// <summary>
/// One candidate's full result in a scoring run: every figure and the evidence as it was read. Blind like the shortlist:
/// the NIP and name only once the committee revealed identities.
/// </summary>
public sealed record GetCandidateResultQuery(Guid SelectionId, Guid RunId, Guid CandidateId) : IQuery<CandidateResultDto>;

public sealed record CandidateResultDto(
    Guid ScoringRunId,
    Guid CandidateId,
    string CandidateCode,
    string? Nip,
    string? Name,
    int? Rank,
    bool Eligible,
    IReadOnlyList<IneligibilityReason> IneligibilityReasons,
    decimal Jpm,
    JpmBand JpmBand,
    IReadOnlyList<CompetencyGap> CompetencyGaps,
    decimal PerformanceScore,
    IReadOnlyList<CountedYear> PerformanceYears,
    PerformanceRating? LatestRating,
    decimal MeritScore,
    int TalentBox,
    string TalentBoxMeaning,
    bool InTalentPool,
    decimal? GapToNextRank,
    bool NearTie);

internal sealed class GetCandidateResultQueryHandler(IApplicationDbContext db) : IQueryHandler<GetCandidateResultQuery, CandidateResultDto>
{
    public async ValueTask<CandidateResultDto> Handle(GetCandidateResultQuery query, CancellationToken cancellationToken)
    {
        var run = await db.FindRunAsync(query.SelectionId, query.RunId, cancellationToken);
        var r = await db.CandidateResults.AsNoTracking()
                    .FirstOrDefaultAsync(x => x.ScoringRunId == run.Id && x.CandidateId == query.CandidateId, cancellationToken)
                ?? throw new NotFoundException("Candidate result", query.CandidateId);
        var revealed = await db.Selections.AnyAsync(s => s.Id == query.SelectionId && s.IdentitiesRevealedAt != null, cancellationToken);
        var identity = revealed
            ? await db.Employees.AsNoTracking().Where(e => e.Id == r.EmployeeId).Select(e => new { e.Nip, e.Name })
                .FirstAsync(cancellationToken)
            : null;
        var box = Domain.Scoring.TalentBox.FromNumber(r.TalentBox);
        return new CandidateResultDto(r.ScoringRunId, r.CandidateId, r.CandidateCode, identity?.Nip.Value, identity?.Name, r.Rank, r.Eligible,
            r.IneligibilityReasons, r.Jpm, r.JpmBand, r.CompetencyGaps, r.PerformanceScore, r.PerformanceYears, r.LatestRating,
            r.MeritScore, r.TalentBox, box.Meaning, box.InTalentPool, r.GapToNextRank, r.NearTie);
    }
}
