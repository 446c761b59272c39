using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetScoringRun;

public sealed record GetScoringRunQuery(Guid SelectionId, Guid RunId) : IQuery<ScoringRunDto>;

internal sealed class GetScoringRunQueryHandler(IApplicationDbContext db) : IQueryHandler<GetScoringRunQuery, ScoringRunDto>
{
    public async ValueTask<ScoringRunDto> Handle(GetScoringRunQuery query, CancellationToken cancellationToken) =>
        await db.ScoringRuns.AsNoTracking()
            .Where(r => r.SelectionId == query.SelectionId && r.Id == query.RunId)
            .Select(r => new ScoringRunDto(r.Id, r.SelectionId, r.Sequence, r.PolicyVersion, r.LatestPerformanceYear, r.ScoredAt,
                r.CandidateCount, r.EligibleCount))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Scoring run", query.RunId);
}
