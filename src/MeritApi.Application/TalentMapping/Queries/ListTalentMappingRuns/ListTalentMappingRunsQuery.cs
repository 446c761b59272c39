using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Queries.ListTalentMappingRuns;

/// <summary>The agency's mapping runs, newest first.</summary>
public sealed record ListTalentMappingRunsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<TalentMappingRunDto>>, IPagedQuery;

internal sealed class ListTalentMappingRunsQueryValidator : AbstractValidator<ListTalentMappingRunsQuery>
{
    public ListTalentMappingRunsQueryValidator() => this.IncludePaging();
}

internal sealed class ListTalentMappingRunsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListTalentMappingRunsQuery, PagedList<TalentMappingRunDto>>
{
    public async ValueTask<PagedList<TalentMappingRunDto>> Handle(ListTalentMappingRunsQuery query, CancellationToken cancellationToken)
    {
        var page = await db.TalentMappingRuns.AsNoTracking().OrderByDescending(r => r.Sequence)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<TalentMappingRunDto>([.. page.Items.Select(TalentMappingRunDto.From)], page.Page, page.PageSize, page.TotalCount);
    }
}
