using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetSelection;

public sealed record GetSelectionQuery(Guid Id) : IQuery<SelectionDto>;

internal sealed class GetSelectionQueryHandler(IApplicationDbContext db) : IQueryHandler<GetSelectionQuery, SelectionDto>
{
    public async ValueTask<SelectionDto> Handle(GetSelectionQuery query, CancellationToken cancellationToken)
    {
        var selection = await db.Selections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
                        ?? throw new NotFoundException("Selection", query.Id);
        return SelectionDto.From(selection);
    }
}
