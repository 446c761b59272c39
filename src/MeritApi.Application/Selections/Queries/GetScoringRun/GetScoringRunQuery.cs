using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetScoringRun;

public sealed record GetScoringRunQuery(Guid SelectionId, Guid RunId) : IQuery<ScoringRunDto>;

internal sealed class GetScoringRunQueryHandler(IApplicationDbContext db) : IQueryHandler<GetScoringRunQuery, ScoringRunDto>
{
    public async ValueTask<ScoringRunDto> Handle(GetScoringRunQuery query, CancellationToken cancellationToken) =>
        ScoringRunDto.From(await db.ScoringRuns.AsNoTracking()
                               .FirstOrDefaultAsync(r => r.SelectionId == query.SelectionId && r.Id == query.RunId, cancellationToken)
                           ?? throw new NotFoundException("Scoring run", query.RunId));
}
