using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetDecision;

public sealed record GetDecisionQuery(Guid SelectionId) : IQuery<DecisionDto>;

internal sealed class GetDecisionQueryHandler(IApplicationDbContext db) : IQueryHandler<GetDecisionQuery, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(GetDecisionQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Selections.AnyAsync(s => s.Id == query.SelectionId, cancellationToken))
            throw new NotFoundException("Selection", query.SelectionId);
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.SelectionId == query.SelectionId, cancellationToken)
                       ?? throw new NotFoundException("Decision", query.SelectionId, $"Selection '{query.SelectionId}' has not been decided yet.");
        return DecisionDto.From(decision);
    }
}
