using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.ListCandidates;

public sealed record ListCandidatesQuery(Guid SelectionId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<CandidateDto>>, IPagedQuery;

internal sealed class ListCandidatesQueryValidator : AbstractValidator<ListCandidatesQuery>
{
    public ListCandidatesQueryValidator() => this.IncludePaging();
}

internal sealed class ListCandidatesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListCandidatesQuery, PagedList<CandidateDto>>
{
    public async ValueTask<PagedList<CandidateDto>> Handle(ListCandidatesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Selections.AnyAsync(s => s.Id == query.SelectionId, cancellationToken))
            throw new NotFoundException("Selection", query.SelectionId);
        return await db.Candidates.AsNoTracking()
            .Where(c => c.SelectionId == query.SelectionId)
            .OrderBy(c => c.Number)
            .Select(c => new CandidateDto(c.Id, c.Code, c.EmployeeId, c.EnrolledAt))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
