using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Positions.Queries.GetPosition;

public sealed record GetPositionQuery(Guid Id) : IQuery<PositionDto>;

internal sealed class GetPositionQueryHandler(IApplicationDbContext db) : IQueryHandler<GetPositionQuery, PositionDto>
{
    public async ValueTask<PositionDto> Handle(GetPositionQuery query, CancellationToken cancellationToken)
    {
        var position = await db.Positions.AsNoTracking().Include(p => p.Standard)
                           .FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
                       ?? throw new NotFoundException("Position", query.Id);
        return PositionDto.From(position);
    }
}
