using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetShortlist;

internal sealed class GetShortlistQueryHandler(IShortlistReader shortlists, IApplicationDbContext db)
    : IQueryHandler<GetShortlistQuery, ShortlistDto>
{
    public async ValueTask<ShortlistDto> Handle(GetShortlistQuery query, CancellationToken cancellationToken)
    {
        var run = await shortlists.FindRunAsync(query.SelectionId, query.RunId, query.Top, cancellationToken);
        if (run is null)
        {
            if (!await db.Selections.AnyAsync(s => s.Id == query.SelectionId, cancellationToken))
                throw new NotFoundException("Selection", query.SelectionId);
            throw RunLookup.RunNotFound(query.SelectionId, query.RunId);
        }

        var (page, pageSize) = (query.Page, query.PageSize);
        var items = await shortlists.ReadAsync(run.RunId, query.Top, query.IncludeIneligible, run.Revealed, (page - 1) * pageSize, pageSize,
            cancellationToken)
            .ToListAsync(cancellationToken);
        return new ShortlistDto(query.SelectionId, run.RunId, run.Sequence, run.ScoredAt, run.PolicyVersion, run.Places, query.Top,
            run.Revealed, new PagedList<ShortlistEntryDto>(items, page, pageSize, run.Length(query.IncludeIneligible)));
    }
}
